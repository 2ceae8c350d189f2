package io.tidewatch.cli;

import io.tidewatch.telegram.FakeBotApiAccess;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class RunCommandTest {
    @Test
    void a_bad_http_address_is_refused_with_what_to_write() {
        CommandLine cl = Main.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        assertEquals(Main.EXIT_ERROR, cl.execute("run", "--http", "8080"));
        assertTrue(err.toString().contains("HOST:PORT"), err.toString());
    }

    @Test
    void without_credentials_it_serves_the_sandbox_and_stops_cleanly_on_sigterm() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.tidewatch.cli.Main", "run", "--rules", "rules",
                "--http", "127.0.0.1:0");
        for (String v : new String[]{"TELEGRAM_BOT_TOKEN", "TWITTER_API_KEY", "TWITTER_BEARER_TOKEN", "TIDEWATCH_DASHBOARD_TOKEN"}) {
            pb.environment().remove(v);
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        StringBuffer out = new StringBuffer();
        java.util.concurrent.CompletableFuture<String> url = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> { // reads the output until the process ends, noting the sandbox's address
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.append(line).append('\n');
                    int at = line.indexOf("open http://");
                    if (at >= 0) url.complete(line.substring(at + 5, line.indexOf('/', at + 12)));
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
            url.complete(null);
        });
        reader.start();
        try {
            String base = url.get(60, TimeUnit.SECONDS);
            assertNotNull(base, out.toString());
            var http = java.net.http.HttpClient.newHttpClient();
            var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/healthz")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            String seed = "fancy muffin offer equal scorpion harsh caught arm never jar cake hire";
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/sandbox/messages"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"platform\":\"telegram\",\"chat\":\"group\","
                            + "\"user\":{\"id\":\"42\",\"name\":\"Ivan\",\"username\":\"ivan\"},\"text\":\"seed: " + seed + "\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"DELETE_MESSAGE\""), answer.body());
            assertFalse(answer.body().contains("muffin offer"), "never echoed");
        } finally {
            p.destroy(); // SIGTERM
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped");
        reader.join();
        assertTrue(out.toString().contains("TELEGRAM_BOT_TOKEN") && out.toString().contains("TWITTER_ACCESS_TOKEN"),
                "it says which variables enable which platform");
        assertFalse(out.toString().contains("muffin offer"), "the secret is never logged");
    }

    @Test
    void run_is_listed_by_the_main_command() {
        assertTrue(Main.commandLine().getSubcommands().containsKey("run"));
    }

    @Test
    void the_process_polls_answers_and_stops_cleanly_on_sigterm() throws Exception {
        try (var api = FakeBotApiAccess.start()) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.tidewatch.cli.Main", "run", "--rules", "rules", "--http", "127.0.0.1:0");
            pb.environment().put("TELEGRAM_BOT_TOKEN", "123456:TEST-not-a-real-token");
            pb.environment().put("TELEGRAM_API_URL", api.url());
            pb.environment().put("TIDEWATCH_DB_URL", "jdbc:h2:mem:runtest;DB_CLOSE_DELAY=-1");
            pb.redirectErrorStream(true);
            java.io.File log = java.io.File.createTempFile("tidewatch-run", ".log");
            log.deleteOnExit();
            pb.redirectOutput(log);
            Process p = pb.start();
            try {
                api.pushModeratorCommand(1, "/status");
                String reply = api.awaitSentText(Duration.ofSeconds(30));
                assertTrue(reply.contains("Tidewatch"), reply);
            } finally {
                p.destroy(); // SIGTERM
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped");
            String out = java.nio.file.Files.readString(log.toPath());
            assertTrue(out.contains("telegram: stopped"), out);
            assertFalse(out.contains("TEST-not-a-real-token"), "the token is never logged");
        }
    }

    private static CliRun runWith(java.util.Map<String, String> env) {
        RunCommand run = new RunCommand();
        run.env = env;
        CommandLine cl = new CommandLine(run);
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            cl.setErr(new java.io.PrintWriter(err, true));
            int exit = cl.execute("--rules", "rules", "--http", "127.0.0.1:0");
            return new CliRun(exit, "", err + printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void a_database_that_does_not_answer_at_start_is_one_clear_error_and_exit_2() throws Exception {
        int closedPort;
        try (var s = new java.net.ServerSocket(0)) { closedPort = s.getLocalPort(); }
        var run = runWith(java.util.Map.of("TELEGRAM_BOT_TOKEN", "123456:TEST-not-a-real-token",
                "TIDEWATCH_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/tidewatch?password=hunter2secret",
                "TIDEWATCH_DB_USER", "tw"));
        assertEquals(Main.EXIT_ERROR, run.exit());
        assertTrue(run.err().contains("cannot open the database jdbc:postgresql://127.0.0.1:" + closedPort + "/tidewatch"), run.err());
        assertFalse(run.err().contains("hunter2secret"), "no credential from the URL is printed");
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void an_h2_file_held_by_another_process_is_named_as_such(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("tw").toAbsolutePath();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), io.tidewatch.store.HoldDatabase.class.getName(), url).start();
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("held", lines.readLine());
            var run = runWith(java.util.Map.of("TELEGRAM_BOT_TOKEN", "123456:TEST-not-a-real-token", "TIDEWATCH_DB_URL", url));
            assertEquals(Main.EXIT_ERROR, run.exit());
            assertTrue(run.err().contains("is in use by another process"), run.err());
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_bad_rule_file_at_start_is_refused_with_file_and_line_before_anything_connects(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.nio.file.Path rules = dir.resolve("rules");
        try (var files = java.nio.file.Files.walk(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Path to = rules.resolve(Path.of("rules").relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) java.nio.file.Files.createDirectories(to);
                else java.nio.file.Files.copy(f, to);
            }
        }
        java.nio.file.Files.writeString(rules.resolve("chats.yaml"), "chats:\n  - {id: \"not-a-number\"}\n");
        try (var api = FakeBotApiAccess.start()) {
            CommandLine cl = Main.commandLine();
            RunCommand run = cl.getSubcommands().get("run").getCommand();
            run.env = java.util.Map.of("TELEGRAM_BOT_TOKEN", "123456:TEST-not-a-real-token", "TELEGRAM_API_URL", api.url(),
                    "TIDEWATCH_DB_URL", "jdbc:h2:mem:badrules;DB_CLOSE_DELAY=-1");
            java.io.StringWriter err = new java.io.StringWriter();
            cl.setErr(new java.io.PrintWriter(err, true));
            int exit = cl.execute("run", "--rules", rules.toString(), "--http", "127.0.0.1:0");
            assertEquals(Main.EXIT_ERROR, exit, err.toString());
            assertTrue(err.toString().contains("chats.yaml") && err.toString().contains("chats[0].id"), err.toString());
            assertEquals(0, api.count("getMe"), "nothing connected");
        }
    }
}

package io.tidewatch.cli;

import io.tidewatch.telegram.FakeBotApiAccess;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class RunCommandTest {
    @Test
    void without_credentials_it_says_which_variables_enable_which_platform_and_exits_2() {
        RunCommand run = new RunCommand();
        run.env = Map.of();
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(run).execute();
        } finally {
            System.setErr(old);
        }
        assertEquals(Main.EXIT_ERROR, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("TELEGRAM_BOT_TOKEN") && text.contains("TWITTER_ACCESS_TOKEN"), text);
    }

    @Test
    void run_is_listed_by_the_main_command() {
        assertTrue(Main.commandLine().getSubcommands().containsKey("run"));
    }

    @Test
    void the_process_polls_answers_and_stops_cleanly_on_sigterm() throws Exception {
        try (var api = FakeBotApiAccess.start()) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.tidewatch.cli.Main", "run", "--rules", "rules");
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
}

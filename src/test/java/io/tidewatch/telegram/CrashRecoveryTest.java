package io.tidewatch.telegram;

import io.tidewatch.store.AuditLog;
import io.tidewatch.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.tidewatch.telegram.TestDetectors.SEED;
import static io.tidewatch.telegram.Updates.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12: the bot is killed with SIGKILL at random moments of a raid, many times, and started
 * again on the same database. In the end every leak is deleted, nothing clean is deleted, and no
 * warning or private message is sent twice more than once per crash. Sizes: -Dtidewatch.crash.messages
 * (default 1,200, one in 20 a leak) and -Dtidewatch.crash.kills (default 4).
 */
class CrashRecoveryTest {
    static final Duration READY = Duration.ofSeconds(60);

    private static Process start(String api, String db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BotProcess.class.getName(), api, db).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + READY.toNanos();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("ready")) break;
            if (System.nanoTime() > deadline) break;
        }
        if (line == null || !line.equals("ready")) {
            p.destroyForcibly();
            fail("the bot process did not start");
        }
        Thread drain = new Thread(() -> { // keep its output flowing so it never blocks on a full pipe
            try {
                while (out.readLine() != null) { /* discard */ }
            } catch (Exception ignored) {
                // the process is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    @Test
    void killed_again_and_again_during_a_raid_it_deletes_every_leak_once_and_repeats_at_most_one_message_per_crash(
            @TempDir Path dir) throws Exception {
        int messages = Integer.getInteger("tidewatch.crash.messages", 1200);
        int kills = Integer.getInteger("tidewatch.crash.kills", 4);
        String dbUrl = "jdbc:h2:file:" + dir.resolve("tw").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        Random random = new Random(Long.getLong("tidewatch.seed", 12));
        Set<Integer> leaks = new java.util.HashSet<>();
        try (FakeBotApi api = new FakeBotApi()) {
            for (int i = 1; i <= messages; i++) {
                int messageId = 100_000 + i;
                long user = 10_000 + i;
                boolean leak = i % 20 == 0;
                if (leak) {
                    leaks.add(messageId);
                    if (i % 40 == 0) api.started(user); // half the leakers once opened a private chat with the bot
                }
                api.push(groupText(i, messageId, user, "User" + i, leak ? "backup: " + SEED : "gm, when is the next listing? #" + i));
            }
            Process bot = start(api.url(), dbUrl);
            for (int k = 0; k < kills; k++) {
                Thread.sleep(300 + random.nextInt(2500));
                bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, nothing flushed
                bot = start(api.url(), dbUrl);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (leaks.stream().anyMatch(id -> api.exists(GROUP, id))) {
                if (System.nanoTime() > deadline) {
                    fail("leaks never deleted: " + leaks.stream().filter(id -> api.exists(GROUP, id)).sorted().toList());
                }
                Thread.sleep(100);
            }
            Thread.sleep(3000); // what is still in flight after the last deletion (warnings, alerts) goes out
            bot.destroy(); // SIGTERM: a clean stop
            assertTrue(bot.waitFor(30, TimeUnit.SECONDS));

            Set<Integer> deleted = api.calls("deleteMessage").stream().map(c -> Integer.parseInt(c.param("message_id")))
                    .collect(Collectors.toSet());
            assertEquals(leaks, deleted, "exactly the leaks were deleted (attempts may repeat)");

            Map<String, Integer> perUser = new HashMap<>();
            List<String> groupTexts = new ArrayList<>();
            for (var c : api.calls("sendMessage")) {
                if (!api.delivered(c)) continue; // refused (a private chat never opened): nothing reached anyone
                String chat = c.param("chat_id");
                if (chat.equals(String.valueOf(GROUP))) groupTexts.add(c.param("text"));
                else if (!chat.startsWith("-")) perUser.merge("dm:" + chat, 1, Integer::sum);
            }
            for (String t : groupTexts) {
                int at = t.indexOf("tg://user?id=");
                if (at >= 0) perUser.merge("warning:" + t.substring(at + 13, t.indexOf('"', at)), 1, Integer::sum);
            }
            int repeats = perUser.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
            int deleteCalls = api.calls("deleteMessage").size();
            System.out.printf("crash test: %d messages, %d leaks, %d kills: %d deleteMessage calls for %d leaks,"
                            + " %d warnings/private messages sent twice, %d group messages (warnings and summaries), %d alerts%n",
                    messages, leaks.size(), kills, deleteCalls, leaks.size(), repeats, groupTexts.size(),
                    api.calls("sendMessage").stream().filter(c -> c.param("chat_id").equals(String.valueOf(ALERTS))).count());
            assertTrue(repeats <= kills, repeats + " messages sent twice for " + kills + " crashes: "
                    + perUser.entrySet().stream().filter(e -> e.getValue() > 1).toList());
        }
        try (Database db = Database.open(dbUrl, "sa", "")) {
            var audit = new AuditLog(db).all();
            assertEquals(0, audit.stream().filter(e -> e.status() == AuditLog.Status.PENDING
                    && e.action().equals("DELETE_MESSAGE")).count(), "no deletion left pending");
            assertEquals(leaks.size(), audit.stream().filter(e -> e.action().equals("DELETE_MESSAGE")).count(),
                    "one deletion recorded per leak");
            assertTrue(BotHarness.dumpDatabase(db).indexOf(TestDetectors.SEED_MARK) < 0, "the database holds no secret");
        }
    }
}

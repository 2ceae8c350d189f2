package io.tidewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.Database;
import io.tidewatch.telegram.FakeBotApiAccess;
import io.tidewatch.telegram.OutgoingQueue;
import io.tidewatch.telegram.RateLimits;
import io.tidewatch.telegram.TelegramBot;
import io.tidewatch.telegram.UpdateConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bot's batch path without the network: a getUpdates batch of 100 group messages (one a leak)
 * through translation, parallel inspection, moderation, the claim and action-log transaction on H2,
 * and the outgoing queue (to a client that answers at once). Each invocation uses fresh update ids.
 * Run: {@code bash .ci/jmh TelegramBatchBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TelegramBatchBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Param({"100"})
    int batch;

    Database db;
    Moderation moderation;
    OutgoingQueue queue;
    UpdateConsumer consumer;
    long nextId;

    @Setup(Level.Trial)
    public void setUp() {
        BrandProfile brand = BrandProfileReader.read(Path.of("rules/brand.yaml"));
        db = Database.inMemory("batch" + System.nanoTime());
        ModerationRules.Loader loader = () -> new ModerationRules(FakeBotApiAccess.testDetectors(), Policy.load(Path.of("rules"), brand),
                ChatDirectory.load(Path.of("rules/chats.yaml")), Instant.now());
        moderation = new Moderation(brand, loader, db, Clock.systemUTC(), false);
        queue = new OutgoingQueue(answersAtOnce(), RateLimits.Config.unlimited(), OutgoingQueue.Retries.defaults());
        TelegramBot bot = new TelegramBot(moderation, queue, TextCatalog.load(Path.of("rules/telegram")), null, "tidewatch_bot");
        consumer = new UpdateConsumer(moderation.stores().updates(), "telegram:bench", bot, 4, Clock.systemUTC());
    }

    /** A client that answers every call at once, as if Telegram took no time. */
    private static TelegramClient answersAtOnce() {
        return (TelegramClient) Proxy.newProxyInstance(TelegramClient.class.getClassLoader(), new Class<?>[]{TelegramClient.class},
                (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof GetMe) {
                        User me = new User(123456L, "Tidewatch", true);
                        me.setUserName("tidewatch_bot");
                        return me;
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    }

    @Benchmark
    public boolean batchOfHundredWithOneLeak() throws Exception {
        List<Update> updates = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            long id = ++nextId;
            boolean leak = i == batch / 2;
            String text = leak ? "words: " + TestCorpusTexts.SEED : "gm, when is the next listing? #" + id;
            updates.add(JSON.readValue("{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1764064800,"
                    + "\"chat\":{\"id\":-1001000000003,\"type\":\"supergroup\",\"title\":\"g\"},\"from\":{\"id\":" + (100 + id % 500)
                    + ",\"is_bot\":false,\"first_name\":\"User\"},\"text\":\"" + text + "\"}}", Update.class));
        }
        return consumer.consume(updates);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        consumer.close();
        queue.drain(Duration.ofSeconds(5));
        moderation.close();
        db.close();
    }

    /** A valid BIP-39 phrase (holds no funds), as the bot tests use. */
    static final class TestCorpusTexts {
        static final String SEED = "mad journey bird surface awesome dwarf gift rather usage clip route foot";
    }
}

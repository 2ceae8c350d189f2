package io.tidewatch.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Long polling that confirms an update to Telegram only once it is recorded: each getUpdates asks
 * for the updates after the offset stored in the database, so a batch the database did not take is
 * served again, and a restart resumes where the store says. (The library's own poller confirms a
 * batch before handing it over, which would lose it.) Errors back off with jitter: a 409 Conflict
 * (another instance polls with the same token; it keeps the updates), 429 with its retry_after,
 * 5xx and network errors exponentially; polling never busy-loops.
 */
public final class LongPolling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);
    /** my_chat_member: the bot was added to a group (left at once if unlisted); chat_member: admin rights changed. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "channel_post",
            "edited_channel_post", "callback_query", "my_chat_member", "chat_member");
    /** Polling is one cheap call: after an outage it should notice recovery within seconds. */
    static final long MAX_BACK_OFF_MS = 5_000;

    /** Where a batch goes: the consumer, or a wrapper that measures it. */
    public interface Batches extends UpdateSink {
        /** The last update id recorded: polling asks for the ones after it. */
        long storedOffset();
    }

    private final TelegramClient client;
    private final Batches batches;
    private final int timeoutSeconds;
    private final Thread thread;
    private volatile boolean running = true;
    private int failures;

    /** @param client a client whose read timeout exceeds {@code timeoutSeconds} */
    public LongPolling(TelegramClient client, Batches batches, int timeoutSeconds) {
        this.client = client;
        this.batches = batches;
        this.timeoutSeconds = timeoutSeconds;
        this.thread = new Thread(this::loop, "telegram-polling");
        this.thread.setDaemon(true);
    }

    public static LongPolling of(TelegramClient client, UpdateConsumer consumer, int timeoutSeconds) {
        return new LongPolling(client, new Batches() {
            public long storedOffset() { return consumer.storedOffset(); }

            public boolean consume(List<Update> updates) { return consumer.consume(updates); }
        }, timeoutSeconds);
    }

    /** Drops a webhook (polling and a webhook exclude each other), then starts polling. */
    public void start() throws TelegramApiException {
        client.execute(new DeleteWebhook());
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                List<Update> updates = client.execute(GetUpdates.builder()
                        .offset((int) (batches.storedOffset() + 1)).limit(100).timeout(timeoutSeconds)
                        .allowedUpdates(ALLOWED_UPDATES).build());
                if (!running) return;
                if (batches.consume(updates)) {
                    failures = 0;
                } else {
                    pause(backOff(), "the batch was not recorded; it is fetched again");
                }
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                if (retryAfter != null) pause(retryAfter * 1000L + jitter(500), "getUpdates rate-limited");
                else if (code != null && code == 409) pause(backOff(), "another instance is polling with this token (409 Conflict)");
                else pause(backOff(), "getUpdates refused (" + code + ")");
            } catch (TelegramApiException | RuntimeException e) {
                if (!running) return;
                pause(backOff(), "getUpdates failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private long backOff() {
        failures = Math.min(failures + 1, 20);
        long base = Math.min(MAX_BACK_OFF_MS, 250L << Math.min(failures - 1, 10));
        return base / 2 + jitter(base / 2 + 1);
    }

    private static long jitter(long bound) { return ThreadLocalRandom.current().nextLong(bound); }

    private void pause(long millis, String why) {
        if (failures <= 1 || failures % 10 == 0) log.warn("telegram: {}; polling again in {} ms", why, millis);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}

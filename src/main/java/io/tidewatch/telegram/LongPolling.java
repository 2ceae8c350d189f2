package io.tidewatch.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Long polling with the library's application, pointed at {@link TelegramUrl} (so a self-hosted or
 * fake Bot API works), asking for updates after the offset stored in the database. It runs on its
 * own executor, which {@link #close()} shuts down: the library's own stop only cancels future polls
 * and leaves its thread (and an in-flight poll) alive.
 */
public final class LongPolling implements AutoCloseable {
    /** my_chat_member: the bot was added to a group (left at once if unlisted); chat_member: admin rights changed. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "channel_post",
            "edited_channel_post", "callback_query", "my_chat_member", "chat_member");

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telegram-polling");
        t.setDaemon(true);
        return t;
    });
    private final TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(
            ObjectMapper::new, new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> executor);

    public LongPolling(String token, TelegramUrl url, UpdateConsumer consumer, int timeoutSeconds) throws TelegramApiException {
        this(token, url, consumer, consumer::storedOffset, timeoutSeconds);
    }

    /** With any consumer (e.g. one that measures), asking for updates after {@code storedOffset}. */
    public LongPolling(String token, TelegramUrl url, LongPollingUpdateConsumer consumer, LongSupplier storedOffset,
                       int timeoutSeconds) throws TelegramApiException {
        app.registerBot(token, () -> url, lastReceived -> GetUpdates.builder()
                .offset((int) Math.max(lastReceived, storedOffset.getAsLong()) + 1)
                .limit(100)
                .timeout(timeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES)
                .build(), consumer);
    }

    public void start() throws TelegramApiException {
        if (!app.isRunning()) app.start();
    }

    @Override
    public void close() throws Exception {
        app.close();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}

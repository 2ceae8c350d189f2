package io.tidewatch.telegram;

import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.util.List;

/**
 * Long polling with the library's application, pointed at {@link TelegramUrl} (so a self-hosted or
 * fake Bot API works), asking for updates after the offset stored in the database.
 */
public final class LongPolling implements AutoCloseable {
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "channel_post",
            "edited_channel_post", "callback_query");

    private final TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication();

    public LongPolling(String token, TelegramUrl url, UpdateConsumer consumer, int timeoutSeconds) throws TelegramApiException {
        app.registerBot(token, () -> url, lastReceived -> GetUpdates.builder()
                .offset((int) Math.max(lastReceived, consumer.storedOffset()) + 1)
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
    }
}

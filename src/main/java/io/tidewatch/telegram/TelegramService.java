package io.tidewatch.telegram;

import io.tidewatch.moderation.Moderation;
import io.tidewatch.policy.TextCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import okhttp3.OkHttpClient;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The running Telegram bot, assembled: client, outgoing queue, brain, consumer, and long polling or
 * a webhook. {@link #close()} stops listening, then drains the queue, so nothing decided is lost.
 * The token is only handed to the library; it is never logged.
 */
public final class TelegramService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramService.class);

    /**
     * @param webhookUrl null for long polling; else the public URL Telegram posts to
     * @param webhookBind where the webhook endpoint listens (port 0 = any free port)
     */
    public record Options(String token, TelegramUrl apiUrl, String webhookUrl, InetSocketAddress webhookBind,
                          int pollTimeoutSeconds, RateLimits.Config limits, OutgoingQueue.Retries retries, int threads) {
        public static Options polling(String token, TelegramUrl apiUrl) {
            return new Options(token, apiUrl, null, null, 50, RateLimits.Config.telegramDefaults(),
                    OutgoingQueue.Retries.defaults(), 4);
        }

        public Options withPollTimeout(int seconds) {
            return new Options(token, apiUrl, webhookUrl, webhookBind, seconds, limits, retries, threads);
        }

        public Options withLimits(RateLimits.Config l, OutgoingQueue.Retries r) {
            return new Options(token, apiUrl, webhookUrl, webhookBind, pollTimeoutSeconds, l, r, threads);
        }

        public Options withWebhook(String url, InetSocketAddress bind) {
            return new Options(token, apiUrl, url, bind, pollTimeoutSeconds, limits, retries, threads);
        }
    }

    private final OutgoingQueue queue;
    private final UpdateConsumer consumer;
    private final TelegramBot bot;
    private final LongPolling polling;
    private final WebhookServer webhook;

    private TelegramService(OutgoingQueue queue, UpdateConsumer consumer, TelegramBot bot, LongPolling polling, WebhookServer webhook,
                            Moderation moderation) {
        this.queue = queue;
        this.consumer = consumer;
        this.bot = bot;
        this.polling = polling;
        this.webhook = webhook;
    }

    public static TelegramService start(Options o, Moderation moderation, TextCatalog texts,
                                        DirectMessageResponder responder) throws Exception {
        TelegramClient client = new OkHttpTelegramClient(o.token(), o.apiUrl());
        OutgoingQueue queue = new OutgoingQueue(client, o.limits(), o.retries());
        // who we are: commands addressed to another bot (/ban@OtherBot) are not ours
        String username = client.execute(new GetMe()).getUserName();
        TelegramBot bot = new TelegramBot(moderation, queue, texts, responder, username);
        UpdateConsumer consumer = new UpdateConsumer(moderation.stores().updates(), "telegram:" + TelegramUrls.botId(o.token()),
                bot, o.threads(), moderation.clock());
        moderation.startResuming(Duration.ofSeconds(2)); // what a crash left pending goes out first
        if (o.webhookUrl() == null) {
            // getUpdates holds the connection up to the poll timeout: its client must wait longer than that
            OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(o.pollTimeoutSeconds() + 15L)).build();
            LongPolling polling = LongPolling.of(new OkHttpTelegramClient(http, o.token(), o.apiUrl()), consumer,
                    o.pollTimeoutSeconds());
            polling.start();
            log.info("telegram: long polling {}:{} from update {}{}", o.apiUrl().getHost(), o.apiUrl().getPort(),
                    consumer.storedOffset() + 1, moderation.globalDryRun() ? " (dry run)" : "");
            return new TelegramService(queue, consumer, bot, polling, null, moderation);
        }
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        String path = URI.create(o.webhookUrl()).getPath();
        WebhookServer server = new WebhookServer(o.webhookBind(), path == null ? "/" : path, secret, consumer);
        server.start();
        SetWebhook set = SetWebhook.builder().url(o.webhookUrl()).secretToken(secret)
                .allowedUpdates(LongPolling.ALLOWED_UPDATES).build();
        client.execute(set);
        log.info("telegram: webhook {} listening on port {}{}", o.webhookUrl(), server.port(), moderation.globalDryRun() ? " (dry run)" : "");
        return new TelegramService(queue, consumer, bot, null, server, moderation);
    }

    public OutgoingQueue queue() { return queue; }

    public UpdateConsumer consumer() { return consumer; }

    public TelegramBot bot() { return bot; }

    public int webhookPort() { return webhook == null ? -1 : webhook.port(); }

    /** Stops listening, finishes the updates in hand, and sends what is queued (up to 15 s). */
    @Override
    public void close() {
        consumer.close(); // no new claims; the batch in hand finishes
        try {
            if (polling != null) polling.close();
        } catch (Exception e) {
            log.warn("telegram: stopping long polling: {}", e.toString());
        }
        if (webhook != null) webhook.close();
        queue.drain(Duration.ofSeconds(15));
        log.info("telegram: stopped ({} calls sent, {} failed)", queue.sentCount(), queue.failedCount());
    }
}

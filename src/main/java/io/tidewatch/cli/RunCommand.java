package io.tidewatch.cli;

import io.tidewatch.announce.AnnouncementDirectory;
import io.tidewatch.announce.AnnouncementScheduler;
import io.tidewatch.announce.Announcements;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.detect.BrandDetectors;
import io.tidewatch.detect.Detectors;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;
import io.tidewatch.policy.TextCatalog;
import io.tidewatch.store.Database;
import io.tidewatch.store.PublishLedger;
import io.tidewatch.support.SupportResponder;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.ModerationRules;
import io.tidewatch.telegram.DirectMessageResponder;
import io.tidewatch.telegram.SupportDirectMessages;
import io.tidewatch.telegram.TelegramAnnouncementPublisher;
import io.tidewatch.telegram.TelegramService;
import io.tidewatch.telegram.TelegramUrls;
import io.tidewatch.metrics.Heartbeats;
import io.tidewatch.metrics.Metrics;
import io.tidewatch.web.HttpAddress;
import io.tidewatch.web.WebServer;
import io.tidewatch.web.WebServices;
import io.tidewatch.twitter.TwitterCredentials;
import io.tidewatch.twitter.TwitterService;
import io.tidewatch.twitter.TwitterSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tidewatch run}: starts every platform whose credentials are in the environment and runs
 * until SIGTERM, then stops cleanly (listening stops first, the outgoing queue is drained).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the bots: Telegram when TELEGRAM_BOT_TOKEN is set, Twitter when the four TWITTER_* credentials are;",
                "with no credentials, the local sandbox.",
                "Per-chat settings come from DIR/chats.yaml; the database from TIDEWATCH_DB_URL."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    RulesOptions rules;

    @Option(names = "--dry-run", description = "Decide and alert moderators, but delete, mute, ban and publish nothing.")
    boolean dryRun;

    @Option(names = "--webhook", paramLabel = "URL", description = "Receive Telegram updates at this public HTTPS URL instead of long polling.")
    String webhookUrl;

    @Option(names = "--webhook-port", paramLabel = "N", defaultValue = "8443",
            description = "Local port of the webhook endpoint (default: ${DEFAULT-VALUE}).")
    int webhookPort;

    @Option(names = "--webhook-bind", paramLabel = "HOST", defaultValue = "0.0.0.0",
            description = "Local address the webhook endpoint listens on, e.g. 127.0.0.1 behind a reverse proxy"
                    + " on the same machine (default: ${DEFAULT-VALUE}, every interface).")
    String webhookBind;

    @Option(names = "--announcements", paramLabel = "DIR", defaultValue = "announcements",
            description = "Announcements to publish on schedule (default: ${DEFAULT-VALUE}).")
    Path announcementsDir;

    @Option(names = "--announce-every", paramLabel = "SECONDS", defaultValue = "30",
            description = "How often the scheduler looks for due announcements (default: ${DEFAULT-VALUE}).")
    int announceEvery;

    @Option(names = "--http", paramLabel = "HOST:PORT", defaultValue = HttpAddress.DEFAULT,
            description = "Where the dashboard, /healthz and /metrics listen, and the sandbox when no platform runs"
                    + " (default: ${DEFAULT-VALUE}; beyond loopback the dashboard needs TIDEWATCH_DASHBOARD_TOKEN).")
    String http;

    @Option(names = "--twitter-every", paramLabel = "SECONDS", defaultValue = "60",
            description = "How often Twitter mentions and DM events are read (default: ${DEFAULT-VALUE}).")
    int twitterEvery;

    /** The environment; a field so tests can run the command without touching the real one. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Exception {
        HttpAddress address = HttpAddress.parse(http);
        Metrics metrics = new Metrics();
        Heartbeats heartbeats = new Heartbeats(Clock.systemUTC());
        String token = env.get("TELEGRAM_BOT_TOKEN");
        boolean telegram = token != null && !token.isBlank();
        var twitterCredentials = TwitterCredentials.fromEnvironment(env); // some but not all four set: a clear error
        if (!telegram && twitterCredentials.isEmpty()) return sandbox(address, metrics, heartbeats);
        BrandProfile brand = rules.brand();
        ModerationRules.Loader loader = loader();
        loader.load(); // refuse bad rules before connecting anywhere
        TextCatalog texts = TextCatalog.load(rules.rulesDir().resolve("telegram"));
        var apiUrl = TelegramUrls.parse(env.get("TELEGRAM_API_URL"));
        TwitterSettings twitterSettings = twitterCredentials.isPresent()
                ? TwitterSettings.load(rules.rulesDir().resolve("twitter.yaml")) : null;
        Database db;
        try {
            db = Database.fromEnvironment(env);
        } catch (RuntimeException e) {
            System.err.println("tidewatch run: " + Database.whyNotOpened(env.getOrDefault("TIDEWATCH_DB_URL", Database.DEFAULT_URL), e));
            return Main.EXIT_ERROR;
        }
        SupportResponder support = SupportResponder.load(rules.rulesDir(), brand);
        DirectMessageResponder responder = new SupportDirectMessages(support);
        var linkCheck = BrandDetectors.lookalikeHosts(rules.rulesDir(), brand);
        var announcementFiles = AnnouncementDirectory.of(announcementsDir, brand, rules.brandFile(), rules.rulesDir(), linkCheck);
        Moderation moderation = new Moderation(brand, loader, db, Clock.systemUTC(), dryRun);
        moderation.observe(metrics);
        // Twitter connects first: wrong credentials (401/403) stop the start with a clear error, before anything runs
        TwitterService twitter = twitterCredentials.isEmpty() ? null
                : TwitterService.connect(twitterCredentials.get(), moderation, support, twitterSettings, Clock.systemUTC());
        TelegramService service = null;
        List<io.tidewatch.announce.Publisher> publishers = new ArrayList<>();
        if (telegram) {
            var options = TelegramService.Options.polling(token, apiUrl).withHeartbeats(heartbeats);
            if (webhookUrl != null) options = options.withWebhook(webhookUrl, new InetSocketAddress(webhookBind, webhookPort));
            service = TelegramService.start(options, moderation, texts, responder); // also routes alerts to Telegram
            publishers.add(new TelegramAnnouncementPublisher(service.queue(), 30));
        }
        if (twitter != null) {
            twitter.start(Duration.ofSeconds(Math.max(1, twitterEvery)), heartbeats);
            publishers.add(twitter.publisher(Clock.systemUTC()));
        }
        Announcements announcements = new Announcements(announcementFiles, new PublishLedger(db), publishers,
                Clock.systemUTC(), Announcements.Settings.defaults());
        if (service != null) service.bot().enableAnnouncements(announcements);
        AnnouncementScheduler scheduler = new AnnouncementScheduler(announcements, Duration.ofSeconds(announceEvery));
        if (dryRun) {
            // a trial must not post to live chats: /announce list and preview work, nothing is published
            System.err.println("tidewatch run: dry run, so scheduled announcements are not published");
        } else {
            scheduler.start(); // reconciles parts a crash left in "sending" first
        }
        AutoCloseable retention = io.tidewatch.store.Retention.startDaily(db, rules.rulesDir()); // prune old rows daily
        var web = new java.util.concurrent.atomic.AtomicReference<WebServer>();
        CountDownLatch stopped = new CountDownLatch(1);
        TelegramService telegramService = service;
        TwitterService twitterService = twitter;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (web.get() != null) web.get().close();
            try {
                retention.close();
            } catch (Exception e) {
                System.err.println("tidewatch run: stopping retention: " + e);
            }
            scheduler.close();
            if (twitterService != null) twitterService.close();
            if (telegramService != null) telegramService.close();
            moderation.close();
            db.close();
            stopped.countDown();
        }, "tidewatch-shutdown"));
        web.set(WebServer.start(address, env.get("TIDEWATCH_DASHBOARD_TOKEN"), // after the hook: the bot already runs
                WebServices.running(moderation, db, rules.rulesDir(), announcements, metrics, heartbeats)));
        stopped.await();
        return 0;
    }

    /** No platform credentials: the local sandbox over the real pipeline, on an in-memory store. */
    private int sandbox(HttpAddress address, Metrics metrics, Heartbeats heartbeats) throws InterruptedException {
        BrandProfile brand = rules.brand();
        Database db = Database.inMemory("sandbox-" + java.util.UUID.randomUUID());
        Moderation moderation = new Moderation(brand, loader(), db, Clock.systemUTC(), false);
        moderation.observe(metrics);
        WebServer web = WebServer.start(address, env.get("TIDEWATCH_DASHBOARD_TOKEN"), WebServices.sandbox(moderation,
                () -> SupportResponder.load(rules.rulesDir(), brand), db, rules.rulesDir(), metrics, heartbeats));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            moderation.close();
            db.close();
            stopped.countDown();
        }, "tidewatch-shutdown"));
        System.err.println("tidewatch run: no platform credentials are set, so this is the local sandbox:"
                + " open http://" + new HttpAddress(address.host(), web.port()) + "/ and type a message as a member would.\n"
                + "  TELEGRAM_BOT_TOKEN      enables the Telegram bot (TELEGRAM_API_URL: a self-hosted Bot API server)\n"
                + "  TWITTER_API_KEY, TWITTER_API_SECRET, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_SECRET enable Twitter"
                + " (the official account's OAuth 1.0a user tokens; TWITTER_API_URL: another v2 server)");
        stopped.await();
        return 0;
    }

    private ModerationRules.Loader loader() {
        return () -> new ModerationRules(
                Detectors.standard(rules.rulesDir(), rules.brand(), rules.extraSecrets()),
                Policy.load(rules.rulesDir(), rules.brand()),
                ChatDirectory.load(rules.rulesDir().resolve("chats.yaml")),
                Clock.systemUTC().instant());
    }
}

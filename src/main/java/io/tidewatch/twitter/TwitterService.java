package io.tidewatch.twitter;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Platform;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.support.SupportResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Twitter adapter as {@code run} starts it: the X API client with the tier's counted post caps,
 * the official account (from {@code GET /2/users/me}), its actions registered with the shared
 * {@link Moderation}, the polling of mentions and DM events, and the announcement publisher.
 */
public final class TwitterService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TwitterService.class);

    private final XApi api;
    private final XUser me;
    private final TwitterActions actions;
    private final TwitterPolling polling;
    private final CountedPostBudget budget;
    private final Moderation moderation;

    TwitterService(XApi api, XUser me, TwitterActions actions, TwitterPolling polling, CountedPostBudget budget,
                   Moderation moderation) {
        this.moderation = moderation;
        this.api = api;
        this.me = me;
        this.actions = actions;
        this.polling = polling;
        this.budget = budget;
    }

    /**
     * Connects as the official account and wires it into {@code moderation}; polling starts with
     * {@link #start}. A 401 or 403 from {@code GET /2/users/me} is a {@link ConfigException} that says
     * which credentials or permissions to check.
     */
    public static TwitterService connect(TwitterCredentials credentials, Moderation moderation, SupportResponder support,
                                         TwitterSettings settings, Clock clock) {
        CountedPostBudget budget = new CountedPostBudget(moderation.database(), settings, clock);
        XApi api = XApi.connect(credentials, budget, Backoff.standard(), d -> Thread.sleep(d.toMillis()), clock);
        return wire(api, budget, moderation, support, settings);
    }

    static TwitterService wire(XApi api, CountedPostBudget budget, Moderation moderation, SupportResponder support,
                               TwitterSettings settings) {
        XUser me;
        try {
            me = api.me();
        } catch (XApiException e) {
            throw new ConfigException("Twitter: cannot read the official account: " + e.getMessage());
        }
        BrandProfile brand = moderation.brand();
        if (brand.official().on(Platform.TWITTER).stream().noneMatch(a -> a.id().equals(me.id()))) {
            log.warn("twitter: the credentials belong to @{} (id {}), which brand.yaml does not list under official.twitter;"
                    + " add it so its posts are trusted and replies under them are recognised", me.username(), me.id());
        }
        Set<String> official = new LinkedHashSet<>();
        brand.official().on(Platform.TWITTER).forEach(a -> official.add(a.id()));
        official.add(me.id());
        api.observe(moderation.metrics());
        TwitterActions actions = new TwitterActions(api, me.id(), moderation.clock());
        moderation.register(Platform.TWITTER, actions);
        TwitterBot bot = new TwitterBot(moderation, support, me.username());
        TwitterPolling polling = new TwitterPolling(api, bot, new PostTranslator(official), moderation, me,
                settings.firstStartLookback());
        return new TwitterService(api, me, actions, polling, budget, moderation);
    }

    /** As {@link #start(Duration)}, telling {@code heartbeats} after every round (for /healthz). */
    public TwitterService start(Duration every, io.tidewatch.metrics.Heartbeats heartbeats) {
        polling.watchedBy(heartbeats, every);
        return start(every);
    }

    /** Reads mentions and DM events every {@code every}; what a crash left pending goes out first. */
    public TwitterService start(Duration every) {
        moderation.startResuming(Duration.ofSeconds(2));
        polling.start(every);
        log.info("twitter: guarding @{} (id {}), reading mentions and DMs every {} s", me.username(), me.id(), every.toSeconds());
        return this;
    }

    public XApi api() { return api; }

    public XUser account() { return me; }

    public TwitterPolling polling() { return polling; }

    public CountedPostBudget budget() { return budget; }

    /** Publishes announcement parts as tweets (threads) of the official account. */
    public TwitterAnnouncementPublisher publisher(Clock clock) { return new TwitterAnnouncementPublisher(api, clock); }

    /** Stops reading; actions under way finish (what is left stays pending for the next run). */
    @Override
    public void close() {
        polling.close();
        if (polling.heartbeats() != null) polling.heartbeats().forget(Platform.TWITTER);
        actions.close();
        log.info("twitter: stopped");
    }
}

package io.tidewatch.twitter;

import io.tidewatch.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tier's caps from {@code rules/twitter.yaml}, counted in the database: tweets per calendar month
 * (UTC), DMs per day. When a cap runs low the least important posts stop first: a post for
 * {@code purpose} is sent only while more than the share kept back for more important ones is left
 * (support answers first, then announcements; leak warnings go out until the cap itself).
 */
public final class CountedPostBudget implements PostBudget {
    private static final Logger log = LoggerFactory.getLogger(CountedPostBudget.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final PostCounter counter;
    private final TwitterSettings settings;
    private final Clock clock;
    /** Which holds were already logged (period and purpose), so a busy day logs each once. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    CountedPostBudget(PostCounter counter, TwitterSettings settings, Clock clock) {
        this.counter = counter;
        this.settings = settings;
        this.clock = clock;
    }

    public CountedPostBudget(io.tidewatch.store.Database db, TwitterSettings settings, Clock clock) {
        this(new PostCounter(db), settings, clock);
    }

    @Override
    public boolean tryTake(Kind kind, Purpose purpose) {
        int cap = cap(kind);
        int limit = cap - settings.keptBack(cap, purpose);
        String period = period(kind);
        boolean taken;
        try {
            taken = counter.tryTake(period, kind.name(), limit);
        } catch (StoreException e) {
            // the database is away: a leak warning still goes out (the cap has a margin), anything else waits
            log.warn("twitter: cannot count posts now ({}); {} post {}", e.getMessage(), purpose.name().toLowerCase(),
                    purpose == Purpose.LEAK_WARNING ? "sent anyway" : "held back");
            return purpose == Purpose.LEAK_WARNING;
        }
        if (!taken && logged.add(period + kind + purpose)) {
            log.warn("twitter: {} {}s of the {} cap ({} per {}) are used or kept back for more important posts: {} posts stop"
                            + " until {} ends", limit, kind.name().toLowerCase(), settings.tier(), cap,
                    kind == Kind.TWEET ? "month" : "day", purpose.name().toLowerCase(), kind == Kind.TWEET ? "the month" : "the day");
        }
        return taken;
    }

    @Override
    public void giveBack(Kind kind) {
        try {
            counter.giveBack(period(kind), kind.name());
        } catch (StoreException e) {
            log.warn("twitter: cannot uncount a post that did not happen ({})", e.getMessage());
        }
    }

    /** Posts of {@code kind} counted in the current period. */
    public int used(Kind kind) { return counter.used(period(kind), kind.name()); }

    private int cap(Kind kind) {
        return kind == Kind.TWEET ? settings.limits().postsPerMonth() : settings.limits().dmsPerDay();
    }

    private String period(Kind kind) {
        return (kind == Kind.TWEET ? MONTH : DAY).format(clock.instant());
    }
}

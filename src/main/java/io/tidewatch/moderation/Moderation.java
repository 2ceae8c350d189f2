package io.tidewatch.moderation;

import io.tidewatch.core.Action;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.metrics.Metrics;
import io.tidewatch.policy.ChatSettings;
import io.tidewatch.policy.Decision;
import io.tidewatch.policy.PolicyContext;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.ChatSettingsStore;
import io.tidewatch.store.Database;
import io.tidewatch.store.StoreException;
import io.tidewatch.store.Stores;
import io.tidewatch.store.TrustList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The one moderation pipeline every surface shares (Telegram, Twitter, the sandbox). A {@link Post}
 * is inspected by the detectors (its author's name too, the first time an account uses it), excused
 * by trust and allow lists, and decided by the policy; removals leave at once; then the update's
 * claim, its incidents and the decided actions are written in one transaction, and the actions are
 * handed to their platform's {@link ActionExecutor}. An action still pending when the process dies
 * is carried out after a restart ({@link #resume()}). Adapters only translate. Thread-safe.
 *
 * <p>Batch adapters use the stages ({@link #inspect}, {@link #judge}, {@link #startRemovals},
 * {@link #record}) to inspect many posts in parallel and keep each chat in order; a single post goes
 * through {@link #moderate}.
 */
public final class Moderation implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Moderation.class);
    /** The actor of every action the bot decides itself. */
    public static final String ACTOR = "tidewatch";
    /** The rule id on an UNBAN that lifts a mute rather than a ban. */
    public static final String UNDO_RESTRICT = "undo-restrict";

    /**
     * @param lease how long an instance's claims and pending actions are its own: it renews them while
     *              alive; after a crash another instance (or the restarted one) takes them over then
     */
    public record Settings(Duration lease) {
        public static Settings defaults() { return new Settings(Duration.ofSeconds(10)); }
    }

    private final BrandProfile brand;
    private final ModerationRules.Loader loader;
    private final AtomicReference<ModerationRules> rules;
    private final Database db;
    private final Stores stores;
    private final Clock clock;
    private final boolean globalDryRun;
    private final NameMemory names;
    private final TrustSnapshot trust;
    private final RecentRemovals removals = new RecentRemovals();
    private final DatabaseGate database = new DatabaseGate();
    private final ActionDispatcher dispatcher;
    private volatile java.util.concurrent.ScheduledExecutorService resumer;
    private volatile Metrics metrics = new Metrics();

    public Moderation(BrandProfile brand, ModerationRules.Loader loader, Database db, Clock clock, boolean globalDryRun) {
        this(brand, loader, db, clock, globalDryRun, Settings.defaults());
    }

    public Moderation(BrandProfile brand, ModerationRules.Loader loader, Database db, Clock clock, boolean globalDryRun,
                      Settings settings) {
        this.brand = brand;
        this.loader = loader;
        this.rules = new AtomicReference<>(loader.load());
        this.db = db;
        this.stores = Stores.on(db);
        this.clock = clock;
        this.globalDryRun = globalDryRun;
        this.names = new NameMemory(stores.names());
        this.trust = new TrustSnapshot(stores);
        this.trust.refresh();
        this.dispatcher = new ActionDispatcher(stores, clock, "run-" + UUID.randomUUID(), settings.lease(), () -> metrics);
    }

    /** Counts posts, findings, actions and leak latency into {@code metrics} (served at /metrics). */
    public void observe(Metrics metrics) { this.metrics = metrics; }

    public Metrics metrics() { return metrics; }

    /** Actions on {@code platform} are carried out by {@code executor}. */
    public void register(Platform platform, ActionExecutor executor) { dispatcher.register(platform, executor); }

    /** Alerts for the moderators' chat go out through this platform (Telegram, when it runs). */
    public void routeAlertsTo(ActionExecutor executor) { dispatcher.routeAlertsTo(executor); }

    // ---- the pipeline -----------------------------------------------------------------------

    /** Judges one public post (group message, channel post, join, mention, reply) and acts on it. */
    public Outcome moderate(Post post, PostContext ctx) {
        Judgement j = judge(post, ctx, inspect(post));
        startRemovals(j);
        return record(j, () -> true).orElseThrow();
    }

    /** The detectors alone: pure, so a batch can be inspected in parallel. */
    public List<Finding> inspect(Post post) {
        metrics.postInspected(post.platform());
        return rules.get().detector().inspect(post);
    }

    /**
     * Decides about a post from what the detectors found: trusted authors are left alone, a name not
     * seen before on the account is judged too, allowed names are excused, and the policy decides.
     * Reads only memory, except for first sightings of names and once-only markers, and goes on (less
     * thoroughly) when the database is away: a leak can still be removed.
     */
    public Judgement judge(Post post, PostContext ctx, List<Finding> detected) {
        ModerationRules r = rules.get();
        ChatSettings settings = settings(post.platform(), post.chat());
        if (!settings.moderation() || isTrusted(post, ctx)) {
            firstSighting(post);
            return Judgement.clean(post);
        }
        List<Finding> findings = new ArrayList<>(detected);
        if (post.kind() != PostKind.JOIN && post.kind() != PostKind.CHANNEL && firstSighting(post)
                && findings.stream().noneMatch(f -> f.category() == Category.IMPERSONATION)) {
            // a name not seen before on this account: judge the name too, as on joining
            Post asJoin = new Post(post.id(), post.platform(), PostKind.JOIN, post.chat(), post.time(), post.author(), "",
                    List.of(), post.language());
            r.detector().inspect(asJoin).stream().filter(f -> f.category() == Category.IMPERSONATION)
                    .findFirst().ifPresent(findings::add);
        }
        if (findings.stream().anyMatch(f -> f.category() == Category.IMPERSONATION) && isAllowed(post)) {
            findings.removeIf(f -> f.category() == Category.IMPERSONATION);
        }
        if (findings.isEmpty()) return Judgement.clean(post);
        for (Finding f : findings) metrics.finding(f.category(), f.rule());
        PolicyContext pc = new PolicyContext(settings, false, ctx.senderChatId(), title(post, ctx), ctx.messageLink(),
                dispatcher.hasAlerts() ? brand.moderators().alertsChat() : null, r.chats().alertsLanguage());
        Instant now = clock.instant();
        Decision decision = r.policy().decide(post, findings, pc, key -> firstTime(key, now));
        return new Judgement(post, findings, decision);
    }

    /** Sends the decision's removals right away, before anything is written: a leak should be visible as briefly as possible. */
    public void startRemovals(Judgement j) {
        for (Action a : j.decision().actions()) {
            if (!RecentRemovals.isRemoval(a)) continue;
            ActionExecutor executor = dispatcher.executorFor(a.platform());
            if (executor != null) removals.start(a, () -> execute(executor, a));
        }
    }

    /**
     * Writes the update's claim, the incidents and the decided actions in one transaction, then
     * carries the actions out. Empty when {@code claim} says another caller (instance) has this
     * update already: then nothing is written or done (a removal already sent is harmless).
     *
     * @throws StoreException when the database did not take it; nothing but removals happened then
     */
    public Optional<Outcome> record(Judgement j, BooleanSupplier claim) {
        Instant now = clock.instant();
        Post post = j.post();
        record Written(Long incident, List<ActionDispatcher.Recorded> actions) {}
        if (!database.open()) throw new StoreException("the database failed a moment ago; recording waits", null);
        Written w;
        try {
            w = db.inTransaction(() -> {
            if (!claim.getAsBoolean()) return null;
            Long incident = null;
            for (Finding f : j.findings()) {
                long id = stores.incidents().record(post.platform(), post.chat(), post.id(), post.author().id(), f.category(),
                        f.rule(), f.severity(), f.fingerprint(), f.excerpt(), f.reason(), now);
                if (incident == null) incident = id;
            }
            return new Written(incident, dispatcher.record(j.decision(), incident, ACTOR, now));
            });
            database.answered();
        } catch (StoreException e) {
            database.failed();
            throw e;
        }
        if (w == null) return Optional.empty();
        List<CompletableFuture<?>> removed = new ArrayList<>();
        boolean leak = j.findings().stream().anyMatch(f -> f.category() == Category.SECRET);
        for (ActionDispatcher.Recorded r : w.actions()) {
            if (!RecentRemovals.isRemoval(r.action())) continue;
            CompletableFuture<?> answer = removals.find(r.action());
            if (leak && answer != null) {
                answer.thenRun(() -> metrics.leakActed(post.platform(), Duration.between(post.time(), clock.instant())));
            }
            removed.add(dispatcher.carryOut(r, answer));
        }
        // the warning appears once the leak is gone, never beside it
        CompletableFuture<Void> gone = CompletableFuture.allOf(removed.toArray(CompletableFuture[]::new));
        for (ActionDispatcher.Recorded r : w.actions()) {
            if (RecentRemovals.isRemoval(r.action())) continue;
            boolean speaks = r.action().type() == Action.Type.REPLY || r.action().type() == Action.Type.DIRECT_MESSAGE;
            if (speaks && !removed.isEmpty()) gone.handle((x, e) -> dispatcher.carryOut(r, null));
            else dispatcher.carryOut(r, null);
        }
        return Optional.of(new Outcome(j.findings(), j.decision(), w.incident()));
    }

    /**
     * A private message to the bot: only secrets matter here (the sender leaked to us, not to the
     * public). They are recorded as incidents and returned, so the answer can say how to revoke them.
     */
    public List<Finding> inspectPrivate(Post post) {
        List<Finding> secrets = inspect(post).stream().filter(f -> f.category() == Category.SECRET).toList();
        Instant now = clock.instant();
        for (Finding f : secrets) {
            stores.incidents().record(post.platform(), post.chat(), post.id(), post.author().id(), f.category(), f.rule(),
                    f.severity(), f.fingerprint(), f.excerpt(), f.reason(), now);
        }
        return secrets;
    }

    /** A moderator's own action (mute, ban, warn, unban…), logged with the moderator as actor and carried out. */
    public CompletableFuture<?> act(Action action, String moderator) {
        Instant now = clock.instant();
        var recorded = dispatcher.record(new Decision(List.of(action), List.of()), null, moderator, now);
        if (recorded.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(action.platform().wireName() + " is not running"));
        }
        return dispatcher.carryOut(recorded.get(0), null);
    }

    /**
     * Lifts what the bot did about an incident (bans, mutes, hidden replies, blocks), each once, and
     * stops flagging the account's name. Returns the entries undone.
     */
    public List<AuditLog.Entry> undoIncident(long incident, String moderator) {
        List<AuditLog.Entry> done = new ArrayList<>();
        for (AuditLog.Entry e : stores.audit().forIncident(incident)) {
            if (undo(e, moderator)) done.add(e);
        }
        stores.incidents().find(incident).ifPresent(i -> {
            if (i.accountId() != null && !i.accountId().isEmpty()) {
                vouch(i.platform(), i.accountId(), TrustList.Kind.ALLOW, moderator);
            }
        });
        return done;
    }

    /** Undoes one audited action if it can be undone and was not yet; false otherwise. */
    public boolean undo(AuditLog.Entry e, String moderator) {
        Action.Type type;
        try {
            type = Action.Type.valueOf(e.action());
        } catch (IllegalArgumentException notAnAction) {
            return false;
        }
        Action.Type inverse = switch (type) {
            case BAN, RESTRICT, BAN_SENDER_CHAT -> Action.Type.UNBAN;
            case HIDE_REPLY -> Action.Type.UNHIDE_REPLY;
            case BLOCK -> Action.Type.UNBLOCK;
            case MUTE -> Action.Type.UNMUTE;
            default -> null;
        };
        if (inverse == null || e.undone() || e.status() == AuditLog.Status.DRY_RUN) return false;
        if (!stores.audit().markUndone(e.id())) return false;
        String rule = type == Action.Type.RESTRICT ? UNDO_RESTRICT : "undo";
        act(new Action(inverse, e.platform(), e.chat(), e.messageId(), e.target(), null, null, rule,
                "undo of audit #" + e.id() + " by moderator " + moderator), moderator);
        return true;
    }

    /**
     * Carries out what a crash (or an outage) left pending: rows whose instance stopped renewing their
     * lease (it died), and rows waiting for a later attempt when due.
     * Also reloads the moderators' run-time lists when they are older than 30 s (another instance's
     * changes). Call on start and every few seconds.
     */
    public int resume() {
        if (db.isClosed()) { // the process is shutting down: nothing to resume into
            close();
            return 0;
        }
        try {
            trust.refreshIfOld();
            return dispatcher.resume(500);
        } catch (StoreException e) {
            log.warn("moderation: cannot resume pending actions now ({})", e.getMessage());
            return 0;
        }
    }

    /** Resumes what the previous run left pending, then keeps resuming every {@code every} (in the background). */
    public synchronized void startResuming(Duration every) {
        if (resumer != null) return;
        resumer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "moderation-resume");
            t.setDaemon(true);
            return t;
        });
        resumer.execute(this::resume);
        resumer.scheduleWithFixedDelay(this::resume, every.toMillis(), every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Stops resuming; pending actions stay in the log for the next run. */
    @Override
    public synchronized void close() {
        if (resumer != null) resumer.shutdownNow();
        resumer = null;
    }

    private CompletableFuture<?> execute(ActionExecutor executor, Action a) {
        try {
            return executor.execute(a, new ActionExecutor.Dispatch(null, false, -1));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean firstSighting(Post post) {
        // the database is away: names wait for it, content does not
        return database.attempt(() -> names.firstSighting(post.platform(), post.author(), clock.instant())).orElse(false);
    }

    private boolean firstTime(String key, Instant now) {
        return database.attempt(() -> stores.once().first(key, now)).orElse(false); // better no once-only warning than two
    }

    /**
     * Runs an optional database step of an adapter (an early claim): empty when the database failed
     * just now or fails on it, so the adapter goes on without it at once instead of waiting.
     */
    public <T> Optional<T> whileDatabaseAnswers(java.util.function.Supplier<T> work) { return database.attempt(work); }

    // ---- who is who, and where --------------------------------------------------------------

    /** Official and staff ids, accounts a moderator trusted, and senders the platform vouches for. */
    public boolean isTrusted(Post post, PostContext ctx) {
        if (ctx.platformTrusted()) return true;
        String id = post.author().id();
        return brand.isTrusted(post.platform(), id) || trust.has(post.platform(), id, TrustList.Kind.TRUST);
    }

    private boolean isAllowed(Post post) {
        var a = post.author();
        return trust.has(post.platform(), a.id(), TrustList.Kind.ALLOW)
                || (a.username() != null && trust.has(post.platform(), "@" + a.username(), TrustList.Kind.ALLOW));
    }

    /** A moderator vouches for an account: TRUST (never acted on) or ALLOW (its look-alike name is fine). */
    public void vouch(Platform platform, String account, TrustList.Kind kind, String moderator) {
        stores.trust().put(platform, account, kind, moderator, clock.instant());
        trust.refresh();
    }

    /** A moderator's run-time override of a chat's settings (null fields keep the file's value). */
    public void override(Platform platform, String chat, ChatSettingsStore.Override o) {
        stores.chatSettings().put(platform, chat, o, clock.instant());
        trust.refresh();
    }

    /** The moderators' override for a chat, if any. */
    public Optional<ChatSettingsStore.Override> override(Platform platform, String chat) {
        return Optional.ofNullable(trust.override(platform, chat));
    }

    /** A chat's settings: {@code chats.yaml}, then a moderator's override, then a global dry run. */
    public ChatSettings settings(Platform platform, String chat) {
        ChatSettings base = rules.get().chats().settings(chat);
        ChatSettingsStore.Override o = trust.override(platform, chat);
        if (o != null) {
            base = new ChatSettings(o.language() != null ? o.language() : base.language(),
                    o.dryRun() != null ? o.dryRun() : base.dryRun(),
                    o.moderation() != null ? o.moderation() : base.moderation());
        }
        return globalDryRun ? new ChatSettings(base.language(), true, base.moderation()) : base;
    }

    private String title(Post post, PostContext ctx) {
        String configured = rules.get().chats().title(post.chat());
        return configured != null ? configured : ctx.chatTitle();
    }

    // ---- rules ------------------------------------------------------------------------------

    /** Rebuilds the rules; on a bad file the old rules stay and the error (file, line, reason) is thrown. */
    public ModerationRules reload() {
        ModerationRules fresh = loader.load();
        rules.set(fresh);
        return fresh;
    }

    public ModerationRules rules() { return rules.get(); }

    public BrandProfile brand() { return brand; }

    public Stores stores() { return stores; }

    public Database database() { return db; }

    public Clock clock() { return clock; }

    public boolean globalDryRun() { return globalDryRun; }

    /** This run of this instance, as it signs claims and leases. */
    public String owner() { return dispatcher.owner(); }

    /** How long a claim or lease of a silent instance is respected before another takes over. */
    public Duration lease() { return dispatcher.lease(); }
}

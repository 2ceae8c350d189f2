package io.tidewatch.moderation;

import io.tidewatch.core.Action;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.policy.ChatSettings;
import io.tidewatch.policy.Decision;
import io.tidewatch.policy.PolicyContext;
import io.tidewatch.store.AuditLog;
import io.tidewatch.store.ChatSettingsStore;
import io.tidewatch.store.Stores;
import io.tidewatch.store.TrustList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one moderation pipeline every surface shares (Telegram, Twitter, the sandbox): a {@link Post}
 * is inspected by the detectors (its author's name too, the first time an account uses it), excused
 * by trust and allow lists, decided by the policy, recorded as incidents, and the decided actions are
 * audited and handed to the platform's {@link ActionExecutor}. Adapters only translate. Thread-safe.
 */
public final class Moderation {
    /** The actor of every action the bot decides itself. */
    public static final String ACTOR = "tidewatch";
    /** The rule id on an UNBAN that lifts a mute rather than a ban. */
    public static final String UNDO_RESTRICT = "undo-restrict";

    private final BrandProfile brand;
    private final ModerationRules.Loader loader;
    private final AtomicReference<ModerationRules> rules;
    private final Stores stores;
    private final Clock clock;
    private final boolean globalDryRun;
    private final NameMemory names;
    private final ActionDispatcher dispatcher;

    public Moderation(BrandProfile brand, ModerationRules.Loader loader, Stores stores, Clock clock, boolean globalDryRun) {
        this.brand = brand;
        this.loader = loader;
        this.rules = new AtomicReference<>(loader.load());
        this.stores = stores;
        this.clock = clock;
        this.globalDryRun = globalDryRun;
        this.names = new NameMemory(stores.names());
        this.dispatcher = new ActionDispatcher(stores);
    }

    /** Alerts for the moderators' chat go out through this platform (Telegram, when it runs). */
    public void routeAlertsTo(ActionExecutor executor) { dispatcher.routeAlertsTo(executor); }

    // ---- the pipeline -----------------------------------------------------------------------

    /** Judges a public post (group message, channel post, join, mention, reply) and acts on it. */
    public Outcome moderate(Post post, PostContext ctx, ActionExecutor executor) {
        ModerationRules r = rules.get();
        ChatSettings settings = settings(post.platform(), post.chat());
        if (!settings.moderation() || isTrusted(post, ctx)) {
            names.firstSighting(post.platform(), post.author(), clock.instant());
            return Outcome.clean();
        }
        List<Finding> findings = new ArrayList<>(r.detector().inspect(post));
        if (post.kind() != PostKind.JOIN && post.kind() != PostKind.CHANNEL
                && names.firstSighting(post.platform(), post.author(), clock.instant())) {
            // a name not seen before on this account: judge the name too, as on joining
            Post asJoin = new Post(post.id(), post.platform(), PostKind.JOIN, post.chat(), post.time(), post.author(), "",
                    List.of(), post.language());
            if (findings.stream().noneMatch(f -> f.category() == Category.IMPERSONATION)) {
                r.detector().inspect(asJoin).stream().filter(f -> f.category() == Category.IMPERSONATION)
                        .findFirst().ifPresent(findings::add);
            }
        }
        // the allow list only excuses names, so it is read only when a name was flagged
        if (findings.stream().anyMatch(f -> f.category() == Category.IMPERSONATION) && isAllowed(post)) {
            findings.removeIf(f -> f.category() == Category.IMPERSONATION);
        }
        if (findings.isEmpty()) return Outcome.clean();

        PolicyContext pc = new PolicyContext(settings, false, ctx.senderChatId(), title(post, ctx), ctx.messageLink(),
                dispatcher.hasAlerts() ? brand.moderators().alertsChat() : null, r.chats().alertsLanguage());
        Instant now = clock.instant();
        Decision decision = r.policy().decide(post, findings, pc, key -> stores.once().first(key, now));
        // removal leaves before anything is written: a leak should be visible as briefly as possible
        Map<Action, CompletableFuture<?>> started = new LinkedHashMap<>();
        for (Action a : decision.actions()) {
            if (a.type() == Action.Type.DELETE_MESSAGE || a.type() == Action.Type.HIDE_REPLY) {
                started.put(a, start(a, executor));
            }
        }
        Long incident = record(post, findings, now);
        dispatcher.carryOut(decision, incident, ACTOR, executor, now, started);
        return new Outcome(findings, decision, incident);
    }

    /**
     * A private message to the bot: only secrets matter here (the sender leaked to us, not to the
     * public). They are recorded as incidents and returned, so the answer can say how to revoke them.
     */
    public List<Finding> inspectPrivate(Post post) {
        List<Finding> secrets = rules.get().detector().inspect(post).stream()
                .filter(f -> f.category() == Category.SECRET).toList();
        if (!secrets.isEmpty()) record(post, secrets, clock.instant());
        return secrets;
    }

    /** A moderator's own action (mute, ban, warn, unban…), audited with the moderator as actor. */
    public CompletableFuture<?> act(Action action, String moderator, ActionExecutor executor) {
        return dispatcher.execute(action, moderator, null, false, executor, clock.instant());
    }

    /**
     * Lifts what the bot did about an incident (bans, mutes, hidden replies, blocks), each once, and
     * stops flagging the account's name. Returns the entries undone.
     */
    public List<AuditLog.Entry> undoIncident(long incident, String moderator, ActionExecutor executor) {
        List<AuditLog.Entry> done = new ArrayList<>();
        Instant now = clock.instant();
        for (AuditLog.Entry e : stores.audit().forIncident(incident)) {
            if (undo(e, moderator, executor, now)) done.add(e);
        }
        stores.incidents().find(incident).ifPresent(i -> {
            if (i.accountId() != null && !i.accountId().isEmpty()) {
                stores.trust().put(i.platform(), i.accountId(), TrustList.Kind.ALLOW, moderator, now);
            }
        });
        return done;
    }

    /** Undoes one audited action if it can be undone and was not yet; false otherwise. */
    public boolean undo(AuditLog.Entry e, String moderator, ActionExecutor executor, Instant now) {
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
        dispatcher.execute(new Action(inverse, e.platform(), e.chat(), e.messageId(), e.target(), null, null, rule,
                "undo of audit #" + e.id() + " by moderator " + moderator), moderator, e.incidentId(), false, executor, now);
        return true;
    }

    private CompletableFuture<?> start(Action a, ActionExecutor executor) {
        try {
            return executor.execute(a, new ActionExecutor.Dispatch(null, false, -1));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Long record(Post post, List<Finding> findings, Instant now) {
        Long first = null;
        for (Finding f : findings) {
            long id = stores.incidents().record(post.platform(), post.chat(), post.id(), post.author().id(), f.category(),
                    f.rule(), f.severity(), f.fingerprint(), f.excerpt(), f.reason(), now);
            if (first == null) first = id;
        }
        return first;
    }

    // ---- who is who, and where --------------------------------------------------------------

    /** Official and staff ids, accounts a moderator trusted, and senders the platform vouches for. */
    public boolean isTrusted(Post post, PostContext ctx) {
        if (ctx.platformTrusted()) return true;
        String id = post.author().id();
        return brand.isTrusted(post.platform(), id) || stores.trust().has(post.platform(), id, TrustList.Kind.TRUST);
    }

    private boolean isAllowed(Post post) {
        var a = post.author();
        return stores.trust().has(post.platform(), a.id(), TrustList.Kind.ALLOW)
                || (a.username() != null && stores.trust().has(post.platform(), "@" + a.username(), TrustList.Kind.ALLOW));
    }

    /** A chat's settings: {@code chats.yaml}, then a moderator's override, then a global dry run. */
    public ChatSettings settings(Platform platform, String chat) {
        ChatSettings base = rules.get().chats().settings(chat);
        var override = stores.chatSettings().find(platform, chat);
        if (override.isPresent()) {
            ChatSettingsStore.Override o = override.get();
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

    public Clock clock() { return clock; }

    public boolean globalDryRun() { return globalDryRun; }
}

package io.tidewatch.web;

import io.tidewatch.core.Action;
import io.tidewatch.core.Author;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import io.tidewatch.moderation.ActionExecutor;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.Outcome;
import io.tidewatch.moderation.PostContext;
import io.tidewatch.support.SupportAnswer;
import io.tidewatch.support.SupportResponder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The sandbox over the real pipeline: each message becomes a {@link Post} that {@link Moderation}
 * judges exactly as it judges Telegram and Twitter (detectors, trust, policy, incidents, audit),
 * with executors that act on nothing outside; the audit log keeps what the bot would have done.
 * Private messages go to the support responder, as the bots' private chats do. Give it a Moderation
 * over an in-memory store. One message at a time (a person typing), so no two runs mix.
 */
public final class ModerationSandbox implements SandboxEngine {
    /** The chat a sandbox group message is written in (the dashboard filters by it). */
    public static final String GROUP_CHAT = "sandbox";
    /** Carries out nothing: every action is already audited by moderation before it gets here. */
    static final ActionExecutor ACTS_ON_NOTHING = (action, dispatch) -> CompletableFuture.completedFuture(null);

    private final Moderation moderation;
    private final Supplier<SupportResponder> responders;
    private SupportResponder responder;
    private String refusal;
    private long messages;

    /**
     * @param responders builds the support responder from the rules (again on reload); throws
     *                   {@link ConfigException} for a bad file
     */
    public ModerationSandbox(Moderation moderation, Supplier<SupportResponder> responders) {
        this.moderation = moderation;
        this.responders = responders;
        this.responder = responders.get();
        for (Platform p : List.of(Platform.TELEGRAM, Platform.TWITTER)) moderation.register(p, ACTS_ON_NOTHING);
        moderation.routeAlertsTo(ACTS_ON_NOTHING); // so the sandbox shows the moderators' alert too
    }

    @Override
    public synchronized SandboxReply handle(SandboxRequest r) {
        Instant now = moderation.clock().instant();
        boolean dm = r.chat() == SandboxRequest.Chat.PRIVATE;
        PostKind kind = dm ? PostKind.DM : r.platform() == Platform.TWITTER ? PostKind.MENTION : PostKind.GROUP;
        Author author = new Author(r.user().id(), blankToNull(r.user().username()), blankToNull(r.user().name()));
        Post post = new Post("sandbox-" + (++messages), r.platform(), kind, dm ? author.id() : GROUP_CHAT, now, author, r.text());
        SandboxReply.Format format = r.platform() == Platform.TELEGRAM ? SandboxReply.Format.TELEGRAM_HTML : SandboxReply.Format.PLAIN_TEXT;
        if (dm) {
            List<Finding> secrets = moderation.inspectPrivate(post);
            SupportAnswer answer = answer(post, secrets, now);
            return new SandboxReply(secrets, List.of(), List.of(answer.text()), format);
        }
        Outcome outcome = moderation.moderate(post, PostContext.plain());
        // as they go when all succeed: the group warning follows the owner's private message
        List<Action> actions = outcome.decision().expected();
        List<String> replies = new ArrayList<>();
        for (Action a : actions) {
            if ((a.type() == Action.Type.REPLY || a.type() == Action.Type.DIRECT_MESSAGE) && a.text() != null) replies.add(a.text());
        }
        if (r.platform() == Platform.TWITTER && outcome.isClean()) {
            // a public question to the official account: the one reply the X bot would post
            responder.publicReply(post, now).ifPresent(a -> {
                moderation.stores().support().count(now.atZone(ZoneOffset.UTC).toLocalDate(), a.topic());
                replies.add(a.text());
            });
        }
        return new SandboxReply(outcome.findings(), actions, replies, format);
    }

    private SupportAnswer answer(Post post, List<Finding> secrets, Instant now) {
        SupportAnswer answer = responder.answer(post, secrets, now);
        moderation.stores().support().count(now.atZone(ZoneOffset.UTC).toLocalDate(), answer.topic());
        return answer;
    }

    @Override
    public synchronized RulesStatus reload() {
        try {
            SupportResponder fresh = responders.get();
            moderation.reload(); // a bad file throws here and the rules in force stay
            responder = fresh;
            refusal = null;
        } catch (ConfigException e) {
            refusal = e.getMessage();
        }
        return rules();
    }

    @Override
    public synchronized RulesStatus rules() { return new RulesStatus(moderation.rules().loadedAt(), refusal); }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}

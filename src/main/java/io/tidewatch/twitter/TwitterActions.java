package io.tidewatch.twitter;

import io.tidewatch.core.Action;
import io.tidewatch.moderation.ActionExecutor;
import io.tidewatch.moderation.ActionFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out core {@link Action}s on X as the official account: hide or show a reply, block, mute
 * (and undo them), reply publicly, send a DM. Calls run on a small pool of their own (the X API
 * client blocks, and backs off on 5xx); X's refusals become {@link ActionFailed} so the pipeline
 * knows whether to retry (rate limit: after {@code x-rate-limit-reset}), fall back (DMs closed), count
 * it done (the reply was already posted, the tweet to hide is gone) or give up. Alerts never come here:
 * they go to the moderators' chat on the platform that hosts it.
 */
public final class TwitterActions implements ActionExecutor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TwitterActions.class);
    /** Rule ids of support answers start with this: they are the first posts held back when the month's cap runs low. */
    public static final String SUPPORT_RULE = "support:";
    /** How far back to look for a reply that may have been posted although its answer was lost. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(30);

    private final XApi api;
    private final String selfId;
    private final Clock clock;
    private final ExecutorService calls;

    public TwitterActions(XApi api, String selfId, Clock clock) {
        this.api = api;
        this.selfId = selfId;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.calls = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "twitter-actions-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<?> execute(Action a, Dispatch dispatch) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return carryOut(a, dispatch);
            } catch (XApiException e) {
                throw failure(a, e);
            }
        }, calls);
    }

    private String carryOut(Action a, Dispatch dispatch) throws XApiException {
        switch (a.type()) {
            case HIDE_REPLY -> api.setHidden(a.messageId(), true);
            case UNHIDE_REPLY -> api.setHidden(a.messageId(), false);
            case BLOCK -> api.block(a.userId());
            case UNBLOCK -> api.unblock(a.userId());
            case MUTE -> api.mute(a.userId());
            case UNMUTE -> api.unmute(a.userId());
            case REPLY -> {
                dispatch.beforeSend().run(); // from here on a crash must not post it again
                return api.createTweet(a.text(), a.messageId(), purpose(a));
            }
            case DIRECT_MESSAGE -> {
                dispatch.beforeSend().run();
                return api.sendDm(a.userId(), a.text(), purpose(a));
            }
            default -> throw new ActionFailed(ActionFailed.Kind.REFUSED, a.type() + " is not something X can do", null, null);
        }
        return "";
    }

    static PostBudget.Purpose purpose(Action a) {
        return a.rule().startsWith(SUPPORT_RULE) ? PostBudget.Purpose.SUPPORT : PostBudget.Purpose.LEAK_WARNING;
    }

    /** What X's refusal means for the action: try later, give up, fall back, or count it done. */
    ActionFailed failure(Action a, XApiException e) {
        String detail = e.apiDetail() == null ? "" : e.apiDetail().toLowerCase(Locale.ROOT);
        switch (e.kind()) {
            case RATE_LIMITED -> {
                Duration wait = e.retryAt() == null ? null : Duration.between(clock.instant(), e.retryAt());
                return new ActionFailed(ActionFailed.Kind.RETRY_LATER, e.getMessage(), wait == null || wait.isNegative() ? null : wait, e);
            }
            case BUDGET_EXHAUSTED -> {
                return new ActionFailed(ActionFailed.Kind.DROPPED, e.getMessage(), null, e);
            }
            case SERVER, NETWORK -> {
                if (a.type() == Action.Type.REPLY && e.maybeApplied() && alreadyReplied(a)) {
                    return new ActionFailed(ActionFailed.Kind.ALREADY_DONE, "the reply was posted although its answer was lost", null, e);
                }
                return new ActionFailed(ActionFailed.Kind.RETRY_LATER, e.getMessage(), null, e);
            }
            case UNAUTHORIZED -> {
                log.error("twitter: {}", e.getMessage());
                return new ActionFailed(ActionFailed.Kind.REFUSED, e.getMessage(), null, e);
            }
            case FORBIDDEN -> {
                if (a.type() == Action.Type.DIRECT_MESSAGE && !appNotPermitted(detail)) {
                    return new ActionFailed(ActionFailed.Kind.UNREACHABLE, e.getMessage(), null, e); // DMs closed to us
                }
                if (a.type() == Action.Type.REPLY && detail.contains("duplicate") && alreadyReplied(a)) {
                    return new ActionFailed(ActionFailed.Kind.ALREADY_DONE, "the same reply is already there", null, e);
                }
                if (a.type() == Action.Type.REPLY && detail.contains("deleted or not visible")) {
                    return new ActionFailed(ActionFailed.Kind.DROPPED, "the post to answer is gone", null, e);
                }
                if (appNotPermitted(detail)) log.error("twitter: {}", e.getMessage());
                return new ActionFailed(ActionFailed.Kind.REFUSED, e.getMessage(), null, e);
            }
            default -> {
                if ((a.type() == Action.Type.HIDE_REPLY || a.type() == Action.Type.UNHIDE_REPLY) && e.status() == 404) {
                    return new ActionFailed(ActionFailed.Kind.ALREADY_DONE, "the reply is gone", null, e); // its author deleted it
                }
                return new ActionFailed(ActionFailed.Kind.REFUSED, e.getMessage(), null, e);
            }
        }
    }

    /** X's answer when the app itself may not use the endpoint (permissions, tier), not the person's settings. */
    private static boolean appNotPermitted(String detail) {
        return detail.contains("oauth1 app permissions") || detail.contains("client-forbidden") || detail.contains("client app")
                || detail.contains("access level");
    }

    /** Whether the account already replied to the tweet lately (a lost answer, or a retry after a crash). */
    private boolean alreadyReplied(Action a) {
        try {
            Instant since = clock.instant().minus(LOOK_BACK);
            for (XTweet t : api.userTweets(selfId, since, null).items()) {
                if (a.messageId().equals(t.repliedToId())) return true;
            }
        } catch (XApiException e) {
            log.warn("twitter: cannot look for an earlier reply ({})", e.getMessage());
        }
        return false;
    }

    @Override
    public void close() {
        calls.shutdown();
        try {
            calls.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

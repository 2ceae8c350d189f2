package io.tidewatch.twitter;

import io.tidewatch.moderation.UpdateClaim;

import io.tidewatch.core.Action;
import io.tidewatch.core.Category;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.moderation.Judgement;
import io.tidewatch.moderation.Moderation;
import io.tidewatch.moderation.PostContext;
import io.tidewatch.policy.Decision;
import io.tidewatch.support.SupportAnswer;
import io.tidewatch.support.SupportResponder;
import io.tidewatch.store.StoreException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What the official account does about one mention, reply or DM. Public posts go through the shared
 * {@link Moderation} pipeline (hide, block, mute, warn: {@link TwitterActions} carries it out); a
 * clean one that asks for help gets the support responder's public answer. A DM gets the full support
 * answer, and one that holds a secret the urgent warning and revocation steps (never the secret). In
 * every case the post's claim, its incidents and the decided posts are written in one transaction, so
 * each is answered once, across restarts and across instances on one database.
 */
final class TwitterBot {
    static final String TWEETS = "twitter-tweet";
    static final String DM_EVENTS = "twitter-dm-event";

    private final Moderation moderation;
    private final SupportResponder support;
    private final String selfUsername;

    /** @param support answers help requests and DMs; null answers none (moderation only) */
    TwitterBot(Moderation moderation, SupportResponder support, String selfUsername) {
        this.moderation = moderation;
        this.support = support;
        this.selfUsername = selfUsername;
    }

    /**
     * Handles a mention or a reply. True when it is settled (acted on here, or another instance's);
     * false when it could not be recorded and must be read again.
     *
     * @throws UpdateClaim.Busy when another instance holds it and may still be deciding it
     */
    boolean handleTweet(Post post, UpdateClaim claim) {
        try {
            PostContext ctx = context(post);
            Judgement j = moderation.judge(post, ctx, moderation.inspect(post));
            SupportAnswer answer = null;
            if (j.isClean() && support != null && !moderation.isTrusted(post, ctx)) { // staff are not answered
                Optional<SupportAnswer> reply = support.publicReply(post, moderation.clock().instant());
                if (reply.isPresent()) {
                    answer = reply.get();
                    Action a = new Action(Action.Type.REPLY, Platform.TWITTER, post.chat(), post.id(), post.author().id(),
                            answer.text(), null, TwitterActions.SUPPORT_RULE + answer.topic(), "help request (" + answer.topic() + ")");
                    j = new Judgement(post, List.of(), decision(post, a));
                }
            }
            if (j.decision().actions().stream().anyMatch(a -> a.type() == Action.Type.HIDE_REPLY)) {
                if (!claim.takeEarly()) return true;
                moderation.startRemovals(j);
            }
            boolean mine = moderation.record(j, claim::take).isPresent();
            if (mine && answer != null) countTopic(answer);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    /** Handles a DM to the official account; true when settled, false when it must be read again. */
    boolean handleDm(Post post, UpdateClaim claim) {
        try {
            if (support == null) { // nothing to answer with: the event is still taken once
                moderation.record(new Judgement(post, List.of(), Decision.none()), claim::take);
                return true;
            }
            List<Finding> secrets = moderation.inspect(post).stream().filter(f -> f.category() == Category.SECRET).toList();
            Instant now = moderation.clock().instant();
            SupportAnswer answer = support.answer(post, secrets, now);
            String rule = secrets.isEmpty() ? TwitterActions.SUPPORT_RULE + answer.topic() : secrets.get(0).rule();
            Action dm = new Action(Action.Type.DIRECT_MESSAGE, Platform.TWITTER, post.chat(), post.id(), post.author().id(),
                    answer.text(), null, rule, secrets.isEmpty() ? "support answer (" + answer.topic() + ")" : "secret sent by DM");
            // the incidents (a secret in a DM), the claim and the answer are written together
            if (moderation.record(new Judgement(post, secrets, decision(post, dm)), claim::take).isPresent()) countTopic(answer);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    /** A post the bot decided itself: suppressed in a dry run (which posts nothing on X). */
    private Decision decision(Post post, Action a) {
        boolean dryRun = moderation.settings(Platform.TWITTER, post.chat()).dryRun();
        return dryRun ? new Decision(List.of(), List.of(a)) : new Decision(List.of(a), List.of());
    }

    private void countTopic(SupportAnswer answer) {
        try {
            moderation.stores().support().count(moderation.clock().instant().atZone(ZoneOffset.UTC).toLocalDate(), answer.topic());
        } catch (StoreException ignored) {
            // statistics only
        }
    }

    private PostContext context(Post post) {
        String handle = post.author().username() == null ? "i" : post.author().username();
        return new PostContext(false, null, "X @" + selfUsername, "https://x.com/" + handle + "/status/" + post.id());
    }
}

package io.tidewatch.policy;

import io.tidewatch.core.Action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the policy decided for one post: {@code actions} to carry out, {@code suppressed}, what it
 * would have done but did not because the chat is in dry-run (recorded in the audit log), and
 * {@code followUps}: what to say in the post's chat once an action's outcome is known (the group
 * warning after the owner's private message: "I sent you the steps" when it arrived, "open a private
 * chat with me" when the owner cannot be reached).
 */
public record Decision(List<Action> actions, List<Action> suppressed, Map<Action, FollowUp> followUps) {
    /** Texts of a reply in the post's chat: {@code ifDone} after the action succeeded, {@code ifNot} when it failed. */
    public record FollowUp(String ifDone, String ifNot) {}

    public Decision {
        actions = List.copyOf(actions);
        suppressed = List.copyOf(suppressed);
        followUps = Map.copyOf(followUps);
    }

    public Decision(List<Action> actions, List<Action> suppressed) {
        this(actions, suppressed, Map.of());
    }

    public static Decision none() { return new Decision(List.of(), List.of()); }

    public boolean isEmpty() { return actions.isEmpty() && suppressed.isEmpty(); }

    /** The actions as they go when everything succeeds: each followed by its follow-up reply. */
    public List<Action> expected() {
        List<Action> out = new ArrayList<>();
        for (Action a : actions) {
            out.add(a);
            FollowUp f = followUps.get(a);
            if (f != null && f.ifDone() != null) out.add(followUp(a, f.ifDone()));
        }
        return out;
    }

    /** The reply that follows {@code a} in its chat, saying {@code text}. */
    public static Action followUp(Action a, String text) {
        return new Action(Action.Type.REPLY, a.platform(), a.chat(), a.messageId(), a.userId(), text, null, a.rule(), a.reason());
    }
}

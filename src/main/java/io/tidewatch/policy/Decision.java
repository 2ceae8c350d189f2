package io.tidewatch.policy;

import io.tidewatch.core.Action;

import java.util.List;
import java.util.Map;

/**
 * What the policy decided for one post: {@code actions} to carry out, {@code suppressed}, what it
 * would have done but did not because the chat is in dry-run (recorded in the audit log), and
 * {@code fallbacks}: for an action that may fail because its target cannot be reached (a private
 * message to someone who never opened a chat with the bot), what to do instead.
 */
public record Decision(List<Action> actions, List<Action> suppressed, Map<Action, Action> fallbacks) {
    public Decision {
        actions = List.copyOf(actions);
        suppressed = List.copyOf(suppressed);
        fallbacks = Map.copyOf(fallbacks);
    }

    public Decision(List<Action> actions, List<Action> suppressed) {
        this(actions, suppressed, Map.of());
    }

    public static Decision none() { return new Decision(List.of(), List.of()); }

    public boolean isEmpty() { return actions.isEmpty() && suppressed.isEmpty(); }
}

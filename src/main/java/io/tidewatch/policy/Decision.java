package io.tidewatch.policy;

import io.tidewatch.core.Action;

import java.util.List;

/**
 * What the policy decided for one post: {@code actions} to carry out, and {@code suppressed}, what
 * it would have done but did not because the chat is in dry-run (recorded in the audit log).
 */
public record Decision(List<Action> actions, List<Action> suppressed) {
    public Decision {
        actions = List.copyOf(actions);
        suppressed = List.copyOf(suppressed);
    }

    public static Decision none() { return new Decision(List.of(), List.of()); }

    public boolean isEmpty() { return actions.isEmpty() && suppressed.isEmpty(); }
}

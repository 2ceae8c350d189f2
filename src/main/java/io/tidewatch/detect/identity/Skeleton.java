package io.tidewatch.detect.identity;

import java.util.List;
import java.util.Set;

/**
 * A name reduced to what it looks like: lower-case ASCII-ish tokens with confusables, leet,
 * invisibles and decorations undone, plus the disguises that had to be undone.
 *
 * @param tokens canonical tokens in order (pure-number tokens dropped)
 */
public record Skeleton(String original, List<String> tokens, Set<Transformation> transformations) {
    public Skeleton {
        tokens = List.copyOf(tokens);
        transformations = Set.copyOf(transformations);
    }

    /** The tokens run together: how a name reads when separators are ignored. */
    public String joined() { return String.join("", tokens); }

    public boolean isEmpty() { return tokens.isEmpty(); }
}

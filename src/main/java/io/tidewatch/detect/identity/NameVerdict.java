package io.tidewatch.detect.identity;

import java.util.List;
import java.util.Set;

/**
 * What judging one name concluded, and why.
 *
 * @param field           "name" or "username": which of the author's names this is about
 * @param imitates        the protected name it resembles, or null
 * @param match           how it resembles it: "exact", "glued", "contains", "fuzzy", or "" for none
 * @param transformations the disguises undone to see the resemblance
 * @param baitWords       bait words found (support, admin, 客服, …), as written in the rules
 * @param trusted         the account is official or staff by id: never suspicious
 */
public record NameVerdict(String name, String field, boolean suspicious, double score, ProtectedName imitates,
                          String match, Set<Transformation> transformations, List<String> baitWords,
                          boolean trusted) {
    public NameVerdict {
        transformations = Set.copyOf(transformations);
        baitWords = List.copyOf(baitWords);
        match = match == null ? "" : match;
    }

    public static NameVerdict none(String name, String field) {
        return new NameVerdict(name, field, false, 0, null, "", Set.of(), List.of(), false);
    }

    public static NameVerdict trusted(String name, String field) {
        return new NameVerdict(name, field, false, 0, null, "", Set.of(), List.of(), true);
    }
}

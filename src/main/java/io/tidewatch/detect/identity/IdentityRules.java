package io.tidewatch.detect.identity;

import java.nio.file.Path;
import java.util.List;

/**
 * The tunables of name judging, from {@code rules/identity.yaml}: thresholds, scoring weights,
 * similarity limits for short and long names, bait words, leet and fold tables, reason texts.
 */
public record IdentityRules(Thresholds thresholds, Scoring scoring, Similarity similarity,
                            List<String> baitWords, NameSkeleton skeleton, ReasonTemplate reason) {

    /** Scores at which a name is suspicious, and at which the finding becomes high or critical. */
    public record Thresholds(double suspicious, double high, double critical) {}

    /**
     * score = similarity x (base + coverageWeight x coverage) + bait bonus + obfuscation bonus, capped at 1;
     * coverage is the share of the name's letters the protected name explains.
     */
    public record Scoring(double base, double coverageWeight, double baitBonus, double obfuscationBonus, double copyBonus) {}

    /**
     * @param oneEditFrom   protected keys at least this long match at one edit (or one swap)
     * @param twoEditsFrom  ... and at two edits from this length
     * @param containmentFrom protected keys at least this long also match inside a longer word
     * @param minJaroWinkler a fuzzy match must also be at least this similar
     */
    public record Similarity(int oneEditFrom, int twoEditsFrom, int containmentFrom, double minJaroWinkler) {}

    public IdentityRules {
        baitWords = List.copyOf(baitWords);
    }

    public static IdentityRules load(Path file) {
        RuleFile f = RuleFile.read(file);
        var thresholds = new Thresholds(f.number("thresholds.suspicious", 0, 1), f.number("thresholds.high", 0, 1),
                f.number("thresholds.critical", 0, 1.01));
        if (!(thresholds.suspicious() <= thresholds.high() && thresholds.high() <= thresholds.critical())) {
            throw f.error("thresholds", "needs suspicious <= high <= critical");
        }
        var scoring = new Scoring(f.number("scoring.base", 0, 1), f.number("scoring.coverage_weight", 0, 1),
                f.number("scoring.bait_bonus", 0, 1), f.number("scoring.obfuscation_bonus", 0, 1),
                f.number("scoring.copy_bonus", 0, 1));
        var similarity = new Similarity(f.integer("similarity.one_edit_from", 2, 100),
                f.integer("similarity.two_edits_from", 2, 100), f.integer("similarity.containment_from", 2, 100),
                f.number("similarity.min_jaro_winkler", 0, 1));
        var skeleton = new NameSkeleton(f.textMap("leet"), f.textMap("folds"));
        List<String> bait = f.texts("bait_words", true);
        if (bait.isEmpty()) throw f.error("bait_words", "list at least one word");
        return new IdentityRules(thresholds, scoring, similarity, bait, skeleton, ReasonTemplate.from(f, "reason"));
    }
}

package io.tidewatch.detect.secrets;

import io.tidewatch.core.ConfigException;
import io.tidewatch.detect.KeywordIndex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All secret rules in force, from one or more rule files (a later file's rule replaces an
 * earlier one with the same id), with the keyword index over them. Immutable.
 */
public final class RuleSet {
    private final List<SecretRule> rules;
    private final Map<String, Integer> indexById;
    private final Map<SecretRule, List<Allowlist>> fileAllowlists;
    private final List<String> formatWords;
    private final PartLabels partLabels;
    private final ReadingCues readingCues;
    private final KeywordIndex keywords;
    private final List<SecretRule> notForText;
    private final java.util.Set<String> required = new java.util.HashSet<>();

    private RuleSet(List<SecretRule> rules, Map<SecretRule, List<Allowlist>> fileAllowlists,
                    List<String> formatWords, PartLabels partLabels, ReadingCues readingCues,
                    List<SecretRule> notForText) {
        this.readingCues = readingCues;
        this.rules = List.copyOf(rules);
        this.partLabels = partLabels;
        this.fileAllowlists = fileAllowlists;
        this.formatWords = List.copyOf(formatWords);
        this.notForText = List.copyOf(notForText);
        this.indexById = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) indexById.put(rules.get(i).id(), i);
        // the rules' keywords, then the reading cues' groups (bits from rules.size() on): one pass finds both
        List<java.util.Collection<String>> groups = new ArrayList<>();
        for (SecretRule r : rules) groups.add(r.keywords());
        groups.addAll(readingCues.groups());
        this.keywords = new KeywordIndex(groups);
        for (SecretRule r : rules) for (RequiredRule q : r.required()) required.add(q.id());
    }

    public static RuleSet load(List<Path> files) {
        List<RuleFile> parsed = new ArrayList<>();
        for (Path f : files) parsed.add(RuleFileReader.read(f));
        return of(parsed);
    }

    public static RuleSet of(List<RuleFile> files) {
        Map<String, SecretRule> byId = new LinkedHashMap<>();
        Map<SecretRule, List<Allowlist>> allow = new java.util.IdentityHashMap<>();
        List<String> formatWords = new ArrayList<>();
        List<SecretRule> notForText = new ArrayList<>();
        PartLabels partLabels = null;
        List<String> reversedCues = new ArrayList<>();
        List<MarkRemoval> markRemovals = new ArrayList<>();
        List<LabelTranslation> translations = new ArrayList<>();
        for (RuleFile f : files) {
            translations.addAll(f.labelTranslations());
            formatWords.addAll(f.formatWords());
            reversedCues.addAll(f.reversedCues());
            markRemovals.addAll(f.markRemovals());
            if (f.partLabels() != null) partLabels = f.partLabels(); // a later file's replaces an earlier one's
            for (SecretRule r : f.rules()) {
                if (!r.appliesToText()) { notForText.add(r); continue; }
                byId.remove(r.id());
                byId.put(r.id(), r);
                allow.put(r, f.globalAllowlists().stream().filter(a -> a.appliesTo(r.id())).toList());
            }
        }
        for (SecretRule r : byId.values()) {
            for (RequiredRule q : r.required()) {
                if (!byId.containsKey(q.id())) {
                    throw new ConfigException(r.file() + ":" + q.line() + ": rule '" + r.id() + "' requires unknown rule '" + q.id() + "'");
                }
            }
        }
        return new RuleSet(new ArrayList<>(byId.values()), allow, formatWords, partLabels, new ReadingCues(reversedCues, markRemovals, translations), notForText);
    }

    /** The first {@code n} rules (and whatever their composites require): for cost-versus-rules measurements. */
    public RuleSet limit(int n) {
        List<SecretRule> first = new ArrayList<>(rules.subList(0, Math.min(n, rules.size())));
        for (SecretRule r : List.copyOf(first)) {
            for (RequiredRule q : r.required()) {
                SecretRule dep = rule(q.id());
                if (!first.contains(dep)) first.add(dep);
            }
        }
        return new RuleSet(first, fileAllowlists, formatWords, partLabels, readingCues, List.of());
    }

    public List<SecretRule> rules() { return rules; }

    public int size() { return rules.size(); }

    /** Rules loaded but never applied to chat (gitleaks file-name rules). */
    public List<SecretRule> notForText() { return notForText; }

    public SecretRule rule(String id) {
        Integer i = indexById.get(id);
        return i == null ? null : rules.get(i);
    }

    int indexOf(String id) { return indexById.getOrDefault(id, -1); }

    /** Some composite rule requires this one. */
    boolean isRequired(String id) { return required.contains(id); }

    List<Allowlist> fileAllowlists(SecretRule r) { return fileAllowlists.getOrDefault(r, Collections.emptyList()); }

    List<String> formatWords() { return formatWords; }

    /** How values handed over in labelled parts are named; null when no rule file says. */
    PartLabels partLabels() { return partLabels; }


    /** The rules whose keywords a lower-cased text holds (bits below {@link #size()}), and the reading cues it holds (above). */
    java.util.BitSet candidates(String lowerText) { return keywords.candidates(lowerText); }

    /** What a text whose {@link #candidates} these are says about a disguised value; null: nothing. */
    ReadingCues.Said said(java.util.BitSet candidates) { return readingCues.said(candidates, rules.size()); }
}

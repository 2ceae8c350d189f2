package io.tidewatch.detect.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.tidewatch.core.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code rules/scam.yaml}: scam-bait rules, the counter patterns that excuse warnings and questions, reasons. */
public record ScamRules(List<ScamRule> rules, List<Pattern> counterPatterns, ReasonTemplate reason) {
    public ScamRules {
        rules = List.copyOf(rules);
        counterPatterns = List.copyOf(counterPatterns);
    }

    public static ScamRules load(Path file) {
        RuleFile f = RuleFile.read(file);
        List<Pattern> counters = compile(f, "counter_patterns", f.texts("counter_patterns", false));
        JsonNode list = f.at("rules");
        if (!list.isArray() || list.isEmpty()) throw f.error("rules", "a list of rules is required");
        List<ScamRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String where = "rules[" + i + "]";
            String id = r.path("id").asText("");
            if (id.isBlank()) throw f.error(where + ".id", "an id is required");
            if (!ids.add(id)) throw f.error(where + ".id", "duplicate id '" + id + "'");
            Severity severity;
            try {
                severity = Severity.fromWire(r.path("severity").asText("high"));
            } catch (IllegalArgumentException e) {
                throw f.error(where + ".severity", "one of low, medium, high, critical");
            }
            List<Pattern> patterns = compile(f, where + ".patterns", f.texts(r.path("patterns"), where + ".patterns", true));
            if (patterns.isEmpty()) throw f.error(where + ".patterns", "at least one pattern is required");
            rules.add(new ScamRule(id, severity, patterns, f.texts(r.path("examples"), where + ".examples", true),
                    f.texts(r.path("counterexamples"), where + ".counterexamples", true)));
        }
        return new ScamRules(rules, counters, ReasonTemplate.from(f, "reason"));
    }

    private static List<Pattern> compile(RuleFile f, String field, List<String> sources) {
        List<Pattern> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            try {
                out.add(Pattern.compile(sources.get(i), Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw f.error(field + "[" + i + "]", "bad regular expression: " + e.getMessage());
            }
        }
        return out;
    }
}

package io.tidewatch.detect.secrets;

import com.google.re2j.Pattern;
import io.tidewatch.core.Severity;

import java.nio.file.Path;
import java.util.List;

/**
 * One rule in gitleaks format plus Tidewatch's extensions (severity, kind, validator, context
 * words, languages, examples). A rule matches by {@code regex} or, for seed phrases, by a
 * built-in {@code detector}; rules with a {@code path} only (file-name rules) never apply to chat.
 *
 * @param kind            what sort of secret ("password", "api-key", "seed-phrase"...), for people
 * @param contextWords    words near the match that make it a secret (lower case)
 * @param negativeContext words near the match that make it something else (tx hash, address...)
 * @param contextRequired when true, a match without a context word nearby is ignored
 * @param skipReport      a component of composites only, never reported alone (gitleaks {@code skipReport})
 * @param prefilter       a looser regex (see {@link GoRegex#relaxed}) that must find something first, or null
 * @param requires        runs of chars the text must all have for the regex to be worth running (empty: none)
 * @param phraseCues      for the bip39 detector: labels, advice and prose words ({@link PhraseCues#none()} otherwise)
 * @param priority        breaks ties between overlapping findings of equal severity (higher wins);
 *                        catch-all rules use -1 so a specific rule names the leak
 * @param alsoKeywords    a second set: the text must hold one of these as well as a keyword (empty: no such test)
 * @param outsidePhoneNumbers when true, a value that is part of a phone number written with its country code
 *                        ("+852 5324 3611") is not this secret ({@link PhoneNumbers})
 */
public record SecretRule(String id, String description, Path file, int line,
                         Pattern regex, int secretGroup, Double entropy, List<String> keywords,
                         List<Allowlist> allowlists, List<RequiredRule> required, boolean skipReport, String path,
                         Severity severity, String kind, SecretValidator validator, String detector,
                         List<String> contextWords, List<String> negativeContext, boolean contextRequired,
                         int contextWindow, List<String> languages, List<String> examples,
                         List<String> counterexamples, int priority, List<CharRuns.Requirement> requires, Pattern prefilter,
                         PhraseCues phraseCues, List<String> alsoKeywords, boolean outsidePhoneNumbers) {
    public SecretRule {
        keywords = List.copyOf(keywords);
        allowlists = List.copyOf(allowlists);
        required = List.copyOf(required);
        contextWords = List.copyOf(contextWords);
        negativeContext = List.copyOf(negativeContext);
        languages = List.copyOf(languages);
        examples = List.copyOf(examples);
        counterexamples = List.copyOf(counterexamples);
        phraseCues = phraseCues == null ? PhraseCues.none() : phraseCues;
        alsoKeywords = List.copyOf(alsoKeywords);
        requires = List.copyOf(requires);
    }

    /** The lower-cased text holds one of {@link #alsoKeywords} (true when there are none). */
    boolean alsoKeywordIn(String lower) {
        if (alsoKeywords.isEmpty()) return true;
        for (String w : alsoKeywords) if (lower.contains(w)) return true;
        return false;
    }

    /** Path-only gitleaks rules (e.g. "pkcs12-file") judge file names, which chat does not have. */
    public boolean appliesToText() { return regex != null || detector != null; }

    public String where() { return file + ":" + line; }
}

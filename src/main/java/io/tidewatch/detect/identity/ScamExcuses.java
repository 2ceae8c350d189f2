package io.tidewatch.detect.identity;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a bait match is a warning, a question or a report rather than bait, each judged where it
 * speaks about the match:
 * <ul>
 *   <li>the sentence asks, supposes or reports ({@code counter_patterns}): "is this admin DM real?",
 *       "if someone asks you to…", "I got a DM saying…"; a question that invites ({@code invitations}: "有兴趣吗？",
 *       "want in?") asks nothing about the bait, and no counter pattern wholly inside one excuses it;</li>
 *   <li>the clause (the sentence up to a comma or semicolon) negates it ({@code negations}: "never DM anyone
 *       for support") or warns ({@code warnings}: "谨防冒充客服的骗子"); a scammer's own "beware of fake admins,
 *       DM me for real help" warns in another clause and stays bait. A warning word inside the match itself
 *       is the bait's own ("got back my BTC from a pig butchering scam thanks to @x"), a negation is not;</li>
 *   <li>the whole message negates or warns while the bait is someone else's words: quoted, or in a sentence
 *       that reports speech ({@code reported_speech}: "one asked me to…", "the link asks you to…"):
 *       "someone messaged me: 'pay 50 USDT to unlock'. Don't fall for it."; or reacts to it ({@code reactions}: mockery,
 *       doubt, a loss): "刚收到私信：'老师带单，每天稳定收益10%' 笑死". Those words excuse only bait reported or quoted: a
 *       scammer's own "lol" or "no risk, feels unreal" does not.</li>
 * </ul>
 * A negation or warning word inside the writer's own assurance ({@code assurances}: "not a scam bro", "不是骗子") excuses
 * nothing at any scope: it vouches for the offer.
 * Texts are folded and lower-case.
 */
final class ScamExcuses {
    private final Counters sentenceCounters, negations, warnings, reportedSpeech, reactions, invitations, assurances;

    ScamExcuses(List<Pattern> sentenceCounters, List<Pattern> negations, List<Pattern> warnings, List<Pattern> reportedSpeech,
                List<Pattern> reactions, List<Pattern> invitations, List<Pattern> assurances) {
        this.assurances = new Counters(assurances);
        this.sentenceCounters = new Counters(sentenceCounters);
        this.invitations = new Counters(invitations);
        this.negations = new Counters(negations);
        this.warnings = new Counters(warnings);
        this.reportedSpeech = new Counters(reportedSpeech);
        this.reactions = new Counters(reactions);
    }

    /** True when text[start, end), a match of no rule of its own (a concept's words), is excused at one of the scopes. */
    boolean excused(String t, int start, int end) {
        return excused(t, start, end, List.of(), false, false);
    }

    /**
     * True when a rule's match text[start, end) is excused at one of the scopes, or its sentence matches one of the rule's
     * {@code unless}. Bait that tells a victim's story ({@code victimStory}) is not excused by warning words in its
     * clause; a negated instruction ({@code negatedBait}) is not excused by the negation inside its match.
     */
    boolean excused(String t, int start, int end, ScamRule rule) {
        return excused(t, start, end, rule.unless(), rule.victimStory(), rule.negatedBait());
    }

    private boolean excused(String t, int start, int end, List<Pattern> unless, boolean victimStory, boolean negatedBait) {
        int last = Math.max(start, end - 1);
        int clauseFrom = boundaryBefore(t, start, true), clauseTo = boundaryAfter(t, last, true);
        // a negation or warning word inside the writer's own assurance ("not a scam bro, here's the tx", "不是骗子") excuses
        // nothing: those spans are looked for only when such a word is there at all (rarely); nor does the negation a
        // negated instruction is made of ("don't tell the app's support")
        if (negations.any(t, clauseFrom, clauseTo)
                && negations.anyOutside(t, clauseFrom, clauseTo, negatedBait ? assured(t, start, end) : assured(t, -1, -1))) return true;
        if (!victimStory && warnings.anyOutside(t, clauseFrom, clauseTo, start, end)
                && warnings.anyOutside(t, clauseFrom, clauseTo, assured(t, start, end))) return true;
        int sentenceFrom = boundaryBefore(t, start, false), sentenceTo = boundaryAfter(t, last, false);
        if (asks(t, sentenceFrom, sentenceTo)) return true;
        String sentence = t.substring(sentenceFrom, sentenceTo);
        for (Pattern p : unless) if (p.matcher(sentence).find()) return true;
        boolean reported = quoted(t, start, end) || reportedSpeech.anyOutside(t, sentenceFrom, sentenceTo, start, end);
        if (!reported) return false;
        List<int[]> outside = assured(t, start, end);
        return warnings.anyOutside(t, 0, t.length(), outside) || negations.anyOutside(t, 0, t.length(), outside)
                || reactions.anyOutside(t, 0, t.length(), start, end);
    }

    /** Anywhere in t: a negation, a warning, a question, a supposition or a report. */
    boolean anywhere(String t) {
        if (asks(t, 0, t.length())) return true;
        if (!negations.any(t, 0, t.length()) && !warnings.any(t, 0, t.length())) return false;
        List<int[]> assured = assured(t, -1, -1);
        return negations.anyOutside(t, 0, t.length(), assured) || warnings.anyOutside(t, 0, t.length(), assured);
    }

    /** Anywhere in t: a question, a supposition or a report (no negation or warning). */
    boolean asksAnywhere(String t) {
        return asks(t, 0, t.length());
    }

    /** The writer's assurances in t, and the match [start, end) when start >= 0: where negations and warnings do not count. */
    private List<int[]> assured(String t, int start, int end) {
        List<int[]> spans = new ArrayList<>(assurances.spans(t, 0, t.length()));
        if (start >= 0) spans.add(new int[]{start, end});
        return spans;
    }

    /** t[from, to) asks, supposes or reports: a counter pattern matches there, not wholly inside an invitation. */
    private boolean asks(String t, int from, int to) {
        if (!sentenceCounters.any(t, from, to)) return false; // most text asks nothing: no invitation to look for
        List<int[]> invited = invitations.spans(t, from, to);
        return invited.isEmpty() || sentenceCounters.anyOutside(t, from, to, invited);
    }

    /** One list of counter patterns, run only where its words are. */
    private static final class Counters {
        private final List<Pattern> patterns;
        private final PatternPrefilter prefilter;

        Counters(List<Pattern> patterns) {
            this.patterns = List.copyOf(patterns);
            this.prefilter = new PatternPrefilter(this.patterns);
        }

        /** Some pattern matches t[from, to). */
        boolean any(String t, int from, int to) {
            return anyOutside(t, from, to, to, to);
        }

        /** Some pattern matches t[from, to) somewhere not wholly inside the match [start, end). */
        boolean anyOutside(String t, int from, int to, int start, int end) {
            return anyOutside(t, from, to, List.of(new int[]{start, end}));
        }

        /** Some pattern matches t[from, to) somewhere not wholly inside one of {@code spans} (text positions). */
        boolean anyOutside(String t, int from, int to, List<int[]> spans) {
            String scope = t.substring(from, to);
            PatternPrefilter.Words words = prefilter.words(scope);
            for (int i = 0; i < patterns.size(); i++) {
                if (!words.mayMatch(i)) continue;
                Matcher m = patterns.get(i).matcher(scope);
                int at = 0;
                while (at <= scope.length() && m.find(at)) {
                    if (!inside(from + m.start(), from + m.end(), spans)) return true;
                    at = m.start() + 1;
                }
            }
            return false;
        }

        /** Where the patterns match t[from, to), in text positions (none when no pattern's words are there). */
        List<int[]> spans(String t, int from, int to) {
            if (patterns.isEmpty()) return List.of();
            String scope = t.substring(from, to);
            PatternPrefilter.Words words = prefilter.words(scope);
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < patterns.size(); i++) {
                if (!words.mayMatch(i)) continue;
                Matcher m = patterns.get(i).matcher(scope);
                for (int at = 0; at <= scope.length() && m.find(at); at = Math.max(m.end(), m.start() + 1)) {
                    out.add(new int[]{from + m.start(), from + m.end()});
                }
            }
            return out;
        }

        private static boolean inside(int start, int end, List<int[]> spans) {
            for (int[] s : spans) if (start >= s[0] && end <= s[1]) return true;
            return false;
        }
    }

    /** The match lies wholly between an opening and its closing quotation mark on one line. */
    static boolean quoted(String t, int start, int end) {
        int i = start;
        while (i > 0 && t.charAt(i - 1) != '\n') i--;
        char close = 0; // the mark that closes the quotation open at i, or 0 outside quotes
        for (; i < start; i++) {
            if (close == 0) close = closing(t, i);
            else if (closes(t, i, close)) close = 0;
        }
        if (close == 0) return false;
        for (i = start; i < t.length() && t.charAt(i) != '\n'; i++) {
            if (closes(t, i, close)) return i >= end;
        }
        return false;
    }

    /** The closing mark for an opening quotation mark at i, or 0. An apostrophe inside a word ("don't") opens nothing. */
    private static char closing(String t, int i) {
        char c = t.charAt(i);
        return switch (c) {
            case '"', '“' -> '”';
            case '「' -> '」';
            case '『' -> '』';
            case '«' -> '»';
            case '\'', '‘' -> i > 0 && Character.isLetterOrDigit(t.charAt(i - 1)) ? 0 : '’';
            default -> 0;
        };
    }

    /** t[j] closes a quotation opened with the family of {@code close}: straight quotes close either kind. */
    private static boolean closes(String t, int j, char close) {
        char c = t.charAt(j);
        if (close == '”') return c == '”' || c == '"';
        if (close == '’') return (c == '’' || c == '\'') && (j + 1 >= t.length() || !Character.isLetterOrDigit(t.charAt(j + 1)));
        return c == close;
    }

    /** Start of the sentence (or clause) around pos. */
    private static int boundaryBefore(String t, int pos, boolean clause) {
        for (int i = pos - 1; i >= 0; i--) if (ends(t, i, clause)) return i + 1;
        return 0;
    }

    /** End of the sentence (or clause) around pos. */
    private static int boundaryAfter(String t, int pos, boolean clause) {
        for (int i = pos; i < t.length(); i++) if (ends(t, i, clause)) return i + 1;
        return t.length();
    }

    private static boolean ends(String t, int i, boolean clause) {
        char c = t.charAt(i);
        if (clause && (c == ',' || c == ';' || c == '，' || c == '；')) return true;
        if (c == '。' || c == '！' || c == '？' || c == '\n') return true;
        if (i + 1 >= t.length()) return c == '.' || c == '!' || c == '?';
        char next = t.charAt(i + 1);
        // folding turns '？' into '?', and Chinese puts no space after it
        if (c == '!' || c == '?') return Character.isWhitespace(next) || next >= 0x2E80;
        if (c == '.') return Character.isWhitespace(next);
        return false;
    }
}

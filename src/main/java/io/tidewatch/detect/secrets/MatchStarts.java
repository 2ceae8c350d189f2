package io.tidewatch.detect.secrets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a match of a regular expression can start: at an occurrence of one of the literal words every match
 * begins with, or one char before it ({@code "(?:^|[^A-Za-z0-9])(?i:passphrase)"} starts at "passphrase" or at the
 * char before). RE2/J has no DFA: a search steps its automaton over every char of the text, and for a rule led by
 * its label that is most of its cost; tried only at these places, a match reads a few chars.
 * <p>
 * A rule led by its value ({@code "(?:^|[^A-Za-z0-9])([A-Za-z0-9]{20,})"}) can start only where a run of at least as
 * many chars of its class begins, or at a char of the class before it: {@link #of(String, boolean)} with runs also
 * gives those leads ({@link RunLead}).
 * <p>
 * The analysis reads RE2 syntax and answers only what it is sure of: a leading optional part, a repeated class, an
 * unknown escape or anything unusual gives {@code null} (search the whole text). Words are lower-cased, to be looked
 * up in a {@link NormalizedText#lower()}; a case-insensitive word stops before a non-ASCII letter with case, whose
 * case folding lower-casing does not mirror.
 */
final class MatchStarts {
    /** Per lower-case word, where a match starts relative to it: bit 0 at the word, bit 1 one char (code point) before, bit 2 two. */
    private final Map<String, Integer> leads;
    private final List<RunLead> runs;

    private MatchStarts(Map<String, Integer> leads, List<RunLead> runs) {
        this.leads = Map.copyOf(leads);
        this.runs = List.copyOf(runs);
    }

    /** The words and leads, or null when a match of {@code regex} (RE2 syntax) may start anywhere as far as this can tell. */
    static MatchStarts of(String regex) { return of(regex, false); }

    /** As {@link #of(String)}; with {@code runs}, alternatives led by a repeated class count too ({@link #runs()}). */
    static MatchStarts of(String regex, boolean runs) {
        try {
            Parser parser = new Parser(regex);
            List<List<Item>> alternatives = parser.alternatives(false);
            Map<String, Integer> out = new TreeMap<>();
            Set<RunLead> runLeads = new LinkedHashSet<>();
            Start first = new Start(0, Boundary.NONE, null);
            for (List<Item> alternative : alternatives) if (!starts(alternative, 0, first, out, runs ? runLeads : null)) return null;
            // a word of one ASCII letter or digit ("a" in "A{18,24}") occurs so often that a search costs less than the tries
            for (String w : out.keySet()) if (w.length() < 2 && w.charAt(0) < 0x80 && Character.isLetterOrDigit(w.charAt(0))) return null;
            return out.isEmpty() && runLeads.isEmpty() ? null : new MatchStarts(out, new ArrayList<>(runLeads));
        } catch (Unsure e) {
            return null;
        }
    }

    Map<String, Integer> leads() { return leads; }

    /** The alternatives led by a run of a class (empty unless asked for). */
    List<RunLead> runs() { return runs; }

    /** What must hold where a match starts, as far as it is read here (RE2: "\b" is an ASCII word boundary). */
    enum Boundary {
        NONE, TEXT_START, LINE_START, WORD;

        boolean holds(CharSequence t, int p) {
            return switch (this) {
                case NONE -> true;
                case TEXT_START -> p == 0;
                case LINE_START -> p == 0 || t.charAt(p - 1) == '\n';
                case WORD -> (p > 0 && wordChar(t.charAt(p - 1))) != (p < t.length() && wordChar(t.charAt(p)));
            };
        }

        private static boolean wordChar(char c) {
            return c < 0x80 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_');
        }
    }

    /**
     * An alternative that opens with {@code min} or more chars of {@code run}, after one char of {@code context}
     * (null: none), where {@code boundary} holds at the match's start.
     */
    record RunLead(Boundary boundary, OneCharClass context, OneCharClass run, int min) {}

    /** Where the reading of an alternative is: chars consumed, what holds at the start, the one char consumed. */
    private record Start(int lead, Boundary boundary, OneCharClass context) {}

    /** One element of a concatenation. */
    private sealed interface Item permits Literal, OneChar, Run, Empty, Group, Optional, Opaque {}

    /** A literal char; {@code fold}: matched case-insensitively. Quantified (min >= 1) when {@code repeated}. */
    private record Literal(char c, boolean fold, boolean repeated) implements Item {}

    /** One char of a class, ".", or an escape like "\s" (not repeated), as written. */
    private record OneChar(String source, boolean fold) implements Item {}

    /** A class repeated at least {@code min} (>= 1) times. */
    private record Run(OneChar of, int min) implements Item {}

    /** A zero-width assertion ("^", "$", "\b"...): {@code boundary} is what it asks of its place, as far as read here. */
    private record Empty(Boundary boundary) implements Item {}

    /** A group (not optional), by its alternatives. */
    private record Group(List<List<Item>> alternatives) implements Item {}

    /** An item that may be left out ("(?:just )?", "s*"): a match starts with it or with what follows. */
    private record Optional(List<List<Item>> alternatives) implements Item {}

    /** Anything else (a repeated class, an escape not read here): before a word, unsure. */
    private record Opaque() implements Item {}

    private static final class Unsure extends RuntimeException {
        Unsure() { super(null, null, false, false); }
    }

    /**
     * Adds the words the items from {@code k} on can start with, {@code at.lead()} chars after the match's start, and
     * (when {@code runs} is not null) the runs; false when unsure (nothing consumed for certain, or more than two chars
     * before the first word, one before a run).
     */
    private static boolean starts(List<Item> items, int k, Start at, Map<String, Integer> out, Set<RunLead> runs) {
        for (int i = k; i < items.size(); i++) {
            Item item = items.get(i);
            if (item instanceof Empty e) {
                // only what holds at the start itself is kept: after the context char it would need its own place
                if (at.lead() == 0 && at.boundary() == Boundary.NONE) at = new Start(0, e.boundary(), null);
                continue;
            }
            if (item instanceof Opaque) return false;
            if (item instanceof OneChar c) {
                if (at.lead() > 1) return false;
                // the one char before a run is kept, to try only where it can be; two chars before a word are not
                at = new Start(at.lead() + 1, at.boundary(), at.lead() == 0 ? new OneCharClass(c.source(), c.fold()) : null);
                continue;
            }
            if (item instanceof Run r) {
                if (runs == null || r.min() < 2 || at.lead() > 1) return false; // a run of one ("[a-z]+") starts at every word: search
                runs.add(new RunLead(at.boundary(), at.context(), new OneCharClass(r.of().source(), r.of().fold()), r.min()));
                return true;
            }
            if (item instanceof Group || item instanceof Optional) {
                List<List<Item>> alternatives = item instanceof Group g ? g.alternatives() : ((Optional) item).alternatives();
                for (List<Item> alternative : alternatives) {
                    List<Item> joined = new ArrayList<>(alternative);
                    joined.addAll(items.subList(i + 1, items.size()));
                    if (joined.size() > 4096 || !starts(joined, 0, at, out, runs)) return false;
                }
                return item instanceof Group || starts(items, i + 1, at, out, runs); // left out: what follows starts it
            }
            StringBuilder word = new StringBuilder();
            for (int j = i; j < items.size() && items.get(j) instanceof Literal l; j++) {
                char c = l.c();
                if (l.fold() && c >= 0x80 && (Character.toUpperCase(c) != c || Character.toLowerCase(c) != c)) break;
                word.append(c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c));
                if (l.repeated()) break; // "a+": one at least, how many is open
            }
            if (word.isEmpty()) return false;
            out.merge(word.toString(), 1 << at.lead(), (a, b) -> a | b);
            return true;
        }
        return false; // the match may end before consuming anything for certain
    }

    /** A recursive-descent reader of the RE2 syntax the rule files use. */
    private static final class Parser {
        private final String re;
        /** Whether an "m" flag appears anywhere: then "^" may be any line's start (read coarsely, never too narrowly). */
        private final boolean multiline;
        private int pos;

        Parser(String re) {
            this.re = re;
            boolean m = false;
            for (int i = re.indexOf("(?"); i >= 0 && !m; i = re.indexOf("(?", i + 2)) {
                for (int j = i + 2; j < re.length() && (Character.isLetter(re.charAt(j)) || re.charAt(j) == '-'); j++) {
                    if (re.charAt(j) == '-') break;
                    if (re.charAt(j) == 'm') m = true;
                }
            }
            this.multiline = m;
        }

        List<List<Item>> alternatives(boolean inGroup) {
            return alternatives(inGroup, false);
        }

        private List<List<Item>> alternatives(boolean inGroup, boolean foldIn) {
            List<List<Item>> out = new ArrayList<>();
            List<Item> current = new ArrayList<>();
            boolean fold = foldIn;
            while (pos < re.length()) {
                char c = re.charAt(pos);
                if (c == ')') {
                    if (!inGroup) throw new Unsure();
                    break;
                }
                if (c == '|') {
                    out.add(current);
                    current = new ArrayList<>();
                    pos++;
                    continue;
                }
                if (re.startsWith("(?", pos) && !re.startsWith("(?:", pos) && !re.startsWith("(?P<", pos) && !re.startsWith("(?<", pos)) {
                    // "(?i)" or "(?i:" ... ; flags other than i (m, s, U) change no start
                    int end = pos + 2;
                    while (end < re.length() && Character.isLetter(re.charAt(end)) || end < re.length() && re.charAt(end) == '-') end++;
                    if (end >= re.length()) throw new Unsure();
                    String flags = re.substring(pos + 2, end);
                    boolean on = !flags.contains("-") ? flags.contains("i") : flags.substring(0, flags.indexOf('-')).contains("i");
                    boolean off = flags.contains("-") && flags.substring(flags.indexOf('-')).contains("i");
                    boolean groupFold = on || (fold && !off);
                    if (re.charAt(end) == ')') {
                        fold = groupFold;
                        pos = end + 1;
                        continue;
                    }
                    if (re.charAt(end) != ':') throw new Unsure();
                    pos = end + 1;
                    add(current, group(groupFold));
                    continue;
                }
                if (c == '(') {
                    if (re.startsWith("(?:", pos)) pos += 3;
                    else if (re.startsWith("(?P<", pos) || re.startsWith("(?<", pos)) {
                        int close = re.indexOf('>', pos);
                        if (close < 0) throw new Unsure();
                        pos = close + 1;
                    } else pos++;
                    add(current, group(fold));
                    continue;
                }
                add(current, atom(fold));
            }
            out.add(current);
            return out;
        }

        /** The group whose body starts at {@code pos}, up to its ")". */
        private Item group(boolean fold) {
            List<List<Item>> body = alternatives(true, fold);
            if (pos >= re.length() || re.charAt(pos) != ')') throw new Unsure();
            pos++;
            return new Group(body);
        }

        private Item atom(boolean fold) {
            char c = re.charAt(pos);
            if (c == '^' || c == '$') {
                pos++;
                return new Empty(c == '$' ? Boundary.NONE : multiline ? Boundary.LINE_START : Boundary.TEXT_START);
            }
            if (c == '.') {
                pos++;
                return new OneChar(".", fold);
            }
            if (c == '[') {
                int from = pos;
                skipClass();
                String source = re.substring(from, pos);
                List<List<Item>> chars = caselessChars(source);
                return chars != null ? new Group(chars) : new OneChar(source, fold);
            }
            if ("*+?{".indexOf(c) >= 0) throw new Unsure(); // a quantifier with nothing before it
            if (c == '\\') {
                if (pos + 1 >= re.length()) throw new Unsure();
                char e = re.charAt(pos + 1);
                int from = pos;
                pos += 2;
                if (e == 'b') return new Empty(Boundary.WORD);
                if (e == 'A') return new Empty(Boundary.TEXT_START);
                if (e == 'B' || e == 'z') return new Empty(Boundary.NONE);
                if ("dDsSwW".indexOf(e) >= 0) return new OneChar(re.substring(from, pos), fold);
                if (e == 'p' || e == 'P') {
                    if (pos < re.length() && re.charAt(pos) == '{') {
                        int close = re.indexOf('}', pos);
                        if (close < 0) throw new Unsure();
                        pos = close + 1;
                    } else pos++;
                    return new OneChar(re.substring(from, pos), fold);
                }
                if (e == 'n') return new Literal('\n', false, false);
                if (e == 't') return new Literal('\t', false, false);
                if (e == 'r') return new Literal('\r', false, false);
                if (!Character.isLetterOrDigit(e)) return new Literal(e, fold, false); // an escaped punctuation mark
                if (e == 'Q' || e == 'x') throw new Unsure(); // their length is not read here
                return new Opaque();
            }
            pos++;
            if (Character.isSurrogate(c)) return new Opaque(); // a code point in two chars: keep it simple
            return new Literal(c, fold, false);
        }

        /**
         * "[码碼]": a class of a few letters without case, as the alternatives of one char each (words that start a
         * match, rare enough to look for); null for any other class.
         */
        private static List<List<Item>> caselessChars(String source) {
            if (source.length() < 3 || source.length() > 10 || source.charAt(1) == '^') return null;
            List<List<Item>> out = new ArrayList<>();
            for (int i = 1; i < source.length() - 1; i++) {
                char c = source.charAt(i);
                if (c < 0x80 || Character.isSurrogate(c) || !Character.isLetter(c)
                        || Character.toUpperCase(c) != c || Character.toLowerCase(c) != c) return null;
                out.add(List.of(new Literal(c, false, false)));
            }
            return out;
        }

        private void skipClass() {
            int i = pos + 1;
            if (i < re.length() && re.charAt(i) == '^') i++;
            if (i < re.length() && re.charAt(i) == ']') i++; // a leading ']' is a member
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == '\\') i += 2;
                else if (c == '[' && re.startsWith("[:", i)) {
                    int close = re.indexOf(":]", i + 2);
                    if (close < 0) throw new Unsure();
                    i = close + 2;
                } else if (c == ']') {
                    pos = i + 1;
                    return;
                } else i++;
            }
            throw new Unsure();
        }

        /** Adds an item with its quantifier, if any: optional ones make the analysis unsure where they lead. */
        private void add(List<Item> items, Item item) {
            if (pos >= re.length()) {
                items.add(item);
                return;
            }
            char q = re.charAt(pos);
            int min;
            if (q == '?' || q == '*') {
                min = 0;
                pos++;
            } else if (q == '+') {
                min = 1;
                pos++;
            } else if (q == '{') {
                int close = re.indexOf('}', pos);
                if (close < 0) throw new Unsure();
                String body = re.substring(pos + 1, close);
                String low = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
                if (low.isEmpty() || !body.chars().allMatch(ch -> ch == ',' || Character.isDigit(ch))) {
                    throw new Unsure(); // RE2 reads such a brace as a literal; not needed here
                }
                min = Integer.parseInt(low);
                if (body.equals(low) && min == 1) { // "{1}": the item itself
                    pos = close + 1;
                    if (pos < re.length() && re.charAt(pos) == '?') pos++;
                    items.add(item);
                    return;
                }
                pos = close + 1;
            } else {
                items.add(item);
                return;
            }
            if (pos < re.length() && re.charAt(pos) == '?') pos++; // lazy
            if (min == 0) {
                // left out, or its first time round: what the match starts with either way
                if (item instanceof Literal l) items.add(new Optional(List.of(List.of(new Literal(l.c(), l.fold(), true)))));
                else if (item instanceof Group g) items.add(new Optional(g.alternatives()));
                else items.add(new Opaque());
            } else if (item instanceof Literal l) items.add(new Literal(l.c(), l.fold(), true));
            else if (item instanceof Group g) items.add(g); // its first time round starts the same way
            else if (item instanceof OneChar c) items.add(new Run(c, min)); // a run: where a word after it is depends on the count
            else items.add(new Opaque());
        }
    }
}

package io.tidewatch.detect.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a match of a regular expression can start: at an occurrence of one of the literal words every match
 * begins with, or one char before it ({@code "(?:^|[^A-Za-z0-9])(?i:passphrase)"} starts at "passphrase" or at the
 * char before). RE2/J has no DFA: a search steps its automaton over every char of the text, and for a rule led by
 * its label that is most of its cost; tried only at these places, a match reads a few chars.
 * <p>
 * The analysis reads RE2 syntax and answers only what it is sure of: a leading optional part, a repeated class, an
 * unknown escape or anything unusual gives {@code null} (search the whole text). Words are lower-cased, to be looked
 * up in a {@link NormalizedText#lower()}; a case-insensitive word stops before a non-ASCII letter with case, whose
 * case folding lower-casing does not mirror.
 */
final class MatchStarts {
    /** Per lower-case word, where a match starts relative to it: bit 0 at the word, bit 1 one char (code point) before. */
    private final Map<String, Integer> leads;

    private MatchStarts(Map<String, Integer> leads) { this.leads = Map.copyOf(leads); }

    /** The words and leads, or null when a match of {@code regex} (RE2 syntax) may start anywhere as far as this can tell. */
    static MatchStarts of(String regex) {
        try {
            List<List<Item>> alternatives = new Parser(regex).alternatives(false);
            Map<String, Integer> out = new TreeMap<>();
            for (List<Item> alternative : alternatives) if (!starts(alternative, 0, 0, out)) return null;
            // a word of one ASCII letter or digit ("a" in "A{18,24}") occurs so often that a search costs less than the tries
            for (String w : out.keySet()) if (w.length() < 2 && w.charAt(0) < 0x80 && Character.isLetterOrDigit(w.charAt(0))) return null;
            return out.isEmpty() ? null : new MatchStarts(out);
        } catch (Unsure e) {
            return null;
        }
    }

    Map<String, Integer> leads() { return leads; }

    /** One element of a concatenation. */
    private sealed interface Item permits Literal, OneChar, Empty, Group, Optional, Opaque {}

    /** A literal char; {@code fold}: matched case-insensitively. Quantified (min >= 1) when {@code repeated}. */
    private record Literal(char c, boolean fold, boolean repeated) implements Item {}

    /** One char of a class, ".", or an escape like "\s" (not repeated). */
    private record OneChar() implements Item {}

    /** A zero-width assertion ("^", "$", "\b"...). */
    private record Empty() implements Item {}

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
     * Adds the words the items from {@code k} on can start with, {@code lead} chars after the match's start; false
     * when unsure (nothing consumed for certain, or more than one char before the first word).
     */
    private static boolean starts(List<Item> items, int k, int lead, Map<String, Integer> out) {
        for (int i = k; i < items.size(); i++) {
            Item item = items.get(i);
            if (item instanceof Empty) continue;
            if (item instanceof Opaque) return false;
            if (item instanceof OneChar) {
                if (lead > 0) return false;
                lead++;
                continue;
            }
            if (item instanceof Group || item instanceof Optional) {
                List<List<Item>> alternatives = item instanceof Group g ? g.alternatives() : ((Optional) item).alternatives();
                for (List<Item> alternative : alternatives) {
                    List<Item> joined = new ArrayList<>(alternative);
                    joined.addAll(items.subList(i + 1, items.size()));
                    if (joined.size() > 4096 || !starts(joined, 0, lead, out)) return false;
                }
                return item instanceof Group || starts(items, i + 1, lead, out); // left out: what follows starts it
            }
            StringBuilder word = new StringBuilder();
            for (int j = i; j < items.size() && items.get(j) instanceof Literal l; j++) {
                char c = l.c();
                if (l.fold() && c >= 0x80 && (Character.toUpperCase(c) != c || Character.toLowerCase(c) != c)) break;
                word.append(c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c));
                if (l.repeated()) break; // "a+": one at least, how many is open
            }
            if (word.isEmpty()) return false;
            out.merge(word.toString(), 1 << lead, (a, b) -> a | b);
            return true;
        }
        return false; // the match may end before consuming anything for certain
    }

    /** A recursive-descent reader of the RE2 syntax the rule files use. */
    private static final class Parser {
        private final String re;
        private int pos;

        Parser(String re) { this.re = re; }

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
                return new Empty();
            }
            if (c == '.') {
                pos++;
                return new OneChar();
            }
            if (c == '[') {
                skipClass();
                return new OneChar();
            }
            if ("*+?{".indexOf(c) >= 0) throw new Unsure(); // a quantifier with nothing before it
            if (c == '\\') {
                if (pos + 1 >= re.length()) throw new Unsure();
                char e = re.charAt(pos + 1);
                pos += 2;
                if (e == 'b' || e == 'B' || e == 'A' || e == 'z') return new Empty();
                if ("dDsSwW".indexOf(e) >= 0) return new OneChar();
                if (e == 'p' || e == 'P') {
                    if (pos < re.length() && re.charAt(pos) == '{') {
                        int close = re.indexOf('}', pos);
                        if (close < 0) throw new Unsure();
                        pos = close + 1;
                    } else pos++;
                    return new OneChar();
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
            else items.add(new Opaque()); // a repeated class: where the word after it is depends on the count
        }
    }
}

package io.tidewatch.support;

import java.lang.Character.UnicodeScript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the answer language from the scripts a message is written in. Each language names its
 * scripts and a weight per letter (a Han character carries about as much as three Latin letters),
 * so "我的USDT没到账" reads as Chinese and "my 充值 is not credited" as English. The platform's hint
 * decides when the text has no letters or the hinted language holds a good share of them.
 */
final class LanguageDetector {
    /** A language the rules provide, as detection sees it. */
    record Profile(String code, Set<UnicodeScript> scripts, double weight) {}

    private static final double HINT_SHARE = 1.0 / 3;
    private final List<Profile> profiles;
    private final String fallback;

    LanguageDetector(List<Profile> profiles, String fallback) {
        this.profiles = List.copyOf(profiles);
        this.fallback = fallback;
    }

    String detect(String text, String hint) {
        String hinted = normalizeHint(hint);
        Map<String, Double> score = new HashMap<>();
        double total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            UnicodeScript script = UnicodeScript.of(cp);
            for (Profile p : profiles) {
                if (p.scripts().contains(script)) {
                    score.merge(p.code(), p.weight(), Double::sum);
                    total += p.weight();
                }
            }
        }
        if (total == 0) return hinted != null ? hinted : fallback;
        if (hinted != null && score.getOrDefault(hinted, 0.0) >= total * HINT_SHARE) return hinted;
        String best = fallback;
        double bestScore = 0;
        for (Profile p : profiles) {
            double s = score.getOrDefault(p.code(), 0.0);
            if (s > bestScore) {
                best = p.code();
                bestScore = s;
            }
        }
        return best;
    }

    /** "zh-Hans", "zh_CN", " EN " -> "zh", "zh", "en". */
    static String baseCode(String tag) {
        String t = tag.trim().toLowerCase(java.util.Locale.ROOT);
        int cut = 0;
        while (cut < t.length() && t.charAt(cut) != '-' && t.charAt(cut) != '_') cut++;
        return t.substring(0, cut);
    }

    /** "zh-Hans", "zh_CN", "EN" -> a language the rules have, or null. */
    private String normalizeHint(String hint) {
        if (hint == null || hint.isBlank()) return null;
        String base = baseCode(hint);
        for (Profile p : profiles) if (p.code().equals(base)) return base;
        return null;
    }
}

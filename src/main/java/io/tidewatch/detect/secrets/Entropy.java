package io.tidewatch.detect.secrets;

/** Shannon entropy in bits per char, as gitleaks computes it for its {@code entropy} thresholds. */
public final class Entropy {
    private Entropy() {}

    private static final double LN2 = Math.log(2);

    public static double shannon(CharSequence s) {
        int n = s.length();
        if (n == 0) return 0;
        // secrets are ASCII: count in an array, and fall back to a map only for the rare other char
        int[] ascii = new int[128];
        java.util.HashMap<Character, int[]> other = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) ascii[c]++;
            else {
                if (other == null) other = new java.util.HashMap<>();
                other.computeIfAbsent(c, k -> new int[1])[0]++;
            }
        }
        double h = 0;
        for (int count : ascii) if (count > 0) h -= term(count, n);
        if (other != null) for (int[] c : other.values()) h -= term(c[0], n);
        return h;
    }

    private static double term(int count, int n) {
        double p = (double) count / n;
        return p * (Math.log(p) / LN2);
    }
}

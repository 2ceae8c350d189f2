package io.tidewatch.detect.secrets;

/** Shannon entropy in bits per char, as gitleaks computes it for its {@code entropy} thresholds. */
public final class Entropy {
    private Entropy() {}

    public static double shannon(CharSequence s) {
        int n = s.length();
        if (n == 0) return 0;
        java.util.HashMap<Character, int[]> counts = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) counts.computeIfAbsent(s.charAt(i), k -> new int[1])[0]++;
        double h = 0;
        for (int[] c : counts.values()) {
            double p = (double) c[0] / n;
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }
}

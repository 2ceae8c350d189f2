package io.tidewatch.detect.identity;

/**
 * A name scammers imitate: the brand, an alias, or an official or staff account's name or username.
 *
 * @param display  the name as the brand profile writes it
 * @param source   where it comes from ("brand", "alias", "official telegram name", …)
 * @param skeleton its skeleton, computed once
 */
public record ProtectedName(String display, String source, Skeleton skeleton) {
    public String key() { return skeleton.joined(); }

    /** CJK and other scripts without word spaces are matched by containment. */
    public boolean unspaced() {
        String k = key();
        for (int i = 0; i < k.length(); i++) if (k.charAt(i) >= 0x2E80) return true;
        return false;
    }
}

package io.tidewatch.detect.identity;

/**
 * A name scammers imitate: the brand, an alias, or an official or staff account's name or username.
 *
 * @param display  the name as the brand profile writes it
 * @param source   where it comes from ("brand", "alias", "official telegram name", …)
 * @param skeleton its skeleton, computed once
 * @param key      the skeleton's tokens run together, computed once
 * @param unspaced written in a script without word spaces (CJK): matched by containment
 */
public record ProtectedName(String display, String source, Skeleton skeleton, String key, boolean unspaced) {
    public static ProtectedName of(String display, String source, Skeleton skeleton) {
        String key = skeleton.joined();
        boolean unspaced = false;
        for (int i = 0; i < key.length(); i++) if (key.charAt(i) >= 0x2E80) { unspaced = true; break; }
        return new ProtectedName(display, source, skeleton, key, unspaced);
    }
}

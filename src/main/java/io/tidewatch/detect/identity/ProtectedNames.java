package io.tidewatch.detect.identity;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Every name of the brand profile that an impersonator might copy, as skeletons. */
public final class ProtectedNames {
    private final List<ProtectedName> names;
    private final Set<String> trustedUsernames;

    private ProtectedNames(List<ProtectedName> names, Set<String> trustedUsernames) {
        this.names = List.copyOf(names);
        this.trustedUsernames = Set.copyOf(trustedUsernames);
    }

    public static ProtectedNames from(BrandProfile profile, NameSkeleton skeleton) {
        List<ProtectedName> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        add(names, seen, skeleton, profile.brand().name(), "brand");
        for (String alias : profile.brand().aliases()) add(names, seen, skeleton, alias, "alias");
        for (Platform p : new Platform[]{Platform.TELEGRAM, Platform.TWITTER}) {
            String where = p.wireName();
            for (var a : profile.official().on(p)) {
                add(names, seen, skeleton, a.name(), "official " + where + " name");
                add(names, seen, skeleton, a.username(), "official " + where + " username");
                if (a.username() != null) usernames.add(a.username().toLowerCase(Locale.ROOT));
            }
            for (var a : profile.staff().on(p)) {
                add(names, seen, skeleton, a.name(), "staff " + where + " name");
                add(names, seen, skeleton, a.username(), "staff " + where + " username");
                if (a.username() != null) usernames.add(a.username().toLowerCase(Locale.ROOT));
            }
        }
        return new ProtectedNames(names, usernames);
    }

    private static void add(List<ProtectedName> names, Set<String> seen, NameSkeleton skeleton, String display, String source) {
        if (display == null || display.isBlank()) return;
        Skeleton s = skeleton.of(display);
        if (s.isEmpty() || !seen.add(s.joined())) return;
        names.add(ProtectedName.of(display, source, s));
    }

    public List<ProtectedName> all() { return names; }

    /** An official or staff account's exact username (case-insensitive): mentioning it is no imitation. */
    public boolean isTrustedUsername(String username) {
        if (username == null) return false;
        String u = username.startsWith("@") ? username.substring(1) : username;
        return trustedUsernames.contains(u.toLowerCase(Locale.ROOT));
    }
}

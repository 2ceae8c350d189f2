package io.tidewatch.announce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.YamlFiles;

import java.net.IDN;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Announcements link only to the brand: a host must be one of {@code brand.domains} (or a subdomain),
 * a domain in the allowlist of {@code rules/links.yaml} if present, or an official account's page on
 * a social site (for example {@code https://t.me/ExampleExchange}). Extra host checks (a lookalike
 * detector) plug in as a {@code Predicate<String>} that says a host is suspicious.
 */
public final class OfficialLinks implements LinkCheck {
    private static final Set<String> SOCIAL_HOSTS = Set.of("t.me", "telegram.me", "x.com", "twitter.com");

    private final List<String> domains;
    private final Set<String> officialHandles;
    private final Predicate<String> suspiciousHost;

    public OfficialLinks(List<String> domains, Set<String> officialHandles, Predicate<String> suspiciousHost) {
        this.domains = domains.stream().map(OfficialLinks::normalizeHost).toList();
        this.officialHandles = officialHandles.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
        this.suspiciousHost = suspiciousHost;
    }

    /** Brand domains + allowlist from {@code rulesDir/links.yaml} (keys {@code allowlist} or {@code allow}). */
    public static OfficialLinks of(BrandProfile brand, Path rulesDir) {
        List<String> domains = new ArrayList<>(brand.brand().domains());
        domains.addAll(allowlist(rulesDir == null ? null : rulesDir.resolve("links.yaml")));
        Set<String> handles = new TreeSet<>();
        for (var platform : io.tidewatch.core.Platform.values()) {
            brand.official().on(platform).forEach(a -> { if (a.username() != null) handles.add(a.username()); });
        }
        if (brand.support() != null) {
            brand.support().social().values().forEach(url -> {
                try {
                    String path = URI.create(url).getPath();
                    if (path != null && path.length() > 1) handles.add(path.substring(1).split("/")[0]);
                } catch (IllegalArgumentException ignored) {
                    // a malformed social URL simply adds no handle
                }
            });
        }
        return new OfficialLinks(domains, handles, host -> false);
    }

    /** The same check with a further host test, e.g. the lookalike-domain detector. */
    public OfficialLinks withSuspiciousHost(Predicate<String> more) {
        return new OfficialLinks(domains, officialHandles, suspiciousHost.or(more));
    }

    static List<String> allowlist(Path file) {
        if (file == null || !Files.isRegularFile(file)) return List.of();
        JsonNode root = YamlFiles.tree(file);
        List<String> out = new ArrayList<>();
        for (String key : List.of("allowlist", "allow")) {
            JsonNode list = root.get(key);
            if (list != null && list.isArray()) {
                list.forEach(n -> {
                    if (n.isTextual()) out.add(n.asText());
                    else if (n.has("domain")) out.add(n.get("domain").asText());
                });
            }
        }
        return out;
    }

    @Override
    public Optional<String> problemWith(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("tg") || scheme.equals("mailto")) {
            return scheme.equals("mailto") && !isOfficialHost(mailHost(url))
                    ? Optional.of("mail address outside the official domains") : Optional.empty();
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http, https and tg links are allowed");
        }
        String host = url.getHost() == null ? "" : normalizeHost(url.getHost());
        if (host.isEmpty()) return Optional.of("link has no host");
        if (suspiciousHost.test(host)) return Optional.of(host + " looks like an imitation of an official domain");
        if (isOfficialHost(host)) return Optional.empty();
        if (SOCIAL_HOSTS.contains(host)) {
            String path = url.getPath() == null ? "" : url.getPath();
            String handle = path.length() > 1 ? path.substring(1).split("/")[0].toLowerCase(Locale.ROOT) : "";
            if (officialHandles.contains(handle)) return Optional.empty();
            return Optional.of(host + "/" + handle + " is not an official account");
        }
        return Optional.of(host + " is not an official domain");
    }

    private boolean isOfficialHost(String host) {
        for (String d : domains) {
            if (host.equals(d) || host.endsWith("." + d)) return true;
        }
        return false;
    }

    private static String mailHost(URI url) {
        String ssp = url.getSchemeSpecificPart();
        int at = ssp == null ? -1 : ssp.indexOf('@');
        return at < 0 ? "" : normalizeHost(ssp.substring(at + 1).split("\\?")[0]);
    }

    static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        try {
            return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return h;
        }
    }
}

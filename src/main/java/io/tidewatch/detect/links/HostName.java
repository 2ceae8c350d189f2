package io.tidewatch.detect.links;

import com.google.common.net.InternetDomainName;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A host split the way registries split it: {@code login.example.co.uk} has subdomain labels
 * [login], registrable label {@code example} and public suffix {@code co.uk}. The public suffix
 * list is Guava's copy (ICANN and private sections, so {@code brand.github.io} is its own site).
 *
 * @param ascii       the whole host, lower-case, punycode
 * @param unicode     the whole host with punycode decoded (what a reader sees)
 * @param registrable the registrable domain (ASCII), e.g. {@code example.co.uk}
 * @param label       the registrable domain's first label, decoded to Unicode
 * @param suffix      the public suffix (ASCII)
 * @param subLabels   labels left of the registrable domain, decoded to Unicode
 */
public record HostName(String ascii, String unicode, String registrable, String label, String suffix,
                       List<String> subLabels) {
    public HostName {
        subLabels = List.copyOf(subLabels);
    }

    /** Parses a host (Unicode or punycode); empty when it is not a name under a public suffix. */
    public static Optional<HostName> parse(String host) {
        if (host == null) return Optional.empty();
        String h = host.strip().toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.isEmpty() || h.length() > 253) return Optional.empty();
        String ascii;
        try {
            ascii = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!InternetDomainName.isValid(ascii)) return Optional.empty();
        InternetDomainName name = InternetDomainName.from(ascii);
        if (!name.isUnderPublicSuffix()) return Optional.empty();
        String registrable = name.topPrivateDomain().toString();
        String suffix = name.publicSuffix().toString();
        String label = registrable.substring(0, registrable.length() - suffix.length() - 1);
        String sub = ascii.length() > registrable.length() ? ascii.substring(0, ascii.length() - registrable.length() - 1) : "";
        List<String> subLabels = sub.isEmpty() ? List.of() : List.of(sub.split("\\.")).stream().map(HostName::decode).toList();
        return Optional.of(new HostName(ascii, decode(ascii), registrable, decode(label), suffix, subLabels));
    }

    /** A domain name (which may itself be a public suffix, like {@code github.io}) in lower-case ASCII. */
    public static Optional<String> asciiDomain(String domain) {
        if (domain == null) return Optional.empty();
        String h = domain.strip().toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        try {
            h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!InternetDomainName.isValid(h) || !h.contains(".") || !InternetDomainName.from(h).hasPublicSuffix()) return Optional.empty();
        return Optional.of(h);
    }

    /** True when this host is {@code domain} or one of its subdomains. */
    public boolean isWithin(String domain) {
        return ascii.equals(domain) || ascii.endsWith("." + domain);
    }

    /** True when the registrable label was written in punycode (an internationalized name). */
    public boolean internationalized() {
        return registrable.startsWith("xn--") || registrable.contains(".xn--");
    }

    private static String decode(String ascii) {
        try {
            return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return ascii;
        }
    }
}

package io.tidewatch.detect.links;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A phishing link's excerpt shows the host and the path, never a credential in them. */
class SafeExcerptTest {
    private static String excerpt(String raw) {
        return PhishingLinkDetector.safeExcerpt(new Link(Link.Kind.URL, raw, "okx-airdrop.xyz", null, 0, raw.length()));
    }

    @Test
    void plain_paths_are_shown_as_written() {
        assertEquals("okx-airdrop.xyz/claim?ref=now", excerpt("okx-airdrop.xyz/claim?ref=now"));
    }

    @Test
    void a_password_holding_query_separators_is_hidden_whole() {
        assertEquals("okx-airdrop.xyz/••••••", excerpt("okx-airdrop.xyz/r1ver&Stone"));
        assertEquals("okx-airdrop.xyz/claim/••••••", excerpt("okx-airdrop.xyz/claim/river?tqQwz"));
    }

    @Test
    void key_like_query_values_and_user_info_are_hidden() {
        assertEquals("https://••••••@okx-airdrop.xyz/verify?key=••••••", excerpt("https://user:pw@okx-airdrop.xyz/verify?key=7f3a9c2e1b4d8f60"));
    }
}

package io.tidewatch.support;

import io.tidewatch.core.Author;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The shipped rules and brand profile, and posts shaped like the adapters make them. */
final class Fixtures {
    static final Path RULES = Path.of("rules");
    static final BrandProfile BRAND = BrandProfileReader.read(RULES.resolve("brand.yaml"));
    /** Thursday 26 Nov 2026, 10:00 UTC. */
    static final Instant THURSDAY = Instant.parse("2026-11-26T10:00:00Z");

    private Fixtures() {}

    static SupportResponder responder() { return SupportResponder.load(RULES, BRAND); }

    static Post dm(Platform platform, String userId, String text) {
        return new Post("m-" + text.hashCode(), platform, PostKind.DM, "chat-" + userId, THURSDAY,
                new Author(userId, "user" + userId, "User " + userId), text, List.of(), null);
    }

    static Post mention(String userId, String text) {
        return new Post("t-" + text.hashCode(), Platform.TWITTER, PostKind.MENTION, "timeline", THURSDAY,
                new Author(userId, "user" + userId, "User " + userId), text, List.of(), null);
    }
}

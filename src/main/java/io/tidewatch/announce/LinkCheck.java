package io.tidewatch.announce;

import java.net.URI;
import java.util.Optional;

/**
 * Decides whether an announcement may link to a URL. {@link OfficialLinks} allows the brand's domains;
 * a lookalike-domain detector can be chained in with {@link #and(LinkCheck)}.
 */
@FunctionalInterface
public interface LinkCheck {
    /** Empty when the link is fine, otherwise the reason it is not. */
    Optional<String> problemWith(URI url);

    default LinkCheck and(LinkCheck other) {
        return url -> {
            Optional<String> first = problemWith(url);
            return first.isPresent() ? first : other.problemWith(url);
        };
    }
}

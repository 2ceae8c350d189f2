package io.tidewatch.detect.identity;

import java.util.Locale;

/** A disguise a name needed to be undone before it matched a protected name. */
public enum Transformation {
    ZERO_WIDTH, BIDI, INVISIBLE, COMPATIBILITY, HOMOGLYPH, DIACRITICS, LEET, CASE, SEPARATORS, DECORATIONS;

    public String wireName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** Disguises nobody types by accident: they make an imitation more deliberate. */
    public boolean deliberate() {
        return switch (this) {
            case ZERO_WIDTH, BIDI, INVISIBLE, HOMOGLYPH, LEET -> true;
            default -> false;
        };
    }
}

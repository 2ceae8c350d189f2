package io.tidewatch.announce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files under {@code src/test/resources/announce/golden}; parts are separated by a line
 * {@value #PART_BREAK}. Run with {@code -Dgolden.update=true} to write or rewrite them after a
 * deliberate change; without it a missing golden file fails the test (a new case is reviewed, not
 * silently accepted).
 */
final class GoldenFiles {
    static final String PART_BREAK = "\n=====8<===== part break =====8<=====\n";
    private static final Path ROOT = Path.of("src/test/resources/announce");

    private GoldenFiles() {}

    static String input(String name) {
        try {
            return Files.readString(ROOT.resolve("cases").resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatches(String golden, List<String> parts) {
        String actual = String.join(PART_BREAK, parts) + "\n";
        Path file = ROOT.resolve("golden").resolve(golden);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(file), "golden file " + file + " is missing: review the output, then run with"
                    + " -Dgolden.update=true to write it\n" + actual);
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

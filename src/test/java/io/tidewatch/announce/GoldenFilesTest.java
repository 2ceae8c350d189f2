package io.tidewatch.announce;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldenFilesTest {
    @Test
    void a_missing_golden_file_fails_and_is_not_written_unless_asked() {
        Path file = Path.of("src/test/resources/announce/golden/never-reviewed.txt");
        assertFalse(Files.exists(file));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> GoldenFiles.assertMatches("never-reviewed.txt", List.of("anything")));
        assertTrue(e.getMessage().contains("-Dgolden.update=true"), e.getMessage());
        assertFalse(Files.exists(file), "nothing written without -Dgolden.update=true");
    }
}

package io.tidewatch.detect.identity;

import io.tidewatch.core.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scam model's training file: comments, optional sources, and bad lines reported by file and line. */
class ScamTrainingFileTest {
    @Test
    void reads_labels_and_sources_and_skips_comments(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.tsv");
        Files.writeString(f, "# header\n\nDM me for support\tscam\tmoderator\n# a tag\tclean\ngm all\tclean\n");
        List<ScamRules.Labeled> rows = ScamRules.training(f);
        assertEquals(List.of(new ScamRules.Labeled("DM me for support", true, "moderator"), new ScamRules.Labeled("# a tag", false, ""),
                new ScamRules.Labeled("gm all", false, "")), rows);
    }

    @Test
    void bad_lines_are_reported_with_file_and_line(@TempDir Path dir) throws Exception {
        String badLabel = error(dir, "# header\nDM me for support\tscam\ngm all\tspam\n");
        assertTrue(badLabel.contains("t.tsv:3:") && badLabel.contains("spam"), badLabel);
        String noLabel = error(dir, "DM me for support\tscam\njust some text\ngm\tclean\n");
        assertTrue(noLabel.contains("t.tsv:2:"), noLabel);
    }

    private static String error(Path dir, String content) throws Exception {
        Path f = dir.resolve("t.tsv");
        Files.writeString(f, content);
        return assertThrows(ConfigException.class, () -> ScamRules.training(f)).getMessage();
    }

    @Test
    void the_shipped_file_holds_both_labels_and_no_key_like_token() throws Exception {
        List<ScamRules.Labeled> rows = ScamRules.training(Path.of("rules/scam-training.tsv"));
        assertTrue(rows.stream().filter(ScamRules.Labeled::scam).count() >= 500 && rows.stream().filter(r -> !r.scam()).count() >= 1000);
        for (ScamRules.Labeled r : rows) {
            for (String chunk : r.text().split("[^A-Za-z0-9+/=]+")) {
                assertTrue(!(chunk.length() >= 20 && chunk.chars().anyMatch(Character::isDigit) && chunk.chars().anyMatch(Character::isLetter)
                        ), "a key-like token in: " + r.text());
            }
        }
    }
}

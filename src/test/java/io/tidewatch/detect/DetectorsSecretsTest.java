package io.tidewatch.detect;

import io.tidewatch.core.BrandProfileReader;
import io.tidewatch.core.Category;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standard detector set includes the secret scanner over rules/secrets.toml and any --secrets files. */
class DetectorsSecretsTest {
    @Test
    void standard_detectors_find_secrets() {
        var d = Detectors.standard(Path.of("rules"), BrandProfileReader.read(Path.of("rules/brand.yaml")), List.of());
        List<Finding> f = d.inspect(Post.ofText("m1", "my password is Tide#2024"));
        assertTrue(f.stream().anyMatch(x -> x.category() == Category.SECRET && x.rule().equals("password-in-chat")), f.toString());
    }

    @Test
    void a_bad_extra_rule_file_is_refused_with_file_and_line(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("extra.toml");
        Files.writeString(bad, "title = 'x'\n[[rules]]\nid = 'y'\nregex = '''[unclosed'''\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Detectors.standard(Path.of("rules"), BrandProfileReader.read(Path.of("rules/brand.yaml")), List.of(bad)));
        assertTrue(e.getMessage().startsWith(bad + ":4: rule 'y': bad regex"), e.getMessage());
        assertEquals(ConfigException.class, e.getClass());
    }
}

package io.tidewatch.detect.links;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Post;
import io.tidewatch.detect.TestBrands;
import io.tidewatch.detect.identity.IdentityRules;
import io.tidewatch.detect.identity.NameJudge;
import io.tidewatch.detect.identity.ProtectedNames;
import io.tidewatch.detect.identity.RuleFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookalike and clean examples written in rules/links.yaml hold, each set against its own brand. */
class LinkRulesExamplesTest {
    @Test
    void every_example_in_links_yaml_is_judged_as_labelled() {
        Path file = Path.of("rules/links.yaml");
        RuleFile f = RuleFile.read(file);
        IdentityRules identity = IdentityRules.load(Path.of("rules/identity.yaml"));
        LinkRules rules = LinkRules.load(file);
        JsonNode sets = f.at("examples");
        assertTrue(sets.isArray() && sets.size() >= 5, "examples: a list of sets, one per brand");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            String at = "examples[" + i + "]";
            JsonNode set = sets.get(i);
            JsonNode b = set.path("brand");
            BrandProfile brand = TestBrands.profile(b.path("name").asText(), f.texts(b.path("aliases"), at + ".brand.aliases", false),
                    f.texts(b.path("domains"), at + ".brand.domains", true), List.of(TestBrands.account(1, "ExampleExchange", "Example Exchange")), List.of());
            var detector = new PhishingLinkDetector(new LookalikeDomainJudge(brand, rules, identity.skeleton()),
                    new NameJudge(identity, ProtectedNames.from(brand, identity.skeleton())), identity, rules);
            for (String s : f.texts(set.path("lookalike"), at + ".lookalike", true)) {
                if (detector.inspect(post(s)).isEmpty()) wrong.add(brand.brand().name() + " missed: " + s);
            }
            for (String s : f.texts(set.path("clean"), at + ".clean", true)) {
                var found = detector.inspect(post(s));
                if (!found.isEmpty()) wrong.add(brand.brand().name() + " flagged: " + s + " " + found.get(0).reason());
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    /** A bare domain or URL is posted on its own in a sentence without bait; an example with a space as written. */
    static Post post(String example) {
        return Post.ofText("x", example.contains(" ") ? example : "see " + example + " now");
    }
}

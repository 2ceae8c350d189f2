package io.tidewatch.detect.links;

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

/** The lookalike and clean examples written in rules/links.yaml hold. */
class LinkRulesExamplesTest {
    @Test
    void every_example_in_links_yaml_is_judged_as_labelled() {
        Path file = Path.of("rules/links.yaml");
        RuleFile f = RuleFile.read(file);
        IdentityRules identity = IdentityRules.load(Path.of("rules/identity.yaml"));
        BrandProfile brand = TestBrands.profile(f.text("examples.brand.name"), f.texts("examples.brand.aliases", false),
                f.texts("examples.brand.domains", true), List.of(TestBrands.account(1, "ExampleExchange", "Example Exchange")), List.of());
        LinkRules rules = LinkRules.load(file);
        var detector = new PhishingLinkDetector(new LookalikeDomainJudge(brand, rules, identity.skeleton()),
                new NameJudge(identity, ProtectedNames.from(brand, identity.skeleton())), identity, rules);
        List<String> wrong = new ArrayList<>();
        for (String s : f.texts("examples.lookalike", true)) {
            if (detector.inspect(Post.ofText("x", "see " + s + " now")).isEmpty()) wrong.add("missed: " + s);
        }
        for (String s : f.texts("examples.clean", true)) {
            var found = detector.inspect(Post.ofText("x", "see " + s + " now"));
            if (!found.isEmpty()) wrong.add("flagged: " + s + " " + found.get(0).reason());
        }
        assertEquals(List.of(), wrong);
    }
}

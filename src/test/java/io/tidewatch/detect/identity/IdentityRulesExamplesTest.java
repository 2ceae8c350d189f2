package io.tidewatch.detect.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.ConfigException;
import io.tidewatch.detect.TestBrands;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples and counterexamples written in rules/identity.yaml hold. */
class IdentityRulesExamplesTest {
    static final Path FILE = Path.of("rules/identity.yaml");

    @Test
    void every_example_in_identity_yaml_is_judged_as_labelled() {
        RuleFile file = RuleFile.read(FILE);
        IdentityRules rules = IdentityRules.load(FILE);
        JsonNode b = file.at("examples.brand");
        List<BrandProfile.Account> official = new ArrayList<>(), staff = new ArrayList<>();
        b.path("official").forEach(a -> official.add(TestBrands.account(a.path("id").asLong(), a.path("username").asText(), a.path("name").asText())));
        b.path("staff").forEach(a -> staff.add(TestBrands.account(a.path("id").asLong(), a.path("username").asText(), a.path("name").asText())));
        BrandProfile brand = TestBrands.profile(b.path("name").asText(), file.texts("examples.brand.aliases", false), List.of(), official, staff);
        NameJudge judge = new NameJudge(rules, ProtectedNames.from(brand, rules.skeleton()));

        List<String> wrong = new ArrayList<>();
        for (String name : file.texts("examples.suspicious", true)) {
            NameVerdict v = judge.judge(name, "name");
            if (!v.suspicious()) wrong.add("missed: " + name + " " + v.score());
        }
        for (String name : file.texts("examples.clean", true)) {
            NameVerdict v = judge.judge(name, "name");
            if (v.suspicious()) wrong.add("flagged: " + name + " " + v.score() + " ~ " + v.imitates().display());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void a_bad_threshold_is_refused_naming_file_and_field() throws Exception {
        Path tmp = Files.createTempFile("identity", ".yaml");
        Files.writeString(tmp, Files.readString(FILE).replace("suspicious: 0.72", "suspicious: high"));
        ConfigException e = assertThrows(ConfigException.class, () -> IdentityRules.load(tmp));
        assertTrue(e.getMessage().contains(tmp.toString()) && e.getMessage().contains("thresholds.suspicious"), e.getMessage());
        Files.delete(tmp);
    }
}

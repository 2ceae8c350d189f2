package io.tidewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.Platform;
import io.tidewatch.detect.identity.IdentityRules;
import io.tidewatch.detect.identity.ImpersonationDetector;
import io.tidewatch.detect.identity.NameJudge;
import io.tidewatch.detect.identity.NameVerdict;
import io.tidewatch.detect.identity.ProtectedNames;
import io.tidewatch.detect.identity.Transformation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code check-name NAME [--username U] [--id ID]}: does this account imitate the brand? Exit 0 no, 1 yes, 2 error. */
@Command(name = "check-name", mixinStandardHelpOptions = true,
        description = "Judges a display name and/or username against the brand's protected names.")
public final class CheckNameCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Display name to judge.")
    String name;

    @Option(names = "--username", paramLabel = "U", description = "Username to judge too.")
    String username;

    @Option(names = "--id", paramLabel = "ID", description = "Numeric account id: official and staff ids are trusted.")
    String id;

    @Option(names = "--platform", paramLabel = "P", defaultValue = "local",
            description = "telegram or twitter (default: any), for the trusted-id check.")
    String platform;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json.")
    String format;

    @Mixin
    RulesOptions options = new RulesOptions();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((name == null || name.isBlank()) && (username == null || username.isBlank())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a NAME, a --username, or both");
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text or json");
        }
        Platform p;
        try {
            p = Platform.fromWire(platform);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--platform must be telegram or twitter");
        }
        BrandProfile brand = options.brand();
        IdentityRules rules = IdentityRules.load(options.rulesDir().resolve("identity.yaml"));
        NameVerdict verdict;
        if (id != null && brand.isTrusted(p, id)) {
            verdict = NameVerdict.trusted(name != null ? name : username, name != null ? "name" : "username");
        } else {
            verdict = new NameJudge(rules, ProtectedNames.from(brand, rules.skeleton())).judgeAccount(username, name);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) out.println(json(verdict, rules));
        else text(out, verdict, rules);
        out.flush();
        return verdict.suspicious() ? 1 : 0;
    }

    private static void text(PrintWriter out, NameVerdict v, IdentityRules rules) {
        if (v.trusted()) {
            out.println("verdict: trusted (official or staff account id)");
            return;
        }
        out.printf(Locale.ROOT, "verdict: %s (score %.2f, threshold %.2f%s)%n", v.suspicious() ? "suspicious" : "not suspicious",
                v.score(), rules.thresholds().suspicious(),
                v.suspicious() ? ", severity " + ImpersonationDetector.severity(v.score(), rules).wireName() : "");
        out.println(v.field() + ": " + v.name());
        if (v.imitates() == null) return;
        out.println("imitates: " + v.imitates().display() + " (" + v.imitates().source() + ")");
        out.println("match: " + v.match());
        out.println("transformations: " + (v.transformations().isEmpty() ? "none"
                : v.transformations().stream().map(Transformation::wireName).sorted().collect(Collectors.joining(", "))));
        out.println("bait words: " + (v.baitWords().isEmpty() ? "none" : String.join(", ", v.baitWords())));
    }

    private static String json(NameVerdict v, IdentityRules rules) {
        ObjectNode o = JSON.createObjectNode();
        o.put("suspicious", v.suspicious());
        o.put("trusted", v.trusted());
        o.put("score", v.score());
        o.put("threshold", rules.thresholds().suspicious());
        if (v.suspicious()) o.put("severity", ImpersonationDetector.severity(v.score(), rules).wireName());
        o.put("field", v.field());
        o.put("name", v.name());
        if (v.imitates() != null) {
            ObjectNode i = o.putObject("imitates");
            i.put("name", v.imitates().display());
            i.put("source", v.imitates().source());
            o.put("match", v.match());
        }
        var t = o.putArray("transformations");
        v.transformations().stream().map(Transformation::wireName).sorted().forEach(t::add);
        var b = o.putArray("bait_words");
        v.baitWords().forEach(b::add);
        return o.toString();
    }
}

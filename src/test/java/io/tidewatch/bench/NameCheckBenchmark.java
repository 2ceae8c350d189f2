package io.tidewatch.bench;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.detect.identity.IdentityRules;
import io.tidewatch.detect.identity.NameJudge;
import io.tidewatch.detect.identity.NameVerdict;
import io.tidewatch.detect.identity.ProtectedNames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of judging one account's display name against 200 protected names (brand, aliases, official
 * accounts, ~100 staff with name and username). Target: at most 20 µs per check.
 * Run: {@code bash .ci/jmh NameCheck -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NameCheckBenchmark {
    private static final String[] FIRST = {"Anna", "Leo", "Mia", "Noah", "Ivy", "Omar", "Lena", "Kai", "Sara", "Tom",
            "Yuki", "Wei", "Ravi", "Nina", "Paul", "Eva", "Jon", "Lily", "Max", "Zoe"};
    private static final String[] NAMES = {"Alice", "crypto_tom", "ЕхЕх Suppοrt", "Tom loves ExEx", "Ex\u200bEx Admin",
            "Bob | Trader", "Anna | Ехаmple Exchange", "moon_boy_99", "示例交易所客服", "Example Exchange Support Team ✅",
            "Karen Smith", "李明", "exex_m0d_leo_7", "Okafor Daniel", "𝐄𝐱𝐄𝐱 𝐒𝐮𝐩𝐩𝐨𝐫𝐭", "Satoshi"};

    private NameJudge judge;
    private int next;

    @Setup
    public void setUp() {
        IdentityRules rules = IdentityRules.load(Path.of("rules/identity.yaml"));
        List<BrandProfile.Account> staff = new ArrayList<>();
        for (int i = 0; staff.size() < 98; i++) {
            String first = FIRST[i % FIRST.length];
            staff.add(new BrandProfile.Account(Long.toString(6_000_000_000L + i),
                    "exex_" + first.toLowerCase() + "_" + (char) ('a' + i / FIRST.length) + "x", first + " " + (char) ('A' + i / FIRST.length) + ". | Example Exchange"));
        }
        BrandProfile brand = new BrandProfile(
                new BrandProfile.Brand("Example Exchange", List.of("ExEx", "示例交易所"), List.of("example.com")),
                new BrandProfile.Accounts(List.of(new BrandProfile.Account("5000000001", "ExampleExchange", "Example Exchange")),
                        List.of(new BrandProfile.Account("900000001", "ExampleEx", "Example Exchange"))),
                new BrandProfile.Accounts(staff, List.of()), null, null);
        judge = new NameJudge(rules, ProtectedNames.from(brand, rules.skeleton()));
        int size = judge.protectedNames().all().size();
        if (size < 195 || size > 205) throw new IllegalStateException("expected about 200 protected names, got " + size);
    }

    @Benchmark
    public NameVerdict checkOneName() {
        String name = NAMES[next++ & (NAMES.length - 1)];
        return judge.judge(name, "name");
    }
}

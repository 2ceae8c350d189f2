package io.tidewatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Seeds secrets into every input format and searches every output (stdout, stderr, logs) for them. */
class SecretsNeverEchoedTest {
    static final List<String> SECRETS = List.of(
            "Tide#2024x", "abc778899", "Jc19880808",
            "fancy muffin offer equal scorpion harsh caught arm never jar cake hire",
            "4b7f2e9a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", "5516CDF2F8B8657666BEF215B9282BFE", "Moon2024!",
            "3a33847e5bbb07fd07ca47784231b19af45872ceefb9fc59f4f95d14381a3a78",
            "L1eCzhzDqUuuxy7XfjeeBcFCPy1KeJBTuCaEUcfAKkgSKSPTaV8c",
            "ghp_mPsSCdLKRcAQX9VjUPC94TNWLAVYFeRgpMPg", "EADSNF7HO7HKOJM4", "482913",
            "440306199003076519", "4532015112830366");

    @TempDir Path dir;

    @Test
    void no_secret_appears_in_any_output_of_any_format() throws Exception {
        String[] texts = {
            "my password is Tide#2024x", "我的登录密码是abc778899，帮我看看", "jack.chen@163.com:Jc19880808",
            "seed: fancy muffin offer equal scorpion harsh caught arm never jar cake hire",
            "api key: 4b7f2e9a-1c3d-4e5f-8a9b-0c1d2e3f4a5b\\nsecret: 5516CDF2F8B8657666BEF215B9282BFE\\npassphrase: Moon2024!",
            "私钥 0x3a33847e5bbb07fd07ca47784231b19af45872ceefb9fc59f4f95d14381a3a78",
            "L1eCzhzDqUuuxy7XfjeeBcFCPy1KeJBTuCaEUcfAKkgSKSPTaV8c",
            "token ghp_mPsSCdLKRcAQX9VjUPC94TNWLAVYFeRgpMPg", "2fa backup key EADSNF7HO7HKOJM4 and 验证码 482913",
            "身份证 440306199003076519", "card 4532015112830366 exp 12/27",
        };
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < texts.length; i++) jsonl.append("{\"id\":\"s").append(i).append("\",\"text\":\"").append(texts[i]).append("\"}\n");
        jsonl.append("{broken line with Tide#2024x in it\n");
        jsonl.append("Tide#2024x\n");
        jsonl.append("{\"id\": Tide#2024x}\n");
        Path in = dir.resolve("leaks.jsonl");
        Files.writeString(in, jsonl);
        for (String format : List.of("text", "jsonl", "sarif")) {
            CliRun r = CliRun.of("scan", "--format", format, in.toString());
            assertEquals(1, r.exit(), r.err());
            assertNoSecret(format, r.out() + r.err());
        }
        CliRun stdin = CliRun.withStdin(jsonl.toString(), "scan", "--format", "jsonl", "-");
        assertNoSecret("stdin", stdin.out() + stdin.err());
    }

    private static void assertNoSecret(String where, String output) {
        for (String s : SECRETS) {
            assertFalse(output.contains(s), where + " output contains a secret");
            assertFalse(output.contains(s.toLowerCase()) && s.length() > 8, where + " output contains a secret (lower case)");
        }
    }
}

package io.tidewatch.detect.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidewatch.core.Finding;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recall and false-positive rate on a labeled chat set (secrets/labeled-chat.jsonl: zh and en,
 * about a third leaks, the rest ordinary chat and tricky non-secrets such as tx hashes,
 * addresses, order ids, prices and everyday 12-word sentences). Prints the figures.
 */
class LabeledChatTest {
    record Labeled(boolean secret, String text) {}

    static List<Labeled> load() throws Exception {
        List<Labeled> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (var in = LabeledChatTest.class.getResourceAsStream("/secrets/labeled-chat.jsonl");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                out.add(new Labeled(n.get("label").asText().equals("secret"), n.get("text").asText()));
            }
        }
        return out;
    }

    @Test
    void recall_and_false_positive_rate_on_the_labeled_set() throws Exception {
        for (var scanner : List.of(Scanners.own(), Scanners.withGitleaks())) {
            List<Labeled> set = load();
            int tp = 0, fn = 0, fp = 0, tn = 0;
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                Labeled l = set.get(i);
                List<Finding> f = scanner.scan(l.text());
                if (l.secret()) {
                    if (f.isEmpty()) { fn++; problems.add("missed #" + (i + 1)); } else tp++;
                } else {
                    if (f.isEmpty()) tn++; else { fp++; problems.add("false positive #" + (i + 1) + " " + f.get(0).rule() + ": " + l.text()); }
                }
            }
            double recall = tp / (double) (tp + fn);
            double fpr = fp / (double) (fp + tn);
            System.out.printf("labeled chat (%d rules): %d messages, %d leaks; recall %.3f, false-positive rate %.3f%n",
                    scanner.rules().size(), set.size(), tp + fn, recall, fpr);
            problems.forEach(p -> System.out.println("  " + p));
            assertTrue(set.size() >= 150 && tp + fn >= 45, "the set keeps its size");
            assertTrue(recall >= 0.9, "recall " + recall);
            assertTrue(fpr <= 0.02, "false-positive rate " + fpr);
        }
    }
}

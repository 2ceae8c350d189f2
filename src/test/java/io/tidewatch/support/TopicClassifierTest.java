package io.tidewatch.support;

import io.tidewatch.core.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The naive Bayes topic classifier, and the training file it learns from. */
class TopicClassifierTest {
    private static TopicClassifier.Sample sample(String topic, String... words) {
        return new TopicClassifier.Sample(topic, Set.of(words));
    }

    @Test
    void a_question_goes_to_the_topic_whose_texts_share_its_words() {
        TopicClassifier c = new TopicClassifier(List.of(
                sample("deposit", "deposit", "arrive", "balance"), sample("deposit", "deposit", "network", "memo"),
                sample("withdrawal", "withdraw", "pending", "arrive"), sample("withdrawal", "withdraw", "fee")), 100);
        assertEquals("deposit", c.best(List.of("deposit", "arrive")));
        assertEquals("withdrawal", c.best(List.of("withdraw", "arrive", "unknown-word")));
    }

    @Test
    void a_question_with_no_known_word_gets_no_topic() {
        TopicClassifier c = new TopicClassifier(List.of(sample("kyc", "kyc", "passport")), 100);
        assertNull(c.best(List.of("qwertyuiop")));
        assertNull(c.best(List.of()));
    }

    @Test
    void words_that_always_come_together_count_once_not_once_each() {
        // "withdraw" reaches the classifier three times (stem, word, bigrams); one "arrive" names the deposit.
        // Naive Bayes added the three up and read the question as a withdrawal.
        TopicClassifier c = new TopicClassifier(List.of(
                sample("deposit", "arrive", "credited"), sample("deposit", "arrive", "balance"),
                sample("deposit", "arrive", "wrong", "network"),
                sample("withdrawal", "w1", "w2", "w3", "pending"), sample("withdrawal", "w1", "w2", "w3", "fee"),
                sample("deposit", "w1", "w2", "w3", "arrive")), 100);
        assertEquals("deposit", c.best(List.of("w1", "w2", "w3", "arrive")));
        assertEquals("withdrawal", c.best(List.of("w1", "w2", "w3", "pending")));
    }

    @Test
    void a_bad_regularization_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new TopicClassifier(List.of(sample("kyc", "kyc")), 0));
    }

    @Test
    void the_shipped_training_file_labels_only_known_topics_and_a_bad_line_names_file_and_line(@TempDir Path dir) throws Exception {
        SupportRules rules = Fixtures.responder().rules();
        assertTrue(rules.training().size() >= 800, "the shipped training file: " + rules.training().size());
        Path bad = dir.resolve("training.tsv");
        Files.writeString(bad, "# comment\nmy deposit is missing\tdeposit\nwhere is my money\tmoney\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SupportRulesLoader.training(bad, rules.topics()));
        assertTrue(e.getMessage().contains("training.tsv:3") && e.getMessage().contains("unknown topic 'money'"), e.getMessage());
        Files.writeString(bad, "no tab here\n");
        e = assertThrows(ConfigException.class, () -> SupportRulesLoader.training(bad, rules.topics()));
        assertTrue(e.getMessage().contains("training.tsv:1") && e.getMessage().contains("question<TAB>topic"), e.getMessage());
    }
}

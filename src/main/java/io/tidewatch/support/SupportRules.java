package io.tidewatch.support;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Everything {@code rules/support/} says, validated: settings, topics and one pack of texts per language. */
record SupportRules(Settings settings, List<TopicDefinition> topics, Map<String, LanguagePack> languages,
                    List<TopicMatcher.Labeled> training) {

    record Settings(String defaultLanguage, String fallbackTopic, Duration throttle, TopicMatcher.Tuning tuning,
                    int twitterMentionLimit, int twitterDmLimit, int telegramLimit, int searchWordsMaxChars,
                    List<SecretKindRule> secretKinds) {}

    /** Which revocation steps a SECRET finding gets, by its rule id. */
    record SecretKindRule(String kind, Pattern rule) {}

    /** A topic's language-neutral part: recommended channels in order and an optional article path. */
    record TopicDefinition(String id, List<Channel> channels, String articlePath) {}

    /** A topic's texts in one language, and the phrases and examples the matcher and tests use. */
    record TopicTexts(Template title, Template subject, Template intro, Template prepare, String searchQuery,
                      List<String> phrases, List<String> examples) {}

    /** One kind of secret in one language: how to name it and what to do now. */
    record SecretTexts(Template name, Template steps) {}

    /** All texts of one language. {@code text}, {@code menu} and {@code callbacks} are keyed by dotted field path. */
    record LanguagePack(String code, Locale locale, LanguageDetector.Profile profile, List<String> analyzers, List<String> stopwords,
                        Map<String, String> abbreviations,
                        DateTimeFormatter dateFormat, String listSeparator, List<String> helpCues,
                        List<String> helpExamples, List<String> notHelpExamples,
                        Map<String, Template> text, Map<String, Template> menu, Map<String, Template> callbacks,
                        Map<String, Template> secretWarning, Map<String, SecretTexts> secretKinds,
                        Map<String, TopicTexts> topics) {

        Template text(String key) { return required(text, "text." + key, key); }

        Template menu(String key) { return required(menu, "menu." + key, key); }

        Template callback(String key) { return required(callbacks, "callbacks." + key, key); }

        Template secretWarning(String key) { return required(secretWarning, "secret_warning." + key, key); }

        private Template required(Map<String, Template> map, String field, String key) {
            Template t = map.get(key);
            if (t == null) throw new IllegalStateException("messages." + code + ".yaml lacks " + field);
            return t;
        }
    }

    TopicDefinition topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + id));
    }
}

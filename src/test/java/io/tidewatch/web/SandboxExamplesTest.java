package io.tidewatch.web;

import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The sandbox's example buttons (rules/sandbox-examples.yaml) show what each promises, on the real pipeline. */
class SandboxExamplesTest {
    @Test
    void each_example_shows_what_it_is_an_example_of() {
        WebTexts texts = WebTexts.load(WebHarness.RULES);
        SandboxExamples examples = SandboxExamples.load(WebHarness.RULES, texts);
        assertEquals(4, examples.examples().size());
        try (WebHarness web = WebHarness.start()) {
        SandboxEngine engine = web.services.sandbox();
        for (SandboxExamples.Example e : examples.examples()) {
            SandboxRequest request = new SandboxRequest(Platform.fromWire(e.platform()),
                    SandboxRequest.Chat.valueOf(e.chat().toUpperCase(java.util.Locale.ROOT)), e.user(), e.text());
            SandboxReply reply = engine.handle(request);
            String category = e.expect().get("category");
            if (category != null) {
                assertTrue(reply.findings().stream().anyMatch(f -> f.category().wireName().equals(category)),
                        e.label() + " should show a " + category + " finding: " + reply.findings());
            }
            String topic = e.expect().get("topic");
            if (topic != null) {
                assertFalse(reply.replies().isEmpty(), e.label());
                assertTrue(reply.findings().isEmpty(), e.label());
            }
        }
        }
    }

    @Test
    void a_bad_example_file_names_the_entry_and_field(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("web"));
        for (String lang : new String[]{"en", "zh"}) {
            Files.copy(WebHarness.RULES.resolve("web/" + lang + ".yaml"), dir.resolve("web/" + lang + ".yaml"));
        }
        Files.writeString(dir.resolve(SandboxExamples.FILE), """
                examples:
                  - {label: example.seed, platform: myspace, chat: group, user: {id: "1"}, text: "hi"}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> SandboxExamples.load(dir, WebTexts.load(dir)));
        assertTrue(e.getMessage().contains("examples[0].platform"), e.getMessage());
    }
}

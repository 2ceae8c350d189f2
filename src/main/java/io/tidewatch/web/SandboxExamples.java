package io.tidewatch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.YamlFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The sandbox's example buttons, from {@code rules/sandbox-examples.yaml}. */
record SandboxExamples(List<Example> examples) {
    /**
     * One button: {@code label} is a text key in rules/web; the rest fills the form.
     *
     * @param expect what the sandbox must show for it ({@code category} or {@code topic}), checked by tests
     */
    record Example(String label, String platform, String chat, SandboxRequest.User user, String text,
                   Map<String, String> expect) {}

    static final String FILE = "sandbox-examples.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    SandboxExamples {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    static SandboxExamples load(Path rulesDir, WebTexts texts) {
        Path file = rulesDir.resolve(FILE);
        SandboxExamples loaded = YamlFiles.value(YAML, file, SandboxExamples.class);
        for (int i = 0; i < loaded.examples().size(); i++) {
            Example e = loaded.examples().get(i);
            String where = file + ": examples[" + i + "]";
            if (e.label() == null || !texts.has(e.label())) {
                throw new ConfigException(where + ".label: '" + e.label() + "' is not a text in rules/web/en.yaml; add it there");
            }
            if (!"telegram".equals(e.platform()) && !"twitter".equals(e.platform())) {
                throw new ConfigException(where + ".platform: write telegram or twitter");
            }
            if (!"group".equals(e.chat()) && !"private".equals(e.chat())) {
                throw new ConfigException(where + ".chat: write group or private");
            }
            if (e.text() == null || e.text().isBlank()) throw new ConfigException(where + ".text: the message is missing");
        }
        return loaded;
    }
}

package io.tidewatch.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidewatch.core.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads posts from a file or standard input ({@code -}), recognizing the format by content:
 * Post JSONL, a Telegram Desktop export or a Twitter archive. Entries that cannot be read are
 * handed to the problem sink with their line and skipped; an unreadable input is a
 * {@link ConfigException}.
 */
public final class PostReader {
    static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream stdin;

    public PostReader(InputStream stdin) { this.stdin = stdin; }

    public List<InputPost> read(String input, Consumer<InputProblem> problems) {
        String name = input.equals("-") ? "<stdin>" : input;
        String content;
        try {
            content = input.equals("-")
                    ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(input), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage());
        }
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') content = content.substring(1);
        return switch (detect(content)) {
            case TWITTER_ARCHIVE -> TwitterArchive.read(name, content, problems);
            case TELEGRAM_EXPORT -> TelegramExport.read(name, content, problems);
            case POST_JSONL -> PostJsonl.read(name, content, problems);
        };
    }

    /** Decides the format from the content; an empty input reads as (empty) JSONL. */
    public static InputFormat detect(String content) {
        String head = content.stripLeading();
        if (head.startsWith("window.")) return InputFormat.TWITTER_ARCHIVE;
        if (head.startsWith("{")) {
            String firstLine = head.lines().findFirst().orElse("");
            try {
                JsonNode n = JSON.readTree(firstLine);
                if (n != null && n.has("messages") && n.get("messages").isArray()) return InputFormat.TELEGRAM_EXPORT;
                return InputFormat.POST_JSONL;
            } catch (JsonProcessingException e) {
                // a pretty-printed document: Telegram exports are, post JSONL never is
                return head.contains("\"messages\"") ? InputFormat.TELEGRAM_EXPORT : InputFormat.POST_JSONL;
            }
        }
        return InputFormat.POST_JSONL;
    }
}

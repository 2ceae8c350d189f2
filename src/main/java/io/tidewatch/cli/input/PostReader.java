package io.tidewatch.cli.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidewatch.core.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a file or standard input ({@code -}) as a stream of entries, recognizing the format by its
 * first bytes: Post JSONL, a Telegram Desktop export or a Twitter archive. Nothing is read whole:
 * entries are cut one at a time. An input that cannot be opened is a {@link ConfigException}.
 */
public final class PostReader {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A longer JSONL line is reported and skipped, read through without being held, so memory stays bounded. */
    public static final int MAX_LINE = 4 << 20;
    /** How far ahead the format is looked for: a Telegram export names its {@code messages} within its first lines. */
    private static final int HEAD = 1 << 16;

    private final InputStream stdin;

    public PostReader(InputStream stdin) { this.stdin = stdin; }

    /** The input's entries; the caller closes the source. */
    public EntrySource open(String input) {
        String name = input.equals("-") ? "<stdin>" : input;
        if (input.equals("-")) return open(name, CountedInput.ofStdin(stdin));
        Path path = Path.of(input);
        try {
            return open(name, CountedInput.of(Files.newInputStream(path), Files.size(path)));
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Entries of an already open stream of {@code size} bytes (-1 if unknown), named {@code name} in problems. */
    public static EntrySource open(String name, InputStream in, long size) {
        return open(name, CountedInput.of(in, size));
    }

    private static EntrySource open(String name, CountedInput in) {
        try {
            skipBom(in);
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            return switch (detect(head)) {
                case TWITTER_ARCHIVE -> new TwitterArchive(name, in);
                case TELEGRAM_EXPORT -> new TelegramExport(name, in);
                case POST_JSONL -> new PostJsonl(name, in);
            };
        } catch (IOException e) {
            in.close();
            throw new ConfigException(name + ": cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void skipBom(CountedInput in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) in.reset();
    }

    /** Decides the format from the start of the content; an empty input reads as (empty) JSONL. */
    public static InputFormat detect(String content) {
        return detect(content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decides the format from the first bytes of the content: {@code window.} starts a Twitter
     * archive; a first object with a top-level {@code messages} array is a Telegram export; so is a
     * first object that spans lines (post JSONL never does) and does not end within the head, or is
     * broken but names {@code messages}; anything else is post JSONL.
     */
    static InputFormat detect(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("window.")) return InputFormat.TWITTER_ARCHIVE;
        if (!start.startsWith("{")) return InputFormat.POST_JSONL;
        try (JsonParser p = JSON.getFactory().createParser(head)) {
            p.nextToken();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                boolean messages = p.currentName().equals("messages");
                if (p.nextToken() == JsonToken.START_ARRAY && messages) return InputFormat.TELEGRAM_EXPORT;
                p.skipChildren();
            }
            return InputFormat.POST_JSONL;
        } catch (JsonEOFException e) {
            // cut off by the end of the head (or of a short input): an object over several lines is an export, a JSONL line never is
            return firstObjectSpansLines(head) ? InputFormat.TELEGRAM_EXPORT : InputFormat.POST_JSONL;
        } catch (IOException e) {
            // broken: an export if it looks like one, else JSONL, whose reader reports bad lines one by one
            return firstObjectSpansLines(head) && new String(head, StandardCharsets.UTF_8).contains("\"messages\"")
                    ? InputFormat.TELEGRAM_EXPORT : InputFormat.POST_JSONL;
        }
    }

    private static boolean firstObjectSpansLines(byte[] head) {
        int brace = 0;
        while (brace < head.length && head[brace] != '{') brace++;
        for (int i = brace; i < head.length; i++) if (head[i] == '\n') return true;
        return false;
    }
}

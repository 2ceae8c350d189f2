package io.tidewatch.cli.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tidewatch.core.Author;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Post JSONL (DESIGN.md): one object per line; blank lines are ignored, bad lines reported with
 * their line number and skipped. The reading thread only cuts lines (as bytes: '\n' never occurs
 * inside a UTF-8 sequence); each line is decoded and parsed with Jackson's streaming parser by
 * whoever calls {@link RawEntry#parse}.
 */
final class PostJsonl implements EntrySource {
    private static final int MAX_LINE = PostReader.MAX_LINE;

    private final String name;
    private final CountedInput in;
    private final byte[] buf = new byte[1 << 16];
    private int pos, limit;
    private byte[] line = new byte[256];
    private int lineNo;

    PostJsonl(String name, CountedInput in) {
        this.name = name;
        this.in = in;
    }

    @Override
    public RawEntry next() {
        while (true) {
            int len = readLine();
            if (len < 0) return null;
            int n = ++lineNo;
            if (len > MAX_LINE) return () -> new InputProblem(name, n, "line longer than " + (MAX_LINE >> 20) + " MB");
            if (isBlank(line, len)) continue;
            byte[] bytes = Arrays.copyOf(line, len);
            return () -> parseLine(name, n, bytes);
        }
    }

    /** Reads up to the next '\n' into {@link #line} (without it and a '\r' before it); the line's length, or -1 at the end. */
    private int readLine() {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (!fill()) return any ? stripCr(len) : -1;
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') pos++;
            int n = pos - start;
            if (len + n <= MAX_LINE) {
                if (len + n > line.length) line = Arrays.copyOf(line, Math.max(len + n, Math.min(MAX_LINE, line.length * 2)));
                System.arraycopy(buf, start, line, len, n);
            }
            len = (int) Math.min((long) len + n, MAX_LINE + 1L);
            if (pos < limit) {
                pos++; // the '\n'
                return stripCr(len);
            }
        }
    }

    private int stripCr(int len) {
        return len > 0 && len <= MAX_LINE && line[len - 1] == '\r' ? len - 1 : len;
    }

    private boolean fill() {
        try {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) return false;
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new ConfigException(name + ":" + (lineNo + 1) + ": cannot read: " + e.getMessage());
        }
    }

    /** Only ASCII whitespace ({@link Character#isWhitespace}); a line of other spaces is left to {@link String#isBlank}. */
    private static boolean isBlank(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            int c = b[i];
            if (!(c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F))) return false;
        }
        return true;
    }

    @Override
    public long position() { return in.count(); }

    @Override
    public long size() { return in.size(); }

    @Override
    public void close() { in.close(); }

    /** Parses one line's UTF-8 bytes (no decoding to a String first: Jackson reads UTF-8 itself). */
    static InputEntry parseLine(String name, int lineNo, byte[] line) {
        try (JsonParser p = PostReader.JSON.createParser(line)) {
            return new InputPost(parse(p), name, lineNo);
        } catch (JsonProcessingException e) {
            return parseLine(name, lineNo, new String(line, StandardCharsets.UTF_8)); // again as text, for a column in characters
        } catch (IOException e) {
            return new InputProblem(name, lineNo, "not valid JSON");
        } catch (IllegalArgumentException e) {
            return new InputProblem(name, lineNo, e.getMessage());
        }
    }

    static InputEntry parseLine(String name, int lineNo, String line) {
        if (line.isBlank()) return null; // only Unicode spaces: blank, as a line of ASCII spaces is
        try (JsonParser p = PostReader.JSON.createParser(line)) {
            return new InputPost(parse(p), name, lineNo);
        } catch (JsonProcessingException e) {
            // the parser's message may quote the line, and the line may hold a secret: position only
            return new InputProblem(name, lineNo, "not valid JSON (column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            return new InputProblem(name, lineNo, "not valid JSON");
        } catch (IllegalArgumentException e) {
            return new InputProblem(name, lineNo, e.getMessage());
        }
    }

    /**
     * One post object, read token by token; throws IllegalArgumentException naming the bad field.
     * Values are read as Jackson's {@code asText} reads them (a number id is its digits), unknown
     * fields are skipped, and a later duplicate field wins, as with a tree.
     */
    static Post parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
        String id = null, text = null, platform = null, kind = null, chat = "", time = null, language = null;
        boolean textIsString = true;
        Author author = Author.anonymous();
        String authorProblem = null;
        List<String> links = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "id" -> id = v == JsonToken.VALUE_NULL || v.isStructStart() ? skipToNull(p) : p.getText();
                case "text" -> {
                    textIsString = v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL;
                    text = v == JsonToken.VALUE_STRING ? p.getText() : skipToNull(p);
                }
                case "platform" -> platform = nonNullText(p, v);
                case "kind" -> kind = nonNullText(p, v);
                case "chat" -> chat = v == JsonToken.VALUE_NULL ? "" : asText(p, v);
                case "time" -> time = nonNullText(p, v);
                case "language" -> language = nonNullText(p, v);
                case "author" -> {
                    authorProblem = null;
                    author = Author.anonymous();
                    if (v == JsonToken.START_OBJECT) author = author(p);
                    else if (v != JsonToken.VALUE_NULL) {
                        authorProblem = "field 'author' must be an object";
                        p.skipChildren();
                    }
                }
                case "links" -> {
                    links.clear();
                    if (v != JsonToken.START_ARRAY) p.skipChildren();
                    else for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                        if (e != JsonToken.VALUE_NULL) links.add(asText(p, e));
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("field 'id' is required");
        if (!textIsString) throw new IllegalArgumentException("field 'text' must be a string");
        Platform plat = enumField("platform", platform, Platform.LOCAL, Platform::fromWire);
        PostKind k = enumField("kind", kind, PostKind.GROUP, PostKind::fromWire);
        Instant when = time == null ? null : instant(time);
        if (authorProblem != null) throw new IllegalArgumentException(authorProblem);
        return new Post(id, plat, k, chat, when, author, text == null ? "" : text, links, language);
    }

    /**
     * {@link Instant#parse}, which costs as much as the rest of the line: the form nearly every export
     * writes, {@code 2026-11-25T10:00:00Z}, is read field by field (the ranges checked by {@link
     * LocalDateTime#of}); every other form goes to {@code Instant.parse}.
     */
    static Instant instant(String s) {
        if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
            int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
            if ((year | month | day | hour | minute | second) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // out of range (or a leap second): Instant.parse decides
                }
            }
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'time' is not an ISO-8601 instant: " + s);
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 if any character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static Author author(JsonParser p) throws IOException {
        String id = "", username = null, name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "id" -> id = v == JsonToken.VALUE_NULL ? "" : asText(p, v);
                case "username" -> username = nonNullText(p, v);
                case "name" -> name = nonNullText(p, v);
                default -> p.skipChildren();
            }
        }
        return new Author(id, username, name);
    }

    private static <E> E enumField(String field, String value, E fallback, Function<String, E> parse) {
        if (value == null) return fallback;
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "' has unknown value '" + value + "'");
        }
    }

    /** A scalar's text; an object or array reads as "" (and is skipped), as {@code JsonNode.asText} has it. */
    private static String asText(JsonParser p, JsonToken v) throws IOException {
        if (v.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    private static String nonNullText(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_NULL ? null : asText(p, v);
    }

    private static String skipToNull(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}

package io.tidewatch.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.tidewatch.core.Author;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.stream.Stream;

/**
 * Writes generated posts in the inputs {@code scan} reads: post JSONL (DESIGN.md) and a Telegram
 * Desktop export ({@code result.json}, pretty-printed as Telegram writes it, links as entity arrays).
 * Streams: a file of any size is written holding one post at a time.
 */
public final class CorpusFiles {
    private static final JsonFactory JSON = new JsonFactory();
    /** Where a link starts and ends in a generated text, to write it as an entity. */
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private CorpusFiles() {}

    public static long writeJsonl(Stream<Post> posts, OutputStream out) {
        long n = 0;
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (Iterator<Post> it = posts.iterator(); it.hasNext(); n++) {
                Post p = it.next();
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("platform", p.platform().wireName());
                g.writeStringField("kind", p.kind().wireName());
                g.writeStringField("chat", p.chat());
                if (p.time() != null) g.writeStringField("time", p.time().toString());
                g.writeObjectFieldStart("author");
                g.writeStringField("id", p.author().id());
                if (p.author().username() != null) g.writeStringField("username", p.author().username());
                if (p.author().name() != null) g.writeStringField("name", p.author().name());
                g.writeEndObject();
                g.writeStringField("text", p.text());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /** A Telegram Desktop export of one supergroup; joins become service messages, links text entities. */
    public static long writeTelegramExport(Stream<Post> posts, OutputStream out) {
        long n = 0;
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter(" ", "\n")));
            g.writeStartObject();
            g.writeStringField("name", "Example Exchange Community");
            g.writeStringField("type", "public_supergroup");
            g.writeNumberField("id", 1000000002L);
            g.writeArrayFieldStart("messages");
            for (Iterator<Post> it = posts.iterator(); it.hasNext(); n++) message(g, it.next(), n + 1);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static void message(JsonGenerator g, Post p, long id) throws IOException {
        Author a = p.author();
        long epoch = p.time().getEpochSecond();
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("type", p.kind() == PostKind.JOIN ? "service" : "message");
        g.writeStringField("date", LocalDateTime.ofEpochSecond(epoch, 0, ZoneOffset.UTC).toString());
        g.writeStringField("date_unixtime", Long.toString(epoch));
        if (p.kind() == PostKind.JOIN) {
            g.writeStringField("actor", a.name());
            g.writeStringField("actor_id", "user" + a.id());
            g.writeStringField("action", "join_group_by_link");
            g.writeStringField("inviter", "Group");
            g.writeStringField("text", "");
            g.writeArrayFieldStart("text_entities");
            g.writeEndArray();
            g.writeEndObject();
            return;
        }
        g.writeStringField("from", a.name());
        g.writeStringField("from_id", "user" + a.id());
        Matcher m = LINK.matcher(p.text());
        if (!m.find()) {
            g.writeStringField("text", p.text());
            g.writeArrayFieldStart("text_entities");
            entity(g, "plain", p.text());
            g.writeEndArray();
        } else {
            String before = p.text().substring(0, m.start()), link = m.group(), after = p.text().substring(m.end());
            g.writeArrayFieldStart("text");
            if (!before.isEmpty()) g.writeString(before);
            entity(g, "link", link);
            if (!after.isEmpty()) g.writeString(after);
            g.writeEndArray();
            g.writeArrayFieldStart("text_entities");
            if (!before.isEmpty()) entity(g, "plain", before);
            entity(g, "link", link);
            if (!after.isEmpty()) entity(g, "plain", after);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void entity(JsonGenerator g, String type, String text) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeStringField("text", text);
        g.writeEndObject();
    }
}

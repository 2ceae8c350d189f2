package io.tidewatch.cli.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.tidewatch.core.ConfigException;

import java.io.IOException;

/**
 * An export read with Jackson's streaming parser (a Telegram {@code result.json}, a Twitter
 * {@code tweets.js}): the counted input under it for progress, and errors that name the file and line.
 */
abstract class JsonEntrySource implements EntrySource {
    protected final String name;
    protected final CountedInput in;
    protected final JsonParser parser;
    /** Lines before the JSON starts (a script assignment), added to the parser's line numbers. */
    private final int prefixLines;
    /** What the input should be, for messages: "a Telegram export". */
    private final String kind;

    JsonEntrySource(String name, CountedInput in, int prefixLines, String kind) throws IOException {
        this.name = name;
        this.in = in;
        this.prefixLines = prefixLines;
        this.kind = kind;
        this.parser = PostReader.JSON.createParser(in);
    }

    protected final ConfigException failure(IOException e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            return new ConfigException(name + ":" + (j.getLocation().getLineNr() + prefixLines) + ": not a valid " + kind
                    + " (JSON syntax error at column " + j.getLocation().getColumnNr() + ")");
        }
        return new ConfigException(name + ": cannot read: " + e.getMessage());
    }

    @Override
    public long position() { return in.count(); }

    @Override
    public long size() { return in.size(); }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only input
        }
        in.close();
    }
}

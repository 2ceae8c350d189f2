package io.tidewatch.cli.input;

import java.io.Closeable;

/**
 * The entries of one input, read one at a time so that memory does not grow with the input. Not
 * thread-safe: one thread reads; the entries it returns may be parsed on any thread.
 */
public interface EntrySource extends Closeable {
    /**
     * The next entry, or null at the end of the input. Throws {@link io.tidewatch.core.ConfigException}
     * (file, line, reason) when the input as a whole cannot be read further.
     */
    RawEntry next();

    /** Bytes of the input consumed so far (read ahead a little), for progress. */
    long position();

    /** The input's size in bytes, or -1 when not known (standard input). */
    long size();

    @Override
    void close();
}

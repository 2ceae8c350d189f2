package io.tidewatch.cli.input;

import com.google.common.io.CountingInputStream;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input's bytes, buffered, knowing how many have been read so far and (for files) how many there are. */
final class CountedInput extends BufferedInputStream {
    private final CountingInputStream counting;
    private final long size;

    private CountedInput(CountingInputStream counting, long size) {
        super(counting, 1 << 16);
        this.counting = counting;
        this.size = size;
    }

    static CountedInput of(InputStream raw, long size) { return new CountedInput(new CountingInputStream(raw), size); }

    /** Standard input: read, but left open for whoever else reads it (another "-" reads it empty, as before). */
    static CountedInput ofStdin(InputStream stdin) {
        return of(new FilterInputStream(stdin) {
            @Override public void close() { /* not ours to close */ }
        }, -1);
    }

    /** Bytes read from the input (into the buffer: a little ahead of what the reader has consumed). */
    long count() { return counting.getCount(); }

    /** Size in bytes, -1 when unknown. */
    long size() { return size; }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException ignored) {
            // closing an input we only read cannot lose anything
        }
    }
}

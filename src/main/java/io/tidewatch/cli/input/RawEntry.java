package io.tidewatch.cli.input;

/**
 * An entry as cut from its input (a JSONL line, a Telegram message, a tweet), not yet turned into
 * a post: {@code scan}'s workers call {@link #parse} in parallel, so the reading thread only cuts.
 */
@FunctionalInterface
public interface RawEntry {
    /**
     * The post, the problem that keeps this entry from being one, or null when it holds nothing to
     * scan (a Telegram service message other than a join); never throws for bad content.
     */
    InputEntry parse();
}

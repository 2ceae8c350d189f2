package io.tidewatch.cli.input;

/** The inputs {@code scan} understands; {@link PostReader} tells them apart by their first bytes. */
public enum InputFormat {
    /** One Post JSON object per line (DESIGN.md "Post"). */
    POST_JSONL,
    /** Telegram Desktop chat export, {@code result.json}. */
    TELEGRAM_EXPORT,
    /** Twitter/X archive {@code tweets.js} ({@code window.YTD.tweets.part0 = [...]}). */
    TWITTER_ARCHIVE
}

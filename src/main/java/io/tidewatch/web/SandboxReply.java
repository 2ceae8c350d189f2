package io.tidewatch.web;

import io.tidewatch.core.Action;
import io.tidewatch.core.Finding;

import java.util.List;

/**
 * What the bot would do about one sandbox message.
 *
 * @param findings what the detectors found (redacted excerpts only)
 * @param actions  what the bot would do, in order, including the texts of replies, DMs and alerts
 * @param replies  the texts the bot would send to the member (warnings, DM and support answers)
 * @param format   how {@code replies} and action texts are written: Telegram HTML or plain text (Twitter)
 */
public record SandboxReply(List<Finding> findings, List<Action> actions, List<String> replies, Format format) {
    public enum Format { TELEGRAM_HTML, PLAIN_TEXT }

    public SandboxReply {
        findings = List.copyOf(findings);
        actions = List.copyOf(actions);
        replies = List.copyOf(replies);
    }
}

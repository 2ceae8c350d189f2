package io.tidewatch.telegram;

import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;

import java.time.Instant;
import java.util.List;

/**
 * Answers private messages to the bot. The support responder ({@code io.tidewatch.support}) is
 * adapted to this; a button's callback data comes back as the text of a new {@link Post}.
 */
public interface DirectMessageResponder {
    /**
     * @param secretFindings secrets found in the message (the answer then says how to revoke them)
     */
    Reply answer(Post post, List<Finding> secretFindings, Instant now);

    /** The welcome menu for /start and /help. */
    Reply menu(String language);

    /**
     * An answer: HTML text and inline buttons.
     *
     * @param topic the topic answered (counted per day for /stats, never the content), or null
     */
    record Reply(String topic, String text, List<Button> buttons) {
        public Reply {
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }
    }

    /** A button opening {@code url}, or sending {@code callbackData} back to the bot. */
    record Button(String label, String url, String callbackData) {
        public static Button link(String label, String url) { return new Button(label, url, null); }

        public static Button callback(String label, String data) { return new Button(label, null, data); }
    }
}

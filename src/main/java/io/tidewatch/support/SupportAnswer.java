package io.tidewatch.support;

import java.util.List;

/**
 * What the bot sends back to a support question.
 *
 * <p>{@code topic} is also the unit of the moderators' statistics: an adapter counts answers per
 * topic (and language) from this record alone, so no message content is ever stored for stats.
 *
 * @param topic    one of the topic ids in {@code rules/support/topics.yaml} ("deposit", …, "general")
 * @param language the answer's language ("zh", "en", …)
 * @param channels recommended channels in order, as wire names: live_chat, email, help_center
 * @param text     the message: Telegram HTML (parse_mode HTML) on Telegram, plain text elsewhere
 * @param buttons  inline buttons (Telegram only; empty elsewhere)
 * @param brief    true when this is the short form sent to a user who asked again within the throttle window
 */
public record SupportAnswer(String topic, String language, List<String> channels, String text, List<Button> buttons,
                            boolean brief) {
    public SupportAnswer {
        channels = List.copyOf(channels);
        buttons = List.copyOf(buttons);
    }
}

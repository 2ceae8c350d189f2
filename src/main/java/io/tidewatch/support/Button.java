package io.tidewatch.support;

/**
 * An inline button: opens {@code url}, or sends {@code callbackData} back to the bot (which answers
 * it with {@link SupportResponder#callback}). Exactly one of the two is non-null.
 */
public record Button(String label, String url, String callbackData) {
    public Button {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("a button needs a label");
        if ((url == null) == (callbackData == null)) {
            throw new IllegalArgumentException("a button has exactly one of url and callbackData");
        }
        if (callbackData != null && callbackData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("callback data is limited to 64 bytes: " + callbackData);
        }
    }

    public static Button link(String label, String url) { return new Button(label, url, null); }

    public static Button callback(String label, String data) { return new Button(label, null, data); }
}

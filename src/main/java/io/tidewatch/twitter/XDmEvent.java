package io.tidewatch.twitter;

import java.time.Instant;

/** One direct-message event ({@code MessageCreate} for a message; others for group joins and leaves). */
public record XDmEvent(String id, String eventType, String text, String senderId, String conversationId, Instant createdAt) {
    public boolean isMessage() { return "MessageCreate".equals(eventType); }
}

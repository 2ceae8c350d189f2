package io.tidewatch.announce;

import java.time.ZonedDateTime;
import java.util.List;

/** Where an announcement stands: its schedule, each delivery (target x language) and its problems. */
public record AnnouncementStatus(String id, String title, Schedule schedule, ZonedDateTime publishAt,
                                 ZonedDateTime expiresAt, List<Delivery> deliveries, List<String> problems) {
    public AnnouncementStatus {
        deliveries = List.copyOf(deliveries);
        problems = List.copyOf(problems);
    }

    public enum Schedule {
        /** No publish_at and no /announce publish yet. */
        DRAFT,
        SCHEDULED,
        /** Due now: the next scheduler tick publishes it. */
        DUE,
        PUBLISHING,
        PUBLISHED,
        CANCELLED,
        EXPIRED,
        /** publish_at passed long before anything was sent (e.g. the bot was down): needs /announce publish. */
        MISSED,
        /** Has problems: nothing is published or edited until they are fixed. */
        INVALID,
        /** Its file is gone; pinned parts are unpinned. */
        DELETED;

        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * One target x language: {@code sent} of {@code parts} parts sent; {@code state} is the least
     * advanced part's state ({@code pending}, {@code sending}, {@code sent}, {@code failed}, {@code unknown}).
     */
    public record Delivery(String target, String language, int sent, int parts, String state, List<String> messageIds) {
        public Delivery {
            messageIds = List.copyOf(messageIds);
        }
    }
}

package io.tidewatch.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Each chat's admins from getChatAdministrators (only used when chats.yaml accepts chat admins as
 * moderators). A list is trusted for two minutes, and dropped as soon as a {@code chat_member}
 * update says someone's rights changed; a failed lookup denies, and is itself remembered for half a
 * minute so a flood of refused commands does not become a flood of lookups.
 */
final class AdminCache {
    private static final Logger log = LoggerFactory.getLogger(AdminCache.class);
    static final Duration TTL = Duration.ofMinutes(2);
    static final Duration FAILURE_TTL = Duration.ofSeconds(30);

    /** {@code ids} is null when the lookup failed. */
    private record Entry(Set<String> ids, Instant until) {}

    private final OutgoingQueue queue;
    private final Clock clock;
    private final Map<String, Entry> byChat = new ConcurrentHashMap<>();

    AdminCache(OutgoingQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    boolean isAdmin(String chat, String userId) {
        Instant now = clock.instant();
        Entry e = byChat.get(chat);
        if (e == null || !e.until().isAfter(now)) {
            e = fetch(chat, now);
            byChat.put(chat, e);
        }
        return e.ids() != null && e.ids().contains(userId);
    }

    /** Someone's rights in {@code chat} changed: look them up again next time. */
    void invalidate(String chat) { byChat.remove(chat); }

    private Entry fetch(String chat, Instant now) {
        try {
            @SuppressWarnings("unchecked")
            List<ChatMember> members = (List<ChatMember>) (Object) queue.submit(OutgoingQueue.Priority.ANSWER, chat, false,
                    "getChatAdministrators " + chat, c -> c.execute(new GetChatAdministrators(chat))).get(10, TimeUnit.SECONDS);
            return new Entry(members.stream().map(m -> String.valueOf(m.getUser().getId())).collect(Collectors.toSet()), now.plus(TTL));
        } catch (Exception ex) {
            log.warn("telegram: cannot list admins of {} ({}); chat admins are refused for {} s", chat, ex.toString(),
                    FAILURE_TTL.toSeconds());
            return new Entry(null, now.plus(FAILURE_TTL));
        }
    }
}

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

/** Each chat's admins from getChatAdministrators, cached for ten minutes (only used when configured). */
final class AdminCache {
    private static final Logger log = LoggerFactory.getLogger(AdminCache.class);
    private static final Duration TTL = Duration.ofMinutes(10);

    private record Entry(Set<String> ids, Instant fetched) {}

    private final OutgoingQueue queue;
    private final Clock clock;
    private final Map<String, Entry> byChat = new ConcurrentHashMap<>();

    AdminCache(OutgoingQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    boolean isAdmin(String chat, String userId) {
        Entry e = byChat.get(chat);
        Instant now = clock.instant();
        if (e == null || e.fetched().plus(TTL).isBefore(now)) {
            try {
                @SuppressWarnings("unchecked")
                List<ChatMember> members = (List<ChatMember>) (Object) queue.submit(OutgoingQueue.Priority.ANSWER, chat, false,
                        "getChatAdministrators " + chat, c -> c.execute(new GetChatAdministrators(chat))).get(30, TimeUnit.SECONDS);
                e = new Entry(members.stream().map(m -> String.valueOf(m.getUser().getId())).collect(Collectors.toSet()), now);
                byChat.put(chat, e);
            } catch (Exception ex) {
                log.warn("telegram: cannot list admins of {}: {}", chat, ex.toString());
                if (e == null) return false;
            }
        }
        return e.ids().contains(userId);
    }
}

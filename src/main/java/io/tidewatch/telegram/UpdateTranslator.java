package io.tidewatch.telegram;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tidewatch.core.Author;
import io.tidewatch.core.Platform;
import io.tidewatch.core.Post;
import io.tidewatch.core.PostKind;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a Telegram update into the posts the core judges (several for a multi-member join). */
public final class UpdateTranslator {
    /** The user Telegram puts in {@code from} for messages sent on behalf of a channel. */
    public static final long CHANNEL_BOT = 136817688L;
    /** The user Telegram puts in {@code from} for anonymous group admins. */
    public static final long GROUP_ANONYMOUS_BOT = 1087968824L;

    /** Reads objects by their fields, never their getters (see {@link #textLinks}). */
    private static final ObjectMapper FIELDS = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    public List<TelegramPost> translate(Update u) {
        if (u.getMessage() != null) return fromMessage(u.getMessage(), false);
        if (u.getEditedMessage() != null) return fromMessage(u.getEditedMessage(), true);
        if (u.getChannelPost() != null) return fromMessage(u.getChannelPost(), false);
        if (u.getEditedChannelPost() != null) return fromMessage(u.getEditedChannelPost(), true);
        return List.of();
    }

    List<TelegramPost> fromMessage(Message m, boolean edited) {
        Chat chat = m.getChat();
        if (chat == null) return List.of();
        List<TelegramPost> out = new ArrayList<>();
        Instant time = Instant.ofEpochSecond(edited && m.getEditDate() != null ? m.getEditDate()
                : m.getDate() == null ? 0 : m.getDate());
        if (m.getNewChatMembers() != null && !m.getNewChatMembers().isEmpty()) {
            for (User member : m.getNewChatMembers()) {
                if (member == null) continue;
                Post p = new Post(String.valueOf(m.getMessageId()), Platform.TELEGRAM, PostKind.JOIN,
                        String.valueOf(chat.getId()), time, author(member), "", List.of(), member.getLanguageCode());
                out.add(new TelegramPost(p, chat.getId(), chat.getType(), chat.getTitle(), chat.getUserName(),
                        m.getMessageId(), null, false, false, edited, null));
            }
            return out;
        }
        out.add(toPost(m, edited, time, true));
        return out;
    }

    private TelegramPost toPost(Message m, boolean edited, Instant time, boolean withReply) {
        Chat chat = m.getChat();
        String text = m.getText() != null ? m.getText() : m.getCaption() != null ? m.getCaption() : "";
        List<String> links = textLinks(m, m.getText() != null);
        Chat senderChat = m.getSenderChat();
        boolean anonymousAdmin = false, automaticForward = Boolean.TRUE.equals(m.getIsAutomaticForward());
        Long senderChatId = null;
        Author author;
        String language = m.getFrom() == null ? null : m.getFrom().getLanguageCode();
        if (senderChat != null) {
            author = new Author(String.valueOf(senderChat.getId()), senderChat.getUserName(), senderChat.getTitle());
            if (senderChat.getId().equals(chat.getId())) anonymousAdmin = !"channel".equals(chat.getType());
            else if (!"channel".equals(chat.getType())) senderChatId = senderChat.getId();
            language = null;
        } else if (m.getFrom() != null) {
            author = author(m.getFrom());
        } else {
            author = Author.anonymous();
        }
        PostKind kind = switch (chat.getType() == null ? "" : chat.getType()) {
            case "private" -> PostKind.DM;
            case "channel" -> PostKind.CHANNEL;
            default -> PostKind.GROUP;
        };
        Post post = new Post(String.valueOf(m.getMessageId()), Platform.TELEGRAM, kind, String.valueOf(chat.getId()),
                time, author, text, links, language);
        TelegramPost replyTo = null;
        if (withReply && m.getReplyToMessage() != null && m.getReplyToMessage().getChat() != null) {
            replyTo = toPost(m.getReplyToMessage(), false, time, false);
        }
        return new TelegramPost(post, chat.getId(), chat.getType(), chat.getTitle(), chat.getUserName(), m.getMessageId(),
                senderChatId, anonymousAdmin, automaticForward, edited, replyTo);
    }

    /** The URLs of the text_link entities of the text (or the caption): links the text does not show. */
    private static List<String> textLinks(Message m, boolean ofText) {
        List<MessageEntity> entities;
        try {
            entities = ofText ? m.getEntities() : m.getCaptionEntities();
        } catch (RuntimeException e) {
            // the getter computes each entity's text and throws on an offset outside the text or a null
            // entity; the links still count (a bad entity must not hide a phishing link)
            return textLinksFromFields(m, ofText ? "entities" : "caption_entities");
        }
        List<String> links = new ArrayList<>();
        if (entities == null) return links;
        for (MessageEntity e : entities) {
            if (e != null && "text_link".equals(e.getType()) && e.getUrl() != null) links.add(e.getUrl());
        }
        return links;
    }

    private static List<String> textLinksFromFields(Message m, String field) {
        List<String> links = new ArrayList<>();
        try {
            for (JsonNode e : FIELDS.valueToTree(m).path(field)) {
                if ("text_link".equals(e.path("type").asText()) && e.path("url").isTextual()) links.add(e.path("url").asText());
            }
        } catch (IllegalArgumentException unreadable) {
            // nothing more to read: the post is judged on its text
        }
        return links;
    }

    static Author author(User u) {
        String name = u.getFirstName() == null ? "" : u.getFirstName();
        if (u.getLastName() != null && !u.getLastName().isBlank()) name = name + " " + u.getLastName();
        return new Author(String.valueOf(u.getId()), u.getUserName(), name.isBlank() ? null : name);
    }
}

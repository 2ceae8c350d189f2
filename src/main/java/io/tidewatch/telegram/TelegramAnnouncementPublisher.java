package io.tidewatch.telegram;

import io.tidewatch.announce.PublishException;
import io.tidewatch.announce.Publisher;
import io.tidewatch.core.Platform;
import org.jsoup.Jsoup;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.pinnedmessages.PinChatMessage;
import org.telegram.telegrambots.meta.api.methods.pinnedmessages.UnpinChatMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes announcement parts to Telegram chats through the bot's one outgoing queue (so they share
 * its rate limits and retries). Blocks until Telegram answered; a 429 or network failure that
 * outlasts the queue's retries is a retryable {@link PublishException}.
 */
public final class TelegramAnnouncementPublisher implements Publisher {
    private final OutgoingQueue queue;
    private final long timeoutSeconds;

    public TelegramAnnouncementPublisher(OutgoingQueue queue, long timeoutSeconds) {
        this.queue = queue;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public Platform platform() { return Platform.TELEGRAM; }

    @Override
    public String send(String target, String content, String replyTo, boolean pin) throws PublishException {
        SendMessage m = ApiCalls.html(target, content, null);
        if (replyTo != null) m.setReplyToMessageId(Integer.parseInt(replyTo));
        Message sent = (Message) call(target, true, "announcement to " + target, c -> c.execute(m));
        String id = String.valueOf(sent.getMessageId());
        if (pin) call(target, false, "pin in " + target, c -> c.execute(new PinChatMessage(target, sent.getMessageId())));
        return id;
    }

    @Override
    public boolean edit(String target, String messageId, String content) throws PublishException {
        EditMessageText e = new EditMessageText(content);
        e.setChatId(target);
        e.setMessageId(Integer.parseInt(messageId));
        e.setParseMode("HTML");
        call(target, false, "edit in " + target, c -> c.execute(e));
        return true;
    }

    @Override
    public void unpin(String target, String messageId) throws PublishException {
        UnpinChatMessage u = new UnpinChatMessage(target);
        u.setMessageId(Integer.parseInt(messageId));
        call(target, false, "unpin in " + target, c -> c.execute(u));
    }

    /**
     * Bots cannot read chat history; the one thing visible is the pinned message. If it matches the
     * content and was sent since {@code since}, that is the part; otherwise nobody can tell.
     */
    @Override
    public Optional<String> findSent(String target, String content, Instant since) throws PublishException {
        ChatFullInfo chat = (ChatFullInfo) call(target, false, "getChat " + target, c -> c.execute(new GetChat(target)));
        Message pinned = chat.getPinnedMessage();
        if (pinned != null && pinned.getText() != null && pinned.getDate() != null
                && !Instant.ofEpochSecond(pinned.getDate()).isBefore(since.minusSeconds(1))
                && normalize(pinned.getText()).equals(normalize(Jsoup.parse(content).text()))) {
            return Optional.of(String.valueOf(pinned.getMessageId()));
        }
        throw new PublishException.Unknowable("Telegram bots cannot read chat history; the part is not the pinned message of " + target);
    }

    private static String normalize(String s) { return s.replaceAll("\\s+", " ").trim(); }

    private Serializable call(String target, boolean groupMessage, String what, OutgoingQueue.Call call) throws PublishException {
        try {
            return queue.submit(OutgoingQueue.Priority.BACKGROUND, target, groupMessage && target.startsWith("-"), what, call)
                    .get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutgoingQueue.CallFailedException f) throw new PublishException(f.getMessage(), f.retryable(), f);
            throw new PublishException(what + ": " + e.getCause(), false, e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException(what + ": no answer within " + timeoutSeconds + " s", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(what + ": interrupted", true, e);
        }
    }
}

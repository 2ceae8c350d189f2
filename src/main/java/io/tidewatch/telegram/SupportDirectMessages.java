package io.tidewatch.telegram;

import io.tidewatch.core.Finding;
import io.tidewatch.core.Post;
import io.tidewatch.support.SupportAnswer;
import io.tidewatch.support.SupportResponder;

import java.time.Instant;
import java.util.List;

/** Private chats answered by the support responder; menu buttons come back as callback data. */
public final class SupportDirectMessages implements DirectMessageResponder {
    private final SupportResponder support;

    public SupportDirectMessages(SupportResponder support) {
        this.support = support;
    }

    @Override
    public Reply answer(Post post, List<Finding> secretFindings, Instant now) {
        SupportAnswer answer = support.callback(post.text(), now)
                .orElseGet(() -> support.answer(post, secretFindings, now));
        return reply(answer);
    }

    @Override
    public Reply menu(String language) {
        return reply(null, support.menu(language)); // a greeting, not a question: not counted per topic
    }

    private static Reply reply(SupportAnswer a) {
        return reply(a.topic(), a);
    }

    private static Reply reply(String topic, SupportAnswer a) {
        return new Reply(topic, a.text(), a.buttons().stream()
                .map(b -> new Button(b.label(), b.url(), b.callbackData())).toList());
    }
}

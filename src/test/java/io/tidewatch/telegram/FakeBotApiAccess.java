package io.tidewatch.telegram;

import java.time.Duration;

/** The fake Bot API for tests outside this package (the run command's process test). */
public final class FakeBotApiAccess implements AutoCloseable {
    private final FakeBotApi api;

    private FakeBotApiAccess(FakeBotApi api) { this.api = api; }

    public static FakeBotApiAccess start() throws Exception { return new FakeBotApiAccess(new FakeBotApi()); }

    public String url() { return api.url(); }

    public void pushModeratorCommand(long updateId, String text) {
        api.push(Updates.groupText(updateId, 100 + (int) updateId, Updates.MODERATOR, "Anna", text));
    }

    public String awaitSentText(Duration timeout) throws InterruptedException {
        return api.await("sendMessage", c -> true, 1, timeout).get(0).param("text");
    }

    /** A group message from user 42 (a leak when {@code leak}), with message id = 10000 + update id. */
    public void pushGroupMessage(long updateId, boolean leak) {
        api.push(Updates.groupText(updateId, 10_000 + (int) updateId, 42, "Alice",
                leak ? "words: " + TestDetectors.SEED : "hello everyone, when is the next listing?"));
    }

    /** A group message from {@code userId} (a leak when {@code leak}), with message id = 10000 + update id. */
    public void pushGroupMessage(long updateId, long userId, boolean leak) {
        api.push(Updates.groupText(updateId, 10_000 + (int) updateId, userId, "User" + userId,
                leak ? "words: " + TestDetectors.SEED : "hello everyone, when is the next listing? " + updateId));
    }

    /** A sendMessage as it arrived: the chat, the text and the arrival time (System.nanoTime). */
    public record Sent(String chat, String text, long nanos) {}

    /** Reports each sendMessage as it arrives. */
    public void onSend(java.util.function.Consumer<Sent> listener) {
        api.onCall(c -> {
            if (c.method().equals("sendMessage")) listener.accept(new Sent(c.param("chat_id"), c.param("text"), c.nanos()));
        });
    }

    /** Reports each deleteMessage and sendMessage as it arrives. */
    public void onDeleteAndSend(java.util.function.ObjLongConsumer<Integer> deletes, java.util.function.Consumer<Sent> sends) {
        api.onCall(c -> {
            if (c.method().equals("deleteMessage")) deletes.accept(Integer.parseInt(c.param("message_id")), c.nanos());
            if (c.method().equals("sendMessage")) sends.accept(new Sent(c.param("chat_id"), c.param("text"), c.nanos()));
        });
    }

    /** The group the pushed messages are written in. */
    public static long group() { return Updates.GROUP; }

    /** Reports each deleteMessage as it arrives: message id and arrival time (System.nanoTime). */
    public void onDelete(java.util.function.ObjLongConsumer<Integer> listener) {
        api.onCall(c -> {
            if (c.method().equals("deleteMessage")) listener.accept(Integer.parseInt(c.param("message_id")), c.nanos());
        });
    }

    public int count(String method) { return api.calls(method).size(); }

    public void awaitCalls(String method, int count, Duration timeout) throws InterruptedException {
        api.await(method, x -> true, count, timeout);
    }

    /** The test detectors (a seed phrase and a fake staff name), for benchmarks outside this package. */
    public static io.tidewatch.core.Detector testDetectors() { return TestDetectors.forIntegration(BotHarness.BRAND); }

    @Override
    public void close() { api.close(); }
}

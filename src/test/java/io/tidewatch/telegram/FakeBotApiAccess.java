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

    @Override
    public void close() { api.close(); }
}

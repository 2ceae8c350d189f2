package io.tidewatch.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.List;

/** Where a batch of updates goes (long polling, the webhook): true when it is settled and recorded. */
@FunctionalInterface
public interface UpdateSink {
    boolean consume(List<Update> updates);
}

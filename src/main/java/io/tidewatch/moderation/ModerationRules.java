package io.tidewatch.moderation;

import io.tidewatch.core.Detector;
import io.tidewatch.policy.ChatDirectory;
import io.tidewatch.policy.Policy;

import java.time.Instant;

/** The rules in force: detectors, policy and chat settings, swapped as a whole by a reload. */
public record ModerationRules(Detector detector, Policy policy, ChatDirectory chats, Instant loadedAt) {
    /** Builds a fresh set; throws {@link io.tidewatch.core.ConfigException} naming file and line when one is bad. */
    @FunctionalInterface
    public interface Loader {
        ModerationRules load();
    }
}

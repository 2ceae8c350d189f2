package io.tidewatch.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.YamlFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rules/chats.yaml}: the chats the bot guards, each with its language, dry run and
 * moderation switch, whether its anonymous admins count as its moderators, and what the bot does in
 * a group that is not listed (leave it, or ignore it).
 */
public final class ChatDirectory {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record RawSettings(String language, Boolean dryRun, Boolean moderation) {}
    record RawChat(String id, String title, String language, Boolean dryRun, Boolean moderation, Boolean anonymousAdmins) {}
    record RawRaid(Integer warningsPerMinute, Integer alertsPerMinute) {}
    record Raw(RawSettings defaults, Boolean moderatorsFromChatAdmins, String alertsLanguage, String unlistedGroups,
               RawRaid raid, List<RawChat> chats) {}

    /** How many warnings a group, and alerts the moderators' chat, get a minute before the rest go out as one summary. */
    public record Raid(int warningsPerMinute, int alertsPerMinute) {
        public static Raid defaults() { return new Raid(5, 10); }
    }

    /** What the bot does in a group that {@code chats.yaml} does not list. */
    public enum Unlisted {
        /** Leave the group at once: anyone can add a bot to a group of their own. */
        LEAVE,
        /** Stay, but read nothing there: no moderation, no commands. */
        IGNORE
    }

    private final ChatSettings defaults;
    private final Map<String, ChatSettings> chats;
    private final Map<String, String> titles;
    private final boolean moderatorsFromChatAdmins;
    private final String alertsLanguage;
    private final Set<String> anonymousAdmins;
    private final Unlisted unlisted;
    private final Raid raid;

    public ChatDirectory(ChatSettings defaults, Map<String, ChatSettings> chats, Map<String, String> titles,
                         boolean moderatorsFromChatAdmins, String alertsLanguage) {
        this(defaults, chats, titles, moderatorsFromChatAdmins, alertsLanguage, Set.of(), Unlisted.LEAVE, Raid.defaults());
    }

    public ChatDirectory(ChatSettings defaults, Map<String, ChatSettings> chats, Map<String, String> titles,
                         boolean moderatorsFromChatAdmins, String alertsLanguage, Set<String> anonymousAdmins, Unlisted unlisted,
                         Raid raid) {
        this.defaults = defaults;
        this.chats = Map.copyOf(chats);
        this.titles = Map.copyOf(titles);
        this.moderatorsFromChatAdmins = moderatorsFromChatAdmins;
        this.alertsLanguage = alertsLanguage == null ? defaults.language() : alertsLanguage;
        this.anonymousAdmins = Set.copyOf(anonymousAdmins);
        this.unlisted = unlisted;
        this.raid = raid;
    }

    public static ChatDirectory defaultsOnly() {
        return new ChatDirectory(ChatSettings.defaults(), Map.of(), Map.of(), false, "en");
    }

    /** Reads the file; a missing file means every chat uses the defaults. */
    public static ChatDirectory load(Path file) {
        if (!Files.exists(file)) return defaultsOnly();
        Raw raw = YamlFiles.value(YAML, file, Raw.class);
        if (raw == null) return defaultsOnly();
        RawSettings d = raw.defaults() == null ? new RawSettings(null, null, null) : raw.defaults();
        ChatSettings defaults = new ChatSettings(d.language(), Boolean.TRUE.equals(d.dryRun()), !Boolean.FALSE.equals(d.moderation()));
        Map<String, ChatSettings> chats = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        Set<String> anonymousAdmins = new HashSet<>();
        List<RawChat> list = raw.chats() == null ? List.of() : raw.chats();
        for (int i = 0; i < list.size(); i++) {
            RawChat c = list.get(i);
            if (c.id() == null || !c.id().trim().matches("-?\\d+")) {
                throw new ConfigException(file + ": chats[" + i + "].id must be the chat's numeric id (e.g. \"-1001234567890\")");
            }
            String id = c.id().trim();
            if (chats.containsKey(id)) throw new ConfigException(file + ": chats[" + i + "].id " + id + " is listed twice");
            chats.put(id, new ChatSettings(c.language() == null ? defaults.language() : c.language(),
                    c.dryRun() == null ? defaults.dryRun() : c.dryRun(),
                    c.moderation() == null ? defaults.moderation() : c.moderation()));
            if (c.title() != null) titles.put(id, c.title());
            if (Boolean.TRUE.equals(c.anonymousAdmins())) anonymousAdmins.add(id);
        }
        return new ChatDirectory(defaults, chats, titles, Boolean.TRUE.equals(raw.moderatorsFromChatAdmins()),
                raw.alertsLanguage(), anonymousAdmins, unlisted(file, raw.unlistedGroups()), raid(file, raw.raid()));
    }

    private static Raid raid(Path file, RawRaid raw) {
        Raid d = Raid.defaults();
        if (raw == null) return d;
        int w = raw.warningsPerMinute() == null ? d.warningsPerMinute() : raw.warningsPerMinute();
        int a = raw.alertsPerMinute() == null ? d.alertsPerMinute() : raw.alertsPerMinute();
        if (w < 1 || w > 20 || a < 1 || a > 20) {
            throw new ConfigException(file + ": raid.warnings_per_minute and raid.alerts_per_minute must be between 1 and 20"
                    + " (Telegram allows about 20 messages a minute into a group)");
        }
        return new Raid(w, a);
    }

    private static Unlisted unlisted(Path file, String value) {
        if (value == null) return Unlisted.LEAVE;
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "leave" -> Unlisted.LEAVE;
            case "ignore" -> Unlisted.IGNORE;
            default -> throw new ConfigException(file + ": unlisted_groups must be \"leave\" or \"ignore\", not \"" + value + "\"");
        };
    }

    public ChatSettings settings(String chat) { return chats.getOrDefault(chat, defaults); }

    /** A chat the bot guards: listed in the file. */
    public boolean isListed(String chat) { return chats.containsKey(chat); }

    /** Whether a message sent as the group itself (an anonymous admin) counts as that chat's moderator. */
    public boolean anonymousAdminsModerate(String chat) { return anonymousAdmins.contains(chat); }

    public Unlisted unlistedGroups() { return unlisted; }

    public Raid raid() { return raid; }

    public String title(String chat) { return titles.get(chat); }

    public boolean moderatorsFromChatAdmins() { return moderatorsFromChatAdmins; }

    public String alertsLanguage() { return alertsLanguage; }
}

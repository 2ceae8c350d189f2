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
import java.util.List;
import java.util.Map;

/** {@code rules/chats.yaml}: each chat's language, dry run and moderation switch, and who moderates. */
public final class ChatDirectory {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record RawSettings(String language, Boolean dryRun, Boolean moderation) {}
    record RawChat(String id, String title, String language, Boolean dryRun, Boolean moderation) {}
    record Raw(RawSettings defaults, Boolean moderatorsFromChatAdmins, String alertsLanguage, List<RawChat> chats) {}

    private final ChatSettings defaults;
    private final Map<String, ChatSettings> chats;
    private final Map<String, String> titles;
    private final boolean moderatorsFromChatAdmins;
    private final String alertsLanguage;

    public ChatDirectory(ChatSettings defaults, Map<String, ChatSettings> chats, Map<String, String> titles,
                         boolean moderatorsFromChatAdmins, String alertsLanguage) {
        this.defaults = defaults;
        this.chats = Map.copyOf(chats);
        this.titles = Map.copyOf(titles);
        this.moderatorsFromChatAdmins = moderatorsFromChatAdmins;
        this.alertsLanguage = alertsLanguage == null ? defaults.language() : alertsLanguage;
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
        }
        return new ChatDirectory(defaults, chats, titles, Boolean.TRUE.equals(raw.moderatorsFromChatAdmins()),
                raw.alertsLanguage());
    }

    public ChatSettings settings(String chat) { return chats.getOrDefault(chat, defaults); }

    public String title(String chat) { return titles.get(chat); }

    public boolean moderatorsFromChatAdmins() { return moderatorsFromChatAdmins; }

    public String alertsLanguage() { return alertsLanguage; }
}

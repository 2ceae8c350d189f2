package io.tidewatch.announce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.ConfigException;
import io.tidewatch.core.Platform;
import io.tidewatch.core.YamlFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the {@code targets} of an announcement: a name from the {@code channels} map of
 * {@code brand.yaml} (e.g. {@code announcements: {telegram: "-1001000000010", languages: [zh, en]}}),
 * {@code twitter} (the official Twitter account), {@code telegram} (every Telegram chat among the
 * channels), an official Telegram {@code @username}, or a Telegram group/channel id (negative number).
 */
public final class TargetDirectory {
    private final Map<String, List<Target>> channels;
    private final BrandProfile brand;

    public TargetDirectory(BrandProfile brand, Map<String, List<Target>> channels) {
        this.brand = brand;
        this.channels = Map.copyOf(channels);
    }

    /** Reads the optional {@code channels} map from the brand file (the core profile ignores it). */
    public static TargetDirectory read(Path brandFile, BrandProfile brand) {
        Map<String, List<Target>> channels = new LinkedHashMap<>();
        if (brandFile != null && Files.isRegularFile(brandFile)) {
            JsonNode map = YamlFiles.tree(brandFile).get("channels");
            if (map != null && map.isObject()) {
                map.fields().forEachRemaining(e -> channels.put(e.getKey(), channel(brandFile, e.getKey(), e.getValue())));
            }
        }
        return new TargetDirectory(brand, channels);
    }

    private static List<Target> channel(Path file, String name, JsonNode node) {
        if (!node.isObject()) throw new ConfigException(file + ": channels." + name + ": expected {telegram: ID, languages: [..]}");
        List<String> languages = new ArrayList<>();
        if (node.has("languages")) node.get("languages").forEach(l -> languages.add(l.asText()));
        List<Target> out = new ArrayList<>();
        if (node.has("telegram")) {
            String chat = node.get("telegram").asText();
            if (!chat.matches("-?\\d+|@\\w{4,}")) {
                throw new ConfigException(file + ": channels." + name + ".telegram: '" + chat + "' is not a chat id or @channel");
            }
            out.add(new Target(Platform.TELEGRAM, chat, name, languages));
        }
        if (node.has("twitter")) out.add(new Target(Platform.TWITTER, node.get("twitter").asText(), name, languages));
        if (out.isEmpty()) throw new ConfigException(file + ": channels." + name + ": give 'telegram' or 'twitter'");
        return out;
    }

    /**
     * The targets a spec names, or empty when it names nothing known. {@code telegram} (unless a channel
     * has that name) means every Telegram chat among the channels.
     */
    public Optional<List<Target>> resolve(String spec) {
        String s = spec.trim();
        if (channels.containsKey(s)) return Optional.of(channels.get(s));
        if (s.equalsIgnoreCase("telegram")) {
            Map<String, Target> byChat = new LinkedHashMap<>();
            for (List<Target> c : channels.values()) {
                for (Target t : c) if (t.platform() == Platform.TELEGRAM) byChat.putIfAbsent(t.chat(), t);
            }
            return byChat.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(byChat.values()));
        }
        if (s.equalsIgnoreCase("twitter") || s.equalsIgnoreCase("x")) {
            return brand.officialAccount(Platform.TWITTER).map(a -> List.of(new Target(Platform.TWITTER,
                    a.username() != null ? a.username() : a.id(), "twitter", List.of())));
        }
        if (s.matches("-\\d{5,}")) {
            return Optional.of(List.of(new Target(Platform.TELEGRAM, s, s, List.of())));
        }
        if (s.startsWith("@")) {
            String handle = s.substring(1).toLowerCase(Locale.ROOT);
            for (var c : channels.values()) {
                for (Target t : c) if (t.chat().equalsIgnoreCase(s)) return Optional.of(List.of(t));
            }
            boolean official = brand.official().telegram().stream()
                    .anyMatch(a -> a.username() != null && a.username().toLowerCase(Locale.ROOT).equals(handle));
            if (official) return Optional.of(List.of(new Target(Platform.TELEGRAM, s, s, List.of())));
        }
        return Optional.empty();
    }

    public Map<String, List<Target>> channels() { return channels; }
}

package io.tidewatch.announce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads one announcement: {@code ID.md} holds the front matter (YAML between {@code ---} lines) and
 * either the bodies as {@code ## zh} / {@code ## en} sections, or nothing, with the bodies in sibling
 * files {@code ID.zh.md}, {@code ID.en.md} (which may carry their own front matter with a {@code title}).
 * A body without sections belongs to the one language listed. Structural problems are collected, not thrown.
 */
public final class AnnouncementReader {
    public static final Set<String> TAGS = Set.of("maintenance", "listing", "security", "campaign");
    static final Set<String> FIELDS = Set.of("id", "title", "publish_at", "expires_at", "targets", "pin",
            "languages", "tags", "image", "url");
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*", Pattern.CASE_INSENSITIVE);
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?");
    private static final Pattern SECTION = Pattern.compile("^##\\s+([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\\s*$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final TargetDirectory targets;

    private java.util.SortedSet<String> knownTargets() {
        java.util.SortedSet<String> known = new java.util.TreeSet<>(targets.channels().keySet());
        known.add("twitter");
        if (targets.channels().values().stream().flatMap(List::stream).anyMatch(t -> t.platform() == io.tidewatch.core.Platform.TELEGRAM)) {
            known.add("telegram");
        }
        return known;
    }

    public AnnouncementReader(TargetDirectory targets) {
        this.targets = targets;
    }

    /** The announcement (null when it cannot be built at all) and every problem found on the way. */
    public record Result(String id, Announcement announcement, List<Problem> problems) {
        public boolean valid() { return announcement != null && problems.isEmpty(); }
    }

    /** The id a file belongs to ({@code maint-1.zh.md} and {@code maint-1.md} both belong to {@code maint-1}). */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".md")) return null;
        String stem = name.substring(0, name.length() - 3);
        int dot = stem.lastIndexOf('.');
        if (dot > 0 && LANGUAGE.matcher(stem.substring(dot + 1)).matches()) return stem.substring(0, dot);
        return stem;
    }

    public Result read(Path mainFile) {
        String file = mainFile.toString();
        String fileId = idOf(mainFile);
        String id = fileId;
        List<Problem> problems = new ArrayList<>();
        Split main;
        try {
            main = split(Files.readString(mainFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(new Problem(file, null, "cannot read: " + e.getMessage()));
            return new Result(id, null, problems);
        }
        if (main.frontMatter == null) {
            problems.add(new Problem(file, null, "no front matter: start the file with a '---' line, the YAML fields, and a '---' line"));
            return new Result(id, null, problems);
        }
        JsonNode fm;
        try {
            fm = main.frontMatter.isBlank() ? YAML.createObjectNode() : YAML.readTree(main.frontMatter);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
            problems.add(new Problem(file + (line > 0 ? ":" + line : ""), null, "front matter is not valid YAML: " + e.getOriginalMessage()));
            return new Result(id, null, problems);
        }
        if (fm == null || !fm.isObject()) {
            problems.add(new Problem(file, null, "front matter must be a YAML mapping of fields"));
            return new Result(id, null, problems);
        }
        fm.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) problems.add(new Problem(file, f, "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")"));
        });

        // the front matter's id is the announcement's identity (the ledger's key); the file name is only a name
        String declaredId = text(fm, "id");
        if (declaredId != null) id = declaredId;
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new Problem(file, "id", "'" + id + "': use letters, digits, '-' and '_' only"));
        }

        Map<String, String> titles = new LinkedHashMap<>();
        JsonNode title = fm.get("title");
        if (title != null && title.isObject()) {
            title.fields().forEachRemaining(e -> titles.put(e.getKey(), e.getValue().asText().strip()));
        } else if (title != null && title.isValueNode() && !title.asText().isBlank()) {
            titles.put("", title.asText().strip());
        }

        ZonedDateTime publishAt = time(fm, "publish_at", file, problems);
        ZonedDateTime expiresAt = time(fm, "expires_at", file, problems);
        if (publishAt != null && expiresAt != null && !expiresAt.isAfter(publishAt)) {
            problems.add(new Problem(file, "expires_at", "is not after publish_at"));
        }

        List<Target> resolved = new ArrayList<>();
        List<String> targetSpecs = list(fm, "targets", file, problems);
        if (targetSpecs.isEmpty()) problems.add(new Problem(file, "targets", "none given (a channel name, a chat id, or twitter)"));
        for (String spec : targetSpecs) {
            targets.resolve(spec).ifPresentOrElse(resolved::addAll,
                    () -> problems.add(new Problem(file, "targets", "unknown target '" + spec
                            + "' (known: " + String.join(", ", knownTargets()) + ", or a chat id)")));
        }

        boolean pin = false;
        JsonNode pinNode = fm.get("pin");
        if (pinNode != null) {
            if (pinNode.isBoolean()) pin = pinNode.asBoolean();
            else problems.add(new Problem(file, "pin", "must be true or false"));
        }

        Set<String> tags = new LinkedHashSet<>(list(fm, "tags", file, problems));
        for (String tag : tags) {
            if (!TAGS.contains(tag)) problems.add(new Problem(file, "tags", "unknown tag '" + tag + "' (known: " + String.join(", ", new java.util.TreeSet<>(TAGS)) + ")"));
        }

        // bodies: sections in the main file, or sibling language files
        Map<String, String> bodies = new LinkedHashMap<>();
        Map<String, String> sections = sections(main.body);
        String beforeSections = sections.remove(null);
        Map<String, Path> languageFiles = languageFiles(mainFile, fileId);
        if (!sections.isEmpty()) {
            bodies.putAll(sections);
            if (beforeSections != null && !beforeSections.isBlank()) {
                problems.add(new Problem(file, "body", "text before the first '## LANG' section belongs to no language"));
            }
        }
        for (var e : languageFiles.entrySet()) {
            String lang = e.getKey();
            if (bodies.containsKey(lang)) {
                problems.add(new Problem(e.getValue().toString(), null, "language " + lang + " is also a section of " + mainFile.getFileName()));
                continue;
            }
            try {
                Split s = split(Files.readString(e.getValue(), StandardCharsets.UTF_8));
                bodies.put(lang, s.body.strip());
                if (s.frontMatter != null && !s.frontMatter.isBlank()) {
                    JsonNode lfm = YAML.readTree(s.frontMatter);
                    if (lfm != null && lfm.has("title")) titles.put(lang, lfm.get("title").asText().strip());
                    if (lfm != null) lfm.fieldNames().forEachRemaining(f -> {
                        if (!f.equals("title")) problems.add(new Problem(e.getValue().toString(), f, "only 'title' may be set in a language file"));
                    });
                }
            } catch (IOException ex) {
                problems.add(new Problem(e.getValue().toString(), null, "cannot read: " + ex.getMessage()));
            }
        }

        List<String> languages = list(fm, "languages", file, problems);
        boolean asWritten = languages.isEmpty() && bodies.isEmpty() && !main.body.isBlank();
        if (asWritten) {
            // one text, published as written (often both languages in one post)
            languages = new ArrayList<>(List.of(Announcement.AS_WRITTEN));
            bodies.put(Announcement.AS_WRITTEN, main.body.strip());
        } else if (languages.isEmpty()) {
            languages = new ArrayList<>(bodies.keySet());
            if (languages.isEmpty()) problems.add(new Problem(file, "body", "no text: write it below the front matter"
                    + " (as one text, or in '## zh' / '## en' sections, or in ID.LANG.md files)"));
        }
        for (String lang : languages) {
            if (!LANGUAGE.matcher(lang).matches()) problems.add(new Problem(file, "languages", "'" + lang + "' is not a language code like zh or en"));
        }
        if (!asWritten && bodies.isEmpty() && languages.size() == 1 && !main.body.isBlank()) {
            bodies.put(languages.get(0), main.body.strip());
        } else if (sections.isEmpty() && !main.body.isBlank() && !languageFiles.isEmpty()) {
            problems.add(new Problem(file, "body", "has text although the languages are in separate files"));
        }
        for (String lang : languages) {
            if (!bodies.containsKey(lang) || bodies.get(lang).isBlank()) {
                problems.add(new Problem(file, "languages", "no text for '" + lang + "' (a '## " + lang + "' section or " + fileId + "." + lang + ".md)"));
            }
        }
        for (String lang : bodies.keySet()) {
            if (!languages.contains(lang)) problems.add(new Problem(file, "languages", "text for '" + lang + "' but it is not listed"));
        }
        if (titles.isEmpty()) {
            problems.add(new Problem(file, "title", "missing"));
        } else if (!titles.containsKey("") && !asWritten) {
            for (String lang : languages) if (!titles.containsKey(lang)) problems.add(new Problem(file, "title", "missing for '" + lang + "'"));
        }
        for (var t : targetsWantingMissingLanguages(resolved, languages)) {
            problems.add(new Problem(file, "targets", t));
        }

        String image = text(fm, "image");
        String url = text(fm, "url");
        Announcement a = new Announcement(id, file, titles, publishAt, expiresAt, resolved, pin, languages,
                bodies, tags, image, url);
        return new Result(id, a, problems);
    }

    private static List<String> targetsWantingMissingLanguages(List<Target> targets, List<String> languages) {
        List<String> out = new ArrayList<>();
        for (Target t : targets) {
            if (!languages.isEmpty() && languages.stream().noneMatch(t::wants)) {
                out.add("'" + t.name() + "' takes " + t.languages() + " but the announcement has " + languages);
            }
        }
        return out;
    }

    private static Map<String, Path> languageFiles(Path mainFile, String id) {
        Map<String, Path> out = new LinkedHashMap<>();
        Path dir = mainFile.toAbsolutePath().getParent();
        if (dir == null || id == null) return out;
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith(id + ".") && name.endsWith(".md") && name.length() > id.length() + 4
                        && !p.getFileName().equals(mainFile.getFileName())) {
                    String lang = name.substring(id.length() + 1, name.length() - 3);
                    if (LANGUAGE.matcher(lang).matches()) out.put(lang, p);
                }
            });
        } catch (IOException ignored) {
            // an unreadable directory shows up as missing language text
        }
        return out;
    }

    record Split(String frontMatter, String body) {}

    static Split split(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        s = s.replace("\r\n", "\n");
        if (!s.startsWith("---\n") && !s.equals("---")) return new Split(null, s);
        int end = s.indexOf("\n---", 3);
        while (end >= 0) {
            int after = end + 4;
            if (after == s.length() || s.charAt(after) == '\n') {
                return new Split(s.substring(4, end + 1), after >= s.length() ? "" : s.substring(after + 1));
            }
            end = s.indexOf("\n---", after);
        }
        return new Split(null, s);
    }

    /** {@code ## zh} style sections outside code fences; key null holds the text before the first. */
    static Map<String, String> sections(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder buf = new StringBuilder();
        boolean inFence = false;
        for (String line : body.split("\n", -1)) {
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) inFence = !inFence;
            Matcher m = inFence ? null : SECTION.matcher(line);
            if (m != null && m.matches()) {
                out.put(current, buf.toString().strip());
                current = m.group(1);
                buf.setLength(0);
            } else {
                buf.append(line).append('\n');
            }
        }
        out.put(current, buf.toString().strip());
        if (out.size() == 1) out.clear();
        return out;
    }

    private static String text(JsonNode fm, String field) {
        JsonNode n = fm.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText().strip();
    }

    private static List<String> list(JsonNode fm, String field, String file, List<Problem> problems) {
        JsonNode n = fm.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText().strip()));
        } else if (n.isValueNode()) {
            out.add(n.asText().strip());
        } else {
            problems.add(new Problem(file, field, "must be a list"));
        }
        return out;
    }

    private static ZonedDateTime time(JsonNode fm, String field, String file, List<Problem> problems) {
        String s = text(fm, field);
        if (s == null) return null;
        try {
            return ZonedDateTime.parse(isoT(s));
        } catch (DateTimeParseException e) {
            String reason;
            if (parses(() -> LocalDateTime.parse(isoT(s))) || parses(() -> LocalDate.parse(s))) {
                reason = "'" + s + "' has no time zone; write e.g. 2026-12-01T10:00:00+08:00 or 2026-12-01T02:00:00Z";
            } else {
                reason = "'" + s + "' is not an ISO date-time with zone, e.g. 2026-12-01T10:00:00+08:00";
            }
            problems.add(new Problem(file, field, reason));
            return null;
        }
    }

    private static String isoT(String s) { return s.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T"); }

    private static boolean parses(Runnable r) {
        try {
            r.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

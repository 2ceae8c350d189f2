package io.tidewatch.announce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The announcements directory, read afresh on every call so edits, new files and deletions take
 * effect on the next scheduler tick. Each entry carries its problems; only problem-free entries publish.
 */
public final class AnnouncementDirectory {
    private final Path dir;
    private final AnnouncementReader reader;
    private final AnnouncementRenderer renderer;
    private final java.util.Map<Path, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public AnnouncementDirectory(Path dir, AnnouncementReader reader, AnnouncementRenderer renderer) {
        this.dir = dir;
        this.reader = reader;
        this.renderer = renderer;
    }

    /**
     * The usual assembly: targets from {@code brandFile} (its {@code channels}), links checked against the
     * brand's domains and {@code rulesDir/links.yaml} plus {@code suspiciousHost} (e.g. the lookalike
     * detector; {@code host -> false} for none), texts from {@code rulesDir/announce.yaml}.
     */
    public static AnnouncementDirectory of(Path dir, io.tidewatch.core.BrandProfile brand, Path brandFile, Path rulesDir,
                                           java.util.function.Predicate<String> suspiciousHost) {
        TargetDirectory targets = TargetDirectory.read(brandFile, brand);
        LinkCheck links = OfficialLinks.of(brand, rulesDir).withSuspiciousHost(suspiciousHost);
        AnnouncementTexts texts = AnnouncementTexts.read(rulesDir.resolve("announce.yaml"));
        return new AnnouncementDirectory(dir, new AnnouncementReader(targets),
                new AnnouncementRenderer(texts, links, defaultFullTextUrl(brand)));
    }

    static String defaultFullTextUrl(io.tidewatch.core.BrandProfile brand) {
        if (brand.support() != null && brand.support().helpCenter() != null && brand.support().helpCenter().url() != null) {
            return brand.support().helpCenter().url();
        }
        return brand.brand().domains().isEmpty() ? "" : "https://" + brand.brand().domains().get(0);
    }

    /** One announcement with its renderings (null when it could not be read) and problems. */
    public record Entry(String id, Announcement announcement, Rendering rendering, List<Problem> problems) {
        public Entry {
            problems = List.copyOf(problems);
        }

        public boolean publishable() { return announcement != null && problems.isEmpty(); }
    }

    public Path dir() { return dir; }

    public List<Entry> load() {
        if (!Files.isDirectory(dir)) return List.of();
        TreeMap<String, List<Path>> byId = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> Files.isRegularFile(p) && AnnouncementReader.idOf(p) != null)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .forEach(p -> byId.computeIfAbsent(AnnouncementReader.idOf(p), k -> new ArrayList<>()).add(p));
        } catch (IOException e) {
            throw new io.tidewatch.core.ConfigException(dir + ": cannot list announcements: " + e.getMessage());
        }
        List<Entry> out = new ArrayList<>();
        for (var e : byId.entrySet()) {
            Path main = dir.resolve(e.getKey() + ".md");
            if (Files.isRegularFile(main)) {
                out.add(load(main));
            } else {
                out.add(new Entry(e.getKey(), null, null, List.of(new Problem(e.getValue().get(0).toString(), null,
                        "language file without its main file " + main.getFileName() + " (which holds the front matter)"))));
            }
        }
        return withDuplicateIdsRefused(out);
    }

    /** Two files with one front-matter id would publish under one ledger identity: neither publishes. */
    private static List<Entry> withDuplicateIdsRefused(List<Entry> entries) {
        java.util.Map<String, List<Entry>> byId = new java.util.LinkedHashMap<>();
        for (Entry e : entries) byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            List<Entry> same = byId.get(e.id());
            if (same.size() == 1 || e.announcement() == null) {
                out.add(e);
                continue;
            }
            List<Problem> problems = new ArrayList<>(e.problems());
            String others = same.stream().filter(o -> o != e && o.announcement() != null).map(o -> o.announcement().file())
                    .collect(java.util.stream.Collectors.joining(", "));
            problems.add(new Problem(e.announcement().file(), "id", "'" + e.id() + "' is also the id of " + others
                    + "; give each announcement its own id"));
            out.add(new Entry(e.id(), e.announcement(), e.rendering(), problems));
        }
        return out;
    }

    public Optional<Entry> find(String id) {
        return load().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Reads one announcement file (its language siblings too) and renders it. */
    public Entry load(Path file) {
        String id = AnnouncementReader.idOf(file);
        Path sibling = id == null ? null : file.resolveSibling(id + ".md");
        Path mainFile = sibling != null && Files.isRegularFile(sibling) ? sibling : file;
        String fingerprint = fingerprint(mainFile, id);
        Cached cached = fingerprint == null ? null : cache.get(mainFile.toAbsolutePath().normalize());
        if (cached != null && cached.fingerprint().equals(fingerprint)) return cached.entry();
        Entry entry = read(mainFile);
        if (fingerprint != null) cache.put(mainFile.toAbsolutePath().normalize(), new Cached(fingerprint, entry));
        return entry;
    }

    private record Cached(String fingerprint, Entry entry) {}

    /** A hash of every file of the announcement: rendering is redone only when one of them changed. */
    private static String fingerprint(Path mainFile, String id) {
        Path dir = mainFile.toAbsolutePath().getParent();
        if (dir == null || id == null) return null;
        try (Stream<Path> files = Files.list(dir)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (Path p : files.filter(p -> id.equals(AnnouncementReader.idOf(p))).sorted().toList()) {
                md.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(p));
                md.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    private Entry read(Path mainFile) {
        AnnouncementReader.Result r = reader.read(mainFile);
        if (r.announcement() == null) return new Entry(r.id(), null, null, r.problems());
        AnnouncementRenderer.Result rendered = renderer.render(r.announcement());
        List<Problem> problems = new ArrayList<>(r.problems());
        problems.addAll(rendered.problems());
        return new Entry(r.id(), r.announcement(), rendered.rendering(), problems);
    }
}

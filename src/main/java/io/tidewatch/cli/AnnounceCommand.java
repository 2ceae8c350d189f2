package io.tidewatch.cli;

import io.tidewatch.core.TweetLength;

import io.tidewatch.detect.BrandDetectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tidewatch.announce.AnnouncementDirectory;
import io.tidewatch.announce.AnnouncementImporter;
import io.tidewatch.announce.AnnouncementStatus;
import io.tidewatch.announce.Announcements;
import io.tidewatch.announce.Preview;
import io.tidewatch.core.TweetLength;
import io.tidewatch.core.BrandProfile;
import io.tidewatch.store.Database;
import io.tidewatch.store.PublishLedger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code announce}: preview, list, import, publish and cancel announcements (files in {@code announcements/}). */
@Command(name = "announce", mixinStandardHelpOptions = true,
        description = "Announcements: preview and check files, show the schedule, import a web page, publish or cancel.",
        subcommands = {AnnounceCommand.PreviewCmd.class, AnnounceCommand.ListCmd.class, AnnounceCommand.ImportCmd.class,
                AnnounceCommand.PublishCmd.class, AnnounceCommand.CancelCmd.class})
public final class AnnounceCommand implements Runnable {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** Where list/publish/cancel find TIDEWATCH_DB_URL; tests point it at their own database. */
    static volatile Map<String, String> environment = System.getenv();

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** Options every announce subcommand shares. */
    static final class Setup {
        @Mixin RulesOptions rules;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "announcements",
                description = "Announcements directory (default: ${DEFAULT-VALUE}).")
        Path dir;

        AnnouncementDirectory directory(Path dirOverride) {
            BrandProfile brand = rules.brand();
            return AnnouncementDirectory.of(dirOverride != null ? dirOverride : dir, brand, rules.brandFile(),
                    rules.rulesDir(), BrandDetectors.lookalikeHosts(rules.rulesDir(), brand));
        }

        Announcements announcements(Database db) {
            return new Announcements(directory(null), new PublishLedger(db), List.of(), Clock.systemUTC(),
                    Announcements.Settings.defaults());
        }
    }

    @Command(name = "preview", description = "Print both renderings of an announcement and its problems."
            + " Exit status: 0 no problems, 1 problems, 2 error.")
    static final class PreviewCmd implements Callable<Integer> {
        @Mixin Setup setup;
        @Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The announcement's main file (ID.md).") Path file;
        @Option(names = "--format", defaultValue = "text", description = "text or json.") String format;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file");
            Path dir = file.toAbsolutePath().getParent();
            Preview p = Preview.of(setup.directory(dir).load(file));
            PrintWriter out = spec.commandLine().getOut();
            if ("json".equals(format)) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("telegram", p.telegram());
                json.put("twitter", p.twitter());
                json.put("problems", p.problems());
                out.println(JSON.writeValueAsString(json));
            } else if ("text".equals(format)) {
                printText(p, out);
            } else {
                throw new IllegalArgumentException("--format: expected text or json, got '" + format + "'");
            }
            out.flush();
            return p.problems().isEmpty() ? 0 : 1;
        }

        private static void printText(Preview p, PrintWriter out) {
            if (p.rendering() != null) {
                p.rendering().telegram().forEach((lang, parts) -> {
                    for (int i = 0; i < parts.size(); i++) {
                        out.printf("=== telegram (%s) message %d/%d ===%n%s%n%n", lang, i + 1, parts.size(), parts.get(i));
                    }
                });
                p.rendering().twitter().forEach((lang, parts) -> {
                    for (int i = 0; i < parts.size(); i++) {
                        out.printf("=== twitter (%s) tweet %d/%d, %d/280 ===%n%s%n%n", lang, i + 1, parts.size(),
                                TweetLength.of(parts.get(i)), parts.get(i));
                    }
                });
            }
            out.println("=== problems ===");
            if (p.problems().isEmpty()) out.println("none");
            p.problems().forEach(out::println);
        }
    }

    @Command(name = "list", description = "Show the schedule and publishing state of every announcement.")
    static final class ListCmd implements Callable<Integer> {
        @Mixin Setup setup;
        @Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--format", defaultValue = "text", description = "text or json.") String format;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.fromEnvironment(environment)) {
                List<AnnouncementStatus> list = setup.announcements(db).list();
                PrintWriter out = spec.commandLine().getOut();
                if ("json".equals(format)) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AnnouncementStatus s : list) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", s.id());
                        row.put("title", s.title());
                        row.put("schedule", s.schedule().wireName());
                        row.put("publish_at", s.publishAt() == null ? null : s.publishAt().toOffsetDateTime().toString());
                        row.put("expires_at", s.expiresAt() == null ? null : s.expiresAt().toOffsetDateTime().toString());
                        List<Map<String, Object>> ds = new ArrayList<>();
                        for (var d : s.deliveries()) {
                            ds.add(new LinkedHashMap<>(Map.of("target", d.target(), "language", d.language(),
                                    "sent", d.sent(), "parts", d.parts(), "state", d.state(), "message_ids", d.messageIds())));
                        }
                        row.put("deliveries", ds);
                        row.put("problems", s.problems());
                        rows.add(row);
                    }
                    out.println(JSON.writeValueAsString(rows));
                } else {
                    for (AnnouncementStatus s : list) {
                        out.printf("%-28s %-10s %-26s %s%n", s.id(), s.schedule().wireName(),
                                s.publishAt() == null ? "(on /announce publish)" : s.publishAt().toOffsetDateTime(), s.title());
                        for (var d : s.deliveries()) {
                            out.printf("    %-28s %-5s %d/%d %s%n", d.target(), d.language(), d.sent(), d.parts(), d.state());
                        }
                        s.problems().forEach(p -> out.println("    ! " + p));
                    }
                    if (list.isEmpty()) out.println("no announcements in " + setup.dir);
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "import", description = "Read an announcement page into a draft file (no publish_at, no targets).")
    static final class ImportCmd implements Callable<Integer> {
        @Mixin RulesOptions rules;
        @Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "URL") String url;
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "announcements",
                description = "Where to write the draft (default: ${DEFAULT-VALUE}).") Path out;
        @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "2097152",
                description = "Refuse a page larger than this many bytes (default: ${DEFAULT-VALUE}, 2 MiB).") long maxBytes;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
                description = "Give up when the whole page (redirects and body included) has not arrived within this time"
                        + " (default: ${DEFAULT-VALUE}).") long timeoutSeconds;
        @Option(names = "--allow-private-network",
                description = "Also import from loopback, private and link-local addresses (a staging server on your network)."
                        + " Redirects still never leave the page's host and the brand's domains.") boolean allowPrivate;

        @Override
        public Integer call() throws Exception {
            BrandProfile brand = rules.brand();
            URI uri = URI.create(url);
            if (maxBytes <= 0) throw new IllegalArgumentException("--max-bytes: expected a positive number of bytes, got " + maxBytes);
            if (timeoutSeconds <= 0) throw new IllegalArgumentException("--timeout: expected a positive number of seconds, got " + timeoutSeconds);
            AnnouncementImporter.Limits limits = AnnouncementImporter.Limits.forBrand(brand.brand().domains())
                    .withMaxBytes(maxBytes).withDeadline(java.time.Duration.ofSeconds(timeoutSeconds));
            AnnouncementImporter importer = new AnnouncementImporter(allowPrivate ? limits.allowingPrivateAddresses() : limits);
            AnnouncementImporter.Draft draft = importer.fetch(uri);
            Path file = importer.write(draft, out);
            PrintWriter o = spec.commandLine().getOut();
            o.println("wrote " + file);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            boolean official = brand.brand().domains().stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
            if (!official) spec.commandLine().getErr().println("warning: " + host + " is not one of the brand's domains "
                    + brand.brand().domains() + "; check the text before publishing it");
            o.println("next: fill in targets and tags, then: announce preview " + file);
            o.flush();
            return 0;
        }
    }

    @Command(name = "publish", description = "Make an announcement due now; the running bot publishes it on its next tick.")
    static final class PublishCmd implements Callable<Integer> {
        @Mixin Setup setup;
        @Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            try (Database db = Database.fromEnvironment(environment)) {
                setup.announcements(db).publishNow(id, "cli");
                spec.commandLine().getOut().println(id + ": due now; the running bot publishes it on its next tick");
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "cancel", description = "Cancel an announcement: nothing more is published.")
    static final class CancelCmd implements Callable<Integer> {
        @Mixin Setup setup;
        @Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            try (Database db = Database.fromEnvironment(environment)) {
                setup.announcements(db).cancel(id, "cli");
                spec.commandLine().getOut().println(id + ": cancelled; the running bot unpins its messages on its next tick");
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}

package io.tidewatch.announce;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A rules directory (brand with channels, announce texts) and an announcements directory in a temp dir. */
final class Fixture {
    static final String BRAND = """
            brand: {name: "Example Exchange", aliases: ["ExEx"], domains: ["example.com"]}
            official:
              telegram: [{id: 5000000001, username: "ExampleExchange", name: "Example Exchange"}]
              twitter:  [{id: "900000001", username: "ExampleEx", name: "Example Exchange"}]
            support:
              help_center: {url: "https://www.example.com/help"}
              social: {telegram: "https://t.me/ExampleExchange"}
            channels:
              news: {telegram: "-1001000000010"}
              group_zh: {telegram: "-1001000000020", languages: [zh]}
              group_en: {telegram: "-1001000000030", languages: [en]}
            """;
    static final String TEXTS = """
            full_text: {zh: "全文：", en: "Full text:"}
            """;

    final Path root;
    final Path rules;
    final Path announcements;

    Fixture(Path root) {
        this.root = root;
        this.rules = root.resolve("rules");
        this.announcements = root.resolve("announcements");
        try {
            Files.createDirectories(rules);
            Files.createDirectories(announcements);
            Files.writeString(rules.resolve("brand.yaml"), BRAND, StandardCharsets.UTF_8);
            Files.writeString(rules.resolve("announce.yaml"), TEXTS, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BrandProfile brand() { return BrandProfileReader.read(rules.resolve("brand.yaml")); }

    AnnouncementDirectory directory() {
        return AnnouncementDirectory.of(announcements, brand(), rules.resolve("brand.yaml"), rules, host -> false);
    }

    Path write(String name, String text) {
        try {
            Path p = announcements.resolve(name);
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String name) {
        try {
            Files.delete(announcements.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small valid two-language announcement; {@code extra} adds or overrides front matter lines. */
    static String announcement(String id, String frontMatterExtra, String zh, String en) {
        return "---\nid: " + id + "\ntitle: {zh: \"维护通知\", en: \"Maintenance notice\"}\n"
                + "languages: [zh, en]\ntags: [maintenance]\n" + frontMatterExtra + "\n---\n\n## zh\n\n" + zh + "\n\n## en\n\n" + en + "\n";
    }
}

package io.tidewatch.web;

import io.javalin.http.Context;
import io.tidewatch.core.YamlFiles;
import io.tidewatch.policy.TextCatalog;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pages' texts from {@code rules/web/<lang>.yaml}, and which language a request wants: {@code ?lang=}
 * first, then the browser's {@code Accept-Language}, then English.
 */
final class WebTexts {
    private static final Safelist MARKUP = Safelist.basic();

    private final TextCatalog catalog;
    private final Set<String> keys;

    WebTexts(TextCatalog catalog, Set<String> keys) {
        this.catalog = catalog;
        this.keys = Set.copyOf(keys);
    }

    /** Loads {@code rulesDir/web/<lang>.yaml}; English is the reference every language must match. */
    static WebTexts load(Path rulesDir) {
        Path dir = rulesDir.resolve("web");
        TextCatalog catalog = TextCatalog.load(dir);
        Set<String> keys = new java.util.TreeSet<>();
        YamlFiles.tree(dir.resolve(TextCatalog.FALLBACK + ".yaml")).fieldNames().forEachRemaining(keys::add);
        return new WebTexts(catalog, keys);
    }

    /** Every text key (those of the reference language). */
    Set<String> keys() { return keys; }

    List<String> languages() { return catalog.languages().stream().sorted().toList(); }

    String language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null && catalog.languages().contains(asked.toLowerCase(Locale.ROOT))) return asked.toLowerCase(Locale.ROOT);
        String header = ctx.header("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) { // by weight; "zh-CN" asks for "zh"
                    String lang = catalog.language(r.getRange());
                    if (!lang.equals(TextCatalog.FALLBACK) || r.getRange().startsWith(TextCatalog.FALLBACK)) return lang;
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header: fall back to English
            }
        }
        return TextCatalog.FALLBACK;
    }

    /** The text as safe HTML: values are escaped by the catalog, markup in the file is limited to basic tags. */
    String html(String lang, String key, Map<String, String> vars) {
        return Jsoup.clean(catalog.render(lang, key, vars), MARKUP);
    }

    String html(String lang, String key) { return html(lang, key, Map.of()); }

    /** The text without markup, for attributes, JSON and plain-text answers. */
    String plain(String lang, String key, Map<String, String> vars) {
        return Jsoup.parse(catalog.render(lang, key, vars)).text();
    }

    String plain(String lang, String key) { return plain(lang, key, Map.of()); }

    boolean has(String key) { return catalog.has(key); }
}

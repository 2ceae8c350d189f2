package io.tidewatch.announce;

import io.tidewatch.core.Platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders an announcement for every platform and language, and checks what rendering can reveal. */
public final class AnnouncementRenderer {
    private final TelegramRenderer telegram;
    private final TwitterRenderer twitter;
    private final AnnouncementTexts texts;
    private final LinkCheck links;
    private final String defaultFullTextUrl;

    public AnnouncementRenderer(AnnouncementTexts texts, LinkCheck links, String defaultFullTextUrl) {
        this(new TelegramRenderer(), new TwitterRenderer(), texts, links, defaultFullTextUrl);
    }

    AnnouncementRenderer(TelegramRenderer telegram, TwitterRenderer twitter, AnnouncementTexts texts, LinkCheck links,
                         String defaultFullTextUrl) {
        this.telegram = telegram;
        this.twitter = twitter;
        this.texts = texts;
        this.links = links;
        this.defaultFullTextUrl = defaultFullTextUrl;
    }

    public record Result(Rendering rendering, List<Problem> problems) {}

    public Result render(Announcement a) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<String>> tg = new LinkedHashMap<>();
        Map<String, List<String>> tw = new LinkedHashMap<>();
        boolean toTwitter = a.targets().stream().anyMatch(t -> t.platform() == Platform.TWITTER);
        String fullText = a.url() != null ? a.url() : defaultFullTextUrl;
        for (String lang : a.languages()) {
            String body = a.body(lang);
            String where = a.file();
            for (String reason : MarkdownChecks.problems(body)) problems.add(new Problem(where, "body (" + lang + ")", reason));
            for (String link : MarkdownChecks.links(body)) checkLink(where, "body (" + lang + ")", link, problems);
            tg.put(lang, telegram.render(a.title(lang), body, a.image()));
            TwitterRenderer.Result t = twitter.render(a.title(lang), body, fullText, texts.get("full_text", lang));
            tw.put(lang, t.tweets());
            if (t.problem() != null && toTwitter) problems.add(new Problem(where, "twitter (" + lang + ")", t.problem()));
        }
        if (a.image() != null) checkLink(a.file(), "image", a.image(), problems);
        if (a.url() != null) checkLink(a.file(), "url", a.url(), problems);
        return new Result(new Rendering(tg, tw), problems);
    }

    private void checkLink(String file, String field, String link, List<Problem> problems) {
        URI uri = MarkdownChecks.uri(link);
        Optional<String> problem = uri == null ? Optional.of("not a valid URL") : links.problemWith(uri);
        problem.ifPresent(p -> problems.add(new Problem(file, field, "link " + link + ": " + p)));
    }
}

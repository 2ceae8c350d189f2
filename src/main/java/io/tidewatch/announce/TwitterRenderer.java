package io.tidewatch.announce;

import io.tidewatch.core.TweetLength;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown to a tweet, or to a thread when it does not fit: the first tweet carries the title and
 * a link to the full text, the others the body cut at paragraphs, then sentences, then words, then
 * characters (never inside a URL); every tweet of a thread ends in "k/n" and weighs at most 280
 * ({@link TweetLength}). A thread longer than {@link #MAX_PARTS} is refused.
 */
public final class TwitterRenderer {
    public static final int MAX_PARTS = 25;
    private static final Pattern[] BOUNDARIES = {
            Pattern.compile("(?<=[。！？!?；;])|(?<=[.]\\s)"),
            Pattern.compile("(?<=\\s)"),
            Pattern.compile("\\b{g}")};

    /** Tweets, or a problem saying why there are none. */
    public record Result(List<String> tweets, String problem) {
        public Result {
            tweets = List.copyOf(tweets);
        }
    }

    public Result render(String title, String markdown, String fullTextUrl, String fullTextLabel) {
        List<String> paragraphs = PlainText.paragraphs(markdown);
        String body = String.join("\n\n", paragraphs);
        String single = title + (body.isEmpty() ? "" : "\n\n" + body) + "\n\n" + fullTextUrl;
        if (TweetLength.fits(single)) return new Result(List.of(single), null);

        String head = title + "\n\n" + fullTextLabel + (fullTextLabel.endsWith("：") ? "" : " ") + fullTextUrl;
        for (int digits = 1; digits <= 3; digits++) {
            String widest = "\n\n" + "9".repeat(digits) + "/" + "9".repeat(digits);
            int budget = TweetLength.MAX - TweetLength.of(widest);
            if (TweetLength.of(head) > budget) {
                return new Result(List.of(), "the title is too long for the first tweet (" + TweetLength.of(head)
                        + " of " + budget + " weighted characters with the link)");
            }
            List<String> chunks = pack(paragraphs, budget);
            int n = chunks.size() + 1;
            if (String.valueOf(n).length() > digits) continue;
            if (n > MAX_PARTS) {
                return new Result(List.of(), "does not fit even as a thread: needs " + n + " tweets, at most " + MAX_PARTS);
            }
            List<String> tweets = new ArrayList<>();
            tweets.add(head + "\n\n1/" + n);
            for (int k = 0; k < chunks.size(); k++) tweets.add(chunks.get(k) + "\n\n" + (k + 2) + "/" + n);
            return new Result(tweets, null);
        }
        return new Result(List.of(), "does not fit even as a thread of " + MAX_PARTS + " tweets");
    }

    private static List<String> pack(List<String> paragraphs, int budget) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String p : paragraphs) {
            List<String> pieces = TweetLength.of(p) <= budget ? List.of(p) : pieces(p, budget, 0);
            boolean firstPiece = true;
            for (String piece : pieces) {
                String sep = current.length() == 0 ? "" : firstPiece ? "\n\n" : "";
                // measured whole: twitter-text weighs a text, not a sum of parts (a blank part weighs 0)
                if (current.length() == 0 || TweetLength.of(current + sep + piece) <= budget) {
                    current.append(sep).append(piece);
                } else {
                    chunks.add(current.toString().strip());
                    current.setLength(0);
                    current.append(piece.stripLeading());
                }
                firstPiece = false;
            }
        }
        if (!current.toString().isBlank()) chunks.add(current.toString().strip());
        return chunks;
    }

    /** Cuts text into pieces that each fit the budget, at the coarsest boundary that works. */
    private static List<String> pieces(String text, int budget, int level) {
        List<String> raw = new ArrayList<>();
        int pos = 0;
        for (TweetLength.Url url : TweetLength.urls(text)) {
            splitInto(text.substring(pos, url.start()), level, raw);
            raw.add(url.url());
            pos = url.end();
        }
        splitInto(text.substring(pos), level, raw);
        List<String> out = new ArrayList<>();
        for (String piece : raw) {
            if (TweetLength.of(piece.strip()) > budget && level + 1 < BOUNDARIES.length) out.addAll(pieces(piece, budget, level + 1));
            else out.add(piece);
        }
        return out;
    }

    private static void splitInto(String segment, int level, List<String> out) {
        if (segment.isEmpty()) return;
        for (String s : BOUNDARIES[level].split(segment)) if (!s.isEmpty()) out.add(s);
    }
}

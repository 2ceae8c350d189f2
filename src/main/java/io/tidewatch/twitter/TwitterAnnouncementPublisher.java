package io.tidewatch.twitter;

import io.tidewatch.announce.PublishException;
import io.tidewatch.announce.Publisher;
import io.tidewatch.core.Platform;
import io.tidewatch.core.TweetLength;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Publishes announcement parts as tweets of the official account; the announcement ledger
 * ({@code announce.Announcements}) makes each part a reply to the previous one, so a long announcement
 * is a thread. Tweets cannot be edited or pinned through the API. After a crash between posting and
 * recording, {@link #findSent} reads the account's own tweets ({@code GET /2/users/:id/tweets}) and
 * matches the part by its content.
 */
public final class TwitterAnnouncementPublisher implements Publisher {
    /** Tolerance for the difference between our clock and X's created_at. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final int MAX_PAGES = 5;
    private static final String URL_MARK = "\u0000url\u0000";

    private final XApi api;
    private final java.time.Clock clock;

    public TwitterAnnouncementPublisher(XApi api, java.time.Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Platform platform() { return Platform.TWITTER; }

    /**
     * Posts the part. When the answer is lost or says the same text was already posted (X refuses
     * duplicates), it looks for the tweet before anything is posted again.
     */
    @Override
    public String send(String target, String content, String replyTo, boolean pin) throws PublishException {
        Instant started = clock.instant();
        account(target);
        try {
            return api.createTweet(content, replyTo, PostBudget.Purpose.ANNOUNCEMENT);
        } catch (XApiException e) {
            boolean duplicate = e.kind() == XApiException.Kind.FORBIDDEN && e.apiDetail() != null
                    && e.apiDetail().toLowerCase(Locale.ROOT).contains("duplicate");
            if (!e.maybeApplied() && !duplicate) throw new PublishException(e.getMessage(), e.retryable(), e);
            Optional<String> found = findSent(target, content, duplicate ? started.minus(Duration.ofDays(7)) : started);
            if (found.isPresent()) return found.get();
            if (duplicate) {
                throw new PublishException("X refused the part as a duplicate of an earlier tweet that is not among the account's"
                        + " tweets of the last 7 days; not posted", false, e);
            }
            throw new PublishException(e.getMessage() + "; not found among the account's tweets, so it will be sent again later",
                    true, e);
        }
    }

    /** Tweets cannot be edited through the API. */
    @Override
    public boolean edit(String target, String messageId, String content) { return false; }

    /** The API cannot pin tweets: nothing to unpin. */
    @Override
    public void unpin(String target, String messageId) { }

    @Override
    public Optional<String> findSent(String target, String content, Instant since) throws PublishException {
        XUser me = account(target);
        String token = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                XPage<XTweet> p = api.userTweets(me.id(), since.minus(CLOCK_SKEW), token);
                for (XTweet t : p.items()) if (sameContent(t, content)) return Optional.of(t.id());
                token = p.nextToken();
                if (token == null) return Optional.empty();
            }
        } catch (XApiException e) {
            throw new PublishException("looking for the part among the account's tweets: " + e.getMessage(), e.retryable(), e);
        }
        throw new PublishException.Unknowable("more than " + MAX_PAGES * 100 + " tweets since " + since + ": not searched further");
    }

    /** The authenticated account, which must be the target: X posts only as the account the tokens belong to. */
    private XUser account(String target) throws PublishException {
        XUser me;
        try {
            me = api.me();
        } catch (XApiException e) {
            throw new PublishException("reading the official account: " + e.getMessage(), e.retryable(), e);
        }
        String t = target.startsWith("@") ? target.substring(1) : target;
        if (!t.equalsIgnoreCase(me.username()) && !t.equals(me.id())) {
            throw new PublishException("twitter target '" + target + "' is not the account the TWITTER_* credentials belong to (@"
                    + me.username() + "); name that account in brand.yaml", false);
        }
        return me;
    }

    /**
     * Whether a tweet as the API returns it is the part as written: X shows links as t.co links and
     * escapes &amp;, &lt; and &gt;, so links are compared by where they lead and the rest as text.
     */
    static boolean sameContent(XTweet tweet, String content) {
        String shown = PostTranslator.unescape(tweet.text());
        List<String> tweetLinks = new ArrayList<>();
        for (XTweet.Link l : tweet.links()) {
            if (shown.contains(l.tco())) {
                shown = shown.replace(l.tco(), URL_MARK);
                tweetLinks.add(l.expanded() == null ? l.tco() : l.expanded());
            }
        }
        StringBuilder written = new StringBuilder();
        List<String> contentLinks = new ArrayList<>();
        int pos = 0;
        for (TweetLength.Url u : TweetLength.urls(content)) {
            written.append(content, pos, u.start()).append(URL_MARK);
            contentLinks.add(u.url());
            pos = u.end();
        }
        written.append(content.substring(pos));
        if (!normalize(shown).equals(normalize(written.toString())) || tweetLinks.size() != contentLinks.size()) return false;
        for (int i = 0; i < tweetLinks.size(); i++) {
            if (!bare(tweetLinks.get(i)).equals(bare(contentLinks.get(i))) && !tweetLinks.get(i).startsWith("https://t.co/")) return false;
        }
        return true;
    }

    private static String normalize(String s) { return s.replaceAll("\\s+", " ").strip(); }

    private static String bare(String url) {
        return url.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "").replaceFirst("/$", "").toLowerCase(Locale.ROOT);
    }
}

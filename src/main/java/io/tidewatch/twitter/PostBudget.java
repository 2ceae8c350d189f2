package io.tidewatch.twitter;

/**
 * The API tier's caps on posts (tweets a month, DMs a day). {@link XApi} takes one before every post
 * and gives it back when the post certainly did not happen. When the cap runs low, the least important
 * posts stop first ({@link Purpose}); see {@link CountedPostBudget}. {@link #unlimited()} is for tiers
 * without a cap and for tests.
 */
public interface PostBudget {
    enum Kind { TWEET, DM }

    /** What a post is for, most important first. */
    enum Purpose {
        /** A warning about a leak and the steps to revoke it: sent until the cap itself. */
        LEAK_WARNING,
        /** An announcement part. */
        ANNOUNCEMENT,
        /** An answer to a help request: the first to stop when posts run low. */
        SUPPORT
    }

    /** Takes one post; false when the cap (less what is kept back for more important posts) is reached: then nothing is sent. */
    boolean tryTake(Kind kind, Purpose purpose);

    /** Returns a post taken for a call that certainly did not post. */
    void giveBack(Kind kind);

    static PostBudget unlimited() {
        return new PostBudget() {
            @Override
            public boolean tryTake(Kind kind, Purpose purpose) { return true; }

            @Override
            public void giveBack(Kind kind) { }
        };
    }
}

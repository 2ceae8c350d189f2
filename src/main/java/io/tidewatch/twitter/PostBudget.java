package io.tidewatch.twitter;

/**
 * The API tier's monthly cap on posts (tweets and DMs). {@link XApi} takes one before every post and
 * gives it back when the post certainly did not happen. The persistent, configurable cap comes with the
 * Twitter listener; {@link #unlimited()} is for tiers without a cap and for tests.
 */
public interface PostBudget {
    enum Kind { TWEET, DM }

    /** Takes one post of the month; false when the cap is reached (then nothing is sent). */
    boolean tryTake(Kind kind);

    /** Returns a post taken for a call that certainly did not post. */
    void giveBack(Kind kind);

    static PostBudget unlimited() {
        return new PostBudget() {
            @Override
            public boolean tryTake(Kind kind) { return true; }

            @Override
            public void giveBack(Kind kind) { }
        };
    }
}

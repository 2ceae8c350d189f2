-- X (Twitter): posts made per period, so the API tier's caps survive restarts and are shared by every
-- instance on the database: tweets per calendar month (period '2026-12', kind TWEET) and direct
-- messages per day (period '2026-12-01', kind DM). A post is counted before it is sent and uncounted
-- when it certainly did not happen. The last mention and DM event read are kept in polling_offset.
CREATE TABLE twitter_post_count (
    period VARCHAR(10) NOT NULL,
    kind VARCHAR(8) NOT NULL,
    posts INTEGER NOT NULL,
    PRIMARY KEY (period, kind)
);

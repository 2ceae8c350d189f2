-- Announcements: one row per announcement x target x language x part, written BEFORE the part is
-- sent (state 'sending' = intent recorded), so a crash between send and record is reconciled, never
-- resent blindly. The primary key is the claim: two instances cannot both insert the same part.
CREATE TABLE announcement_part (
    announcement_id  VARCHAR(200)  NOT NULL,
    target           VARCHAR(200)  NOT NULL,
    language         VARCHAR(16)   NOT NULL,
    part_no          INTEGER       NOT NULL,
    part_count       INTEGER       NOT NULL,
    content_hash     VARCHAR(64)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    message_id       VARCHAR(100),
    pin              BOOLEAN       NOT NULL,
    attempts         INTEGER       NOT NULL,
    claim_token      VARCHAR(40)   NOT NULL,
    claimed_by       VARCHAR(100)  NOT NULL,
    claimed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sending_since    TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    sent_at          TIMESTAMP WITH TIME ZONE,
    edited_at        TIMESTAMP WITH TIME ZONE,
    edit_refused_hash VARCHAR(64),
    unpinned_at      TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_announcement_part PRIMARY KEY (announcement_id, target, language, part_no),
    CONSTRAINT ck_announcement_part_state CHECK (state IN ('sending', 'sent', 'failed', 'unknown'))
);

CREATE INDEX ix_announcement_part_state ON announcement_part (state);

-- Moderators' decisions: "/announce publish" (due now) and "/announce cancel".
CREATE TABLE announcement_request (
    announcement_id  VARCHAR(200)  NOT NULL PRIMARY KEY,
    requested_at     TIMESTAMP WITH TIME ZONE,
    requested_by     VARCHAR(100),
    cancelled_at     TIMESTAMP WITH TIME ZONE,
    cancelled_by     VARCHAR(100)
);

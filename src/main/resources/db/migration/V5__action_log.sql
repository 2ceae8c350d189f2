-- The audit log doubles as the action log: a decided action is written as a PENDING row, in the
-- same transaction as the update's claim and its incidents, with everything needed to carry it out
-- again (the text, a mute's duration, whether the alert offers undo). It turns DONE or FAILED when
-- the platform answers, DROPPED when it went stale (a warning nobody would read anymore) or was
-- folded into a summary. A PENDING row is leased by the instance carrying it out; a row whose lease
-- ran out (its instance crashed) is taken over by another, or by the same one after a restart.
ALTER TABLE audit_log ADD COLUMN text VARCHAR(4096);
ALTER TABLE audit_log ADD COLUMN duration_seconds BIGINT;
ALTER TABLE audit_log ADD COLUMN undoable BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE audit_log ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE audit_log ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN lease_until TIMESTAMP;
ALTER TABLE audit_log ADD COLUMN next_attempt_at TIMESTAMP;
-- What to say in the post's chat once the action's outcome is known (the group warning after the
-- owner's private message): one text for when it arrived, one for when it could not be delivered.
ALTER TABLE audit_log ADD COLUMN follow_done_text VARCHAR(4096);
ALTER TABLE audit_log ADD COLUMN follow_failed_text VARCHAR(4096);
-- When a message (warning, private message, alert) was handed to the platform: if the process dies
-- before the answer is recorded, nobody can tell whether it arrived, so it is not sent again (a
-- repeated warning is worse than a missing one; removals, by contrast, are always retried).
ALTER TABLE audit_log ADD COLUMN sending_at TIMESTAMP;
CREATE INDEX audit_log_pending ON audit_log (status, next_attempt_at);

-- An update is claimed before its removal is sent (so two live instances never both act), and marked
-- decided in the transaction that records its incidents and actions. A claim left 'claimed' by an
-- instance that died is taken over when the update is served again.
ALTER TABLE processed_update ADD COLUMN state VARCHAR(16) DEFAULT 'decided' NOT NULL;
ALTER TABLE processed_update ADD COLUMN owner VARCHAR(64);

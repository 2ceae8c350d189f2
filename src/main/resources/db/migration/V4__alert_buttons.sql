-- Alert buttons: the callback data of an alert's buttons carries an unguessable token, bound here to
-- the incident, the chat the alert was posted in and (once sent) its message, so a forged
-- callback_data cannot name another incident or be pressed from another chat.
CREATE TABLE alert_button (
    token       VARCHAR(40)  PRIMARY KEY,
    incident_id BIGINT       NOT NULL,
    chat        VARCHAR(64)  NOT NULL,
    message_id  VARCHAR(64),
    created_at  TIMESTAMP    NOT NULL
);
CREATE INDEX alert_button_created ON alert_button (created_at);

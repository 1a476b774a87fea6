-- Every mail the app sends goes through this table: retried with back-off, never sent twice for one dedupe key.
CREATE TABLE mail_outbox
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedupe_key      TEXT        NOT NULL UNIQUE,
    recipient       TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body_text       TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    message_id      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    claimed_at      TIMESTAMPTZ,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('QUEUED', 'SENDING');
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC);

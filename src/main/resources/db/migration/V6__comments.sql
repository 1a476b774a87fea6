CREATE TABLE comment
(
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id           BIGINT      NOT NULL,
    version_number     INT         NOT NULL,
    provision_id       BIGINT,
    quote_start        INT,
    quote_end          INT,
    quote_text         TEXT,
    parent_id          BIGINT REFERENCES comment (id),
    stance             TEXT        NOT NULL CHECK (stance IN ('SUPPORT', 'OPPOSE', 'MODIFY', 'QUESTION')),
    text               TEXT        NOT NULL,
    proposed_text      TEXT,
    -- What the public, the open API and the search index see: phone numbers, ID numbers and e-mails masked.
    text_public        TEXT        NOT NULL,
    proposed_public    TEXT,
    channel            TEXT        NOT NULL CHECK (channel IN ('ONLINE', 'LIAISON_STATION', 'LETTER', 'EMAIL',
                                                               'HEARING', 'EXPERT')),
    station            TEXT,
    account_id         BIGINT,
    author_name        TEXT,
    author_phone       TEXT,
    author_email       TEXT,
    anonymous          BOOLEAN     NOT NULL DEFAULT FALSE,
    name_public        BOOLEAN     NOT NULL DEFAULT FALSE,
    entered_by         TEXT,
    receipt            TEXT        NOT NULL UNIQUE,
    status             TEXT        NOT NULL CHECK (status IN ('PUBLISHED', 'HELD', 'HIDDEN')),
    moderation_reason  TEXT,
    flags              TEXT[]      NOT NULL DEFAULT '{}',
    idempotency_key    TEXT,
    supports           INT         NOT NULL DEFAULT 0,
    row_version        BIGINT      NOT NULL DEFAULT 1,
    received_on        DATE,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CHECK (length(text) BETWEEN 1 AND 5000),
    CHECK (proposed_text IS NULL OR length(proposed_text) <= 5000)
);
-- A repeated submit with the same key returns the first comment instead of making a second one.
CREATE UNIQUE INDEX comment_idempotency_uk ON comment (draft_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX comment_draft_idx ON comment (draft_id, created_at DESC);
CREATE INDEX comment_provision_idx ON comment (provision_id);
CREATE INDEX comment_account_idx ON comment (account_id, created_at DESC);
CREATE INDEX comment_parent_idx ON comment (parent_id);

CREATE TABLE comment_support
(
    comment_id BIGINT      NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    account_id BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (comment_id, account_id)
);

CREATE TABLE comment_report
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id  BIGINT      NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    reporter    TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ,
    UNIQUE (comment_id, reporter)
);

CREATE TABLE sensitive_word
(
    word       TEXT PRIMARY KEY,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Consent to the personal-information notice (个人信息保护法), once per account.
CREATE TABLE privacy_consent
(
    account_id  BIGINT PRIMARY KEY,
    notice      TEXT        NOT NULL,
    accepted_at TIMESTAMPTZ NOT NULL
);

-- Proof-of-work challenges already used by anonymous commenters; a challenge works once.
CREATE TABLE challenge_use
(
    challenge_id TEXT PRIMARY KEY,
    used_at      TIMESTAMPTZ NOT NULL
);

-- The disposition every comment inherits from its consolidated opinion (written by the feedback desk on approval).
ALTER TABLE comment ADD COLUMN disposition TEXT;
ALTER TABLE comment ADD COLUMN disposition_reason TEXT;
ALTER TABLE comment ADD COLUMN disposition_at TIMESTAMPTZ;

-- A consolidated opinion (归并意见): comments saying the same thing, with the clerk's summary and the disposition.
CREATE TABLE opinion
(
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id             BIGINT      NOT NULL,
    summary              TEXT        NOT NULL,
    article_keys         TEXT[]      NOT NULL DEFAULT '{}',
    assignee             TEXT,
    state                TEXT        NOT NULL CHECK (state IN ('NEW', 'IN_REVIEW', 'PROPOSED', 'APPROVED')),
    disposition          TEXT CHECK (disposition IN ('ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED', 'ALREADY_REFLECTED',
                                                     'OUT_OF_SCOPE')),
    reason               TEXT,
    changed_provision_id BIGINT,
    proposed_by          TEXT,
    approved_by          TEXT,
    approved_at          TIMESTAMPTZ,
    source               TEXT        NOT NULL,
    created_by           TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CHECK (length(summary) BETWEEN 1 AND 2000),
    CHECK (reason IS NULL OR length(reason) <= 2000)
);
CREATE INDEX opinion_draft ON opinion (draft_id, state);

-- A comment belongs to at most one opinion at a time; moves are kept in opinion_event.
CREATE TABLE opinion_member
(
    comment_id BIGINT PRIMARY KEY REFERENCES comment (id),
    opinion_id BIGINT      NOT NULL REFERENCES opinion (id),
    added_by   TEXT        NOT NULL,
    added_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX opinion_member_opinion ON opinion_member (opinion_id);

-- The record: every creation, move, proposal, approval and return, never deleted.
CREATE TABLE opinion_event
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opinion_id BIGINT      NOT NULL REFERENCES opinion (id),
    comment_id BIGINT,
    action     TEXT        NOT NULL,
    detail     TEXT,
    actor      TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX opinion_event_opinion ON opinion_event (opinion_id, id);

-- Reusable reasons, most used first.
CREATE TABLE reason_phrase
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    text       TEXT        NOT NULL UNIQUE,
    uses       INT         NOT NULL DEFAULT 0,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- The adoption report (征求意见情况及采纳情况说明) of a draft: its introduction, due date and publication.
CREATE TABLE adoption_report
(
    draft_id     BIGINT PRIMARY KEY,
    introduction TEXT        NOT NULL DEFAULT '',
    due_on       DATE,
    published_at TIMESTAMPTZ,
    published_by TEXT
);

-- Citizens who asked to be told by e-mail when a draft's report is published.
CREATE TABLE report_subscription
(
    draft_id   BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (draft_id, account_id)
);

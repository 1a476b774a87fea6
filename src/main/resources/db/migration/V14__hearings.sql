-- Legislative hearings (山东省人大常委会制定地方性法规听证规定, 2019): the hearing of a draft, its matters in
-- dispute, hearers, registrations of speakers (陈述人) and observers (旁听人), the recorded lottery, the transcript
-- (笔录) with speakers' correction requests (第27条), and the report (第28条).
CREATE TABLE hearing
(
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id               BIGINT      NOT NULL,
    title                  TEXT        NOT NULL,
    place                  TEXT,
    online_link            TEXT,
    starts_at              TIMESTAMPTZ NOT NULL,
    notice_days            INT         NOT NULL,
    speaker_capacity       INT         NOT NULL CHECK (speaker_capacity > 0),
    observer_capacity      INT         NOT NULL CHECK (observer_capacity >= 0),
    speaking_minutes       INT         NOT NULL DEFAULT 8,
    announced_at           TIMESTAMPTZ,
    registration_closes_at TIMESTAMPTZ,
    seed                   TEXT,
    seed_announced_at      TIMESTAMPTZ,
    drawn_at               TIMESTAMPTZ,
    speakers_notified_at   TIMESTAMPTZ,
    observers_notified_at  TIMESTAMPTZ,
    held_at                TIMESTAMPTZ,
    review_until           TIMESTAMPTZ,
    signed_off_at          TIMESTAMPTZ,
    signed_off_by          TEXT,
    report_facts           TEXT,
    report_published_at    TIMESTAMPTZ,
    created_by             TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX hearing_draft_idx ON hearing (draft_id);

CREATE TABLE hearing_matter
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hearing_id    BIGINT   NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
    position      INT      NOT NULL,
    title         TEXT     NOT NULL,
    provision_ids BIGINT[] NOT NULL DEFAULT '{}',
    handling      TEXT
);
CREATE INDEX hearing_matter_hearing_idx ON hearing_matter (hearing_id, position);

CREATE TABLE hearing_hearer
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hearing_id  BIGINT  NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
    position    INT     NOT NULL,
    name        TEXT    NOT NULL,
    affiliation TEXT,
    presiding   BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE hearing_registration
(
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hearing_id     BIGINT      NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
    number         INT         NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('SPEAKER', 'OBSERVER')),
    name           TEXT        NOT NULL,
    email          TEXT        NOT NULL,
    sector         TEXT,
    district       TEXT,
    expertise      TEXT,
    key_points     TEXT,
    locale         TEXT        NOT NULL DEFAULT 'zh-CN',
    invited        BOOLEAN     NOT NULL DEFAULT FALSE,
    outcome        TEXT        NOT NULL DEFAULT 'PENDING'
        CHECK (outcome IN ('PENDING', 'SELECTED', 'WAITING', 'NOT_SELECTED', 'ADMITTED')),
    waiting_rank   INT,
    speaking_order INT,
    created_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (hearing_id, number)
);
CREATE UNIQUE INDEX hearing_registration_once_idx ON hearing_registration (hearing_id, role, lower(email));

CREATE TABLE hearing_stance
(
    registration_id BIGINT NOT NULL REFERENCES hearing_registration (id) ON DELETE CASCADE,
    matter_id       BIGINT NOT NULL REFERENCES hearing_matter (id) ON DELETE CASCADE,
    stance          TEXT   NOT NULL CHECK (stance IN ('FOR', 'AGAINST', 'OTHER')),
    PRIMARY KEY (registration_id, matter_id)
);

-- Links in mails; only the SHA-256 of a token is kept.
CREATE TABLE hearing_token
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registration_id BIGINT      NOT NULL REFERENCES hearing_registration (id) ON DELETE CASCADE,
    purpose         TEXT        NOT NULL,
    token_hash      TEXT        NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE hearing_entry
(
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hearing_id       BIGINT      NOT NULL REFERENCES hearing (id) ON DELETE CASCADE,
    position         INT         NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('STATEMENT', 'QUESTION', 'ANSWER', 'NOTE')),
    registration_id  BIGINT REFERENCES hearing_registration (id),
    speaker_label    TEXT        NOT NULL,
    matter_id        BIGINT REFERENCES hearing_matter (id),
    provision_id     BIGINT,
    text             TEXT        NOT NULL,
    reasons          TEXT,
    duration_seconds INT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX hearing_entry_hearing_idx ON hearing_entry (hearing_id, position);

CREATE TABLE hearing_correction
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id        BIGINT      NOT NULL REFERENCES hearing_entry (id) ON DELETE CASCADE,
    registration_id BIGINT      NOT NULL REFERENCES hearing_registration (id),
    requested_text  TEXT        NOT NULL,
    note            TEXT,
    state           TEXT        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'ACCEPTED', 'REJECTED')),
    resolution      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    resolved_at     TIMESTAMPTZ
);

-- Attachments of a queued mail (the .ics invitation, the draft); OutboxSender sends them as a multipart message.
CREATE TABLE mail_attachment
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mail_id      BIGINT NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    position     INT    NOT NULL,
    filename     TEXT   NOT NULL,
    content_type TEXT   NOT NULL,
    content      BYTEA  NOT NULL
);
CREATE INDEX mail_attachment_mail_idx ON mail_attachment (mail_id, position);

-- A consultation of experts on a draft (论证会 or written), the draws with their seeds, invitations and opinions.
CREATE TABLE expert_consultation
(
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id       BIGINT      NOT NULL,
    draft_title    TEXT        NOT NULL,
    department     TEXT,
    kind           TEXT        NOT NULL CHECK (kind IN ('MEETING', 'WRITTEN')),
    title          TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    provision_ids  BIGINT[]    NOT NULL DEFAULT '{}',
    fields         TEXT[]      NOT NULL DEFAULT '{}',
    stakeholders   TEXT[]      NOT NULL DEFAULT '{}',
    wanted         INT         NOT NULL CHECK (wanted BETWEEN 1 AND 50),
    seed           BIGINT      NOT NULL,
    answer_within  INTERVAL    NOT NULL,
    opinion_due    TIMESTAMPTZ NOT NULL,
    meeting_at     TIMESTAMPTZ,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX expert_consultation_draft ON expert_consultation (draft_id);

-- Every draw: its seed and the eligible candidates in the order they were considered, so anyone can recompute it.
CREATE TABLE expert_draw
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES expert_consultation (id),
    round           INT         NOT NULL,
    seed            BIGINT      NOT NULL,
    wanted          INT         NOT NULL,
    candidates      TEXT        NOT NULL,
    picked          BIGINT[]    NOT NULL,
    reason          TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    UNIQUE (consultation_id, round)
);

CREATE TABLE expert_invitation
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id   BIGINT      NOT NULL REFERENCES expert_consultation (id),
    expert_id         BIGINT      NOT NULL REFERENCES expert (id),
    source            TEXT        NOT NULL CHECK (source IN ('DRAW', 'MANUAL', 'REPLACEMENT')),
    status            TEXT        NOT NULL CHECK (status IN ('PROPOSED', 'INVITED', 'ACCEPTED', 'DECLINED', 'CONFLICT',
                                                             'EXPIRED', 'REMOVED')),
    invited_at        TIMESTAMPTZ,
    expires_at        TIMESTAMPTZ,
    reminded_at       TIMESTAMPTZ,
    answered_at       TIMESTAMPTZ,
    answer_note       TEXT,
    declaration       TEXT,
    attendance        TEXT CHECK (attendance IN ('ATTENDED', 'EXCUSED', 'ABSENT')),
    opinion_at        TIMESTAMPTZ,
    replaced          BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (consultation_id, expert_id)
);
CREATE INDEX expert_invitation_due ON expert_invitation (expires_at) WHERE status = 'INVITED';
CREATE INDEX expert_invitation_expert ON expert_invitation (expert_id, invited_at);

-- The clerk's changes to a drawn list, each with its reason.
CREATE TABLE expert_adjustment
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id BIGINT      NOT NULL REFERENCES expert_consultation (id),
    expert_id       BIGINT      NOT NULL REFERENCES expert (id),
    action          TEXT        NOT NULL CHECK (action IN ('ADD', 'REMOVE')),
    reason          TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    actor           TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL
);

-- One structured opinion per provision (NULL: the draft as a whole), each also a comment of channel EXPERT.
CREATE TABLE expert_opinion
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invitation_id BIGINT      NOT NULL REFERENCES expert_invitation (id),
    provision_id  BIGINT,
    stance        TEXT        NOT NULL,
    text          TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
    proposed_text TEXT,
    comment_id    BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX expert_opinion_once ON expert_opinion (invitation_id, coalesce(provision_id, 0));

CREATE TABLE expert_attachment
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invitation_id BIGINT      NOT NULL REFERENCES expert_invitation (id),
    filename      TEXT        NOT NULL,
    content_type  TEXT        NOT NULL,
    content       BYTEA       NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX expert_attachment_invitation ON expert_attachment (invitation_id);

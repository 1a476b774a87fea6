-- The expert pool (立法咨询专家库). Fields come from an editable taxonomy; statuses follow the appointment procedure:
-- candidate → public notice of 7 working days (第5条 of a municipal 立法咨询专家 rule) → appointed → suspended/retired.
CREATE TABLE expert_field
(
    code     TEXT PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{1,40}$'),
    name_zh  TEXT    NOT NULL,
    name_en  TEXT    NOT NULL,
    position INT     NOT NULL DEFAULT 0,
    active   BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO expert_field (code, name_zh, name_en, position)
VALUES ('law', '法学', 'Law', 1),
       ('urban-construction', '城乡建设', 'Urban and rural construction', 2),
       ('property-management', '物业管理', 'Property management', 3),
       ('finance-economics', '财政经济', 'Public finance and economics', 4),
       ('ecology-environment', '生态环境', 'Ecology and environment', 5),
       ('sociology', '社会学', 'Sociology', 6),
       ('language', '语言文字', 'Language and drafting style', 7);

CREATE TABLE expert
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    title             TEXT,
    organisation      TEXT,
    sector            TEXT        NOT NULL CHECK (sector IN ('ACADEMIA', 'LEGAL_PRACTICE', 'INDUSTRY', 'GOVERNMENT',
                                                             'CIVIL_SOCIETY')),
    biography         TEXT,
    email             TEXT        NOT NULL,
    phone             TEXT,
    locale            TEXT        NOT NULL DEFAULT 'zh-CN',
    status            TEXT        NOT NULL CHECK (status IN ('CANDIDATE', 'PUBLIC_NOTICE', 'APPOINTED', 'SUSPENDED',
                                                             'RETIRED')),
    notice_ends_on    DATE,
    term_start        DATE,
    term_end          DATE,
    committee_member  BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX expert_email ON expert (lower(email));
CREATE INDEX expert_status ON expert (status);

CREATE TABLE expert_field_of
(
    expert_id  BIGINT NOT NULL REFERENCES expert (id) ON DELETE CASCADE,
    field_code TEXT   NOT NULL REFERENCES expert_field (code),
    PRIMARY KEY (expert_id, field_code)
);

-- Declared interests: organisations the expert works for, advises, owns a share of or sits on the board of.
CREATE TABLE expert_interest
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    expert_id    BIGINT      NOT NULL REFERENCES expert (id) ON DELETE CASCADE,
    organisation TEXT        NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
    role         TEXT,
    declared_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX expert_interest_expert ON expert_interest (expert_id);

-- The key that signs invitation links; generated once, so links survive restarts and work on every instance.
CREATE TABLE expert_link_key
(
    id     INT PRIMARY KEY CHECK (id = 1),
    secret TEXT NOT NULL
);

CREATE TABLE draft
(
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title                TEXT        NOT NULL,
    summary              TEXT,
    drafting_department  TEXT,
    opens_at             TIMESTAMPTZ,
    closes_at            TIMESTAMPTZ,
    adopted_at           TIMESTAMPTZ,
    closed_announced_at  TIMESTAMPTZ,
    allow_anonymous      BOOLEAN     NOT NULL DEFAULT FALSE,
    show_comments        BOOLEAN     NOT NULL DEFAULT TRUE,
    created_by           TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);

CREATE TABLE draft_version
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id     BIGINT      NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    number       INT         NOT NULL,
    label        TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    preamble     TEXT        NOT NULL DEFAULT '',
    explanation  TEXT        NOT NULL DEFAULT '',
    source_text  TEXT        NOT NULL,
    chapters     INT         NOT NULL,
    sections     INT         NOT NULL,
    articles     INT         NOT NULL,
    paragraphs   INT         NOT NULL,
    items        INT         NOT NULL,
    subitems     INT         NOT NULL,
    created_by   TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    UNIQUE (draft_id, number)
);

-- One row per provision of one version: its id is what comments point at, its key what links point at.
CREATE TABLE provision
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES draft_version (id) ON DELETE CASCADE,
    draft_id   BIGINT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    parent_id  BIGINT REFERENCES provision (id) ON DELETE CASCADE,
    position   INT    NOT NULL,
    kind       TEXT   NOT NULL CHECK (kind IN ('PART', 'CHAPTER', 'SECTION', 'ARTICLE', 'PARAGRAPH', 'ITEM', 'SUBITEM')),
    number     INT    NOT NULL,
    key        TEXT   NOT NULL,
    label      TEXT   NOT NULL,
    heading    TEXT,
    text       TEXT   NOT NULL,
    UNIQUE (version_id, key)
);
CREATE INDEX provision_version_position_idx ON provision (version_id, position);
CREATE INDEX provision_parent_idx ON provision (parent_id);

-- How provisions of one version continue in the next: comments follow these links to the current text.
CREATE TABLE provision_link
(
    old_id     BIGINT           NOT NULL REFERENCES provision (id) ON DELETE CASCADE,
    new_id     BIGINT           NOT NULL REFERENCES provision (id) ON DELETE CASCADE,
    similarity DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (old_id, new_id)
);
CREATE INDEX provision_link_new_idx ON provision_link (new_id);

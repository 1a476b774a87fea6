-- A clerk's saved searches (query and filters), private to their owner.
CREATE TABLE saved_search
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner      TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    draft_id   BIGINT      NOT NULL,
    params     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (owner, name)
);

-- Sentence vectors of comments (computed once in the background), so an index rebuild need not recompute them.
CREATE TABLE comment_embedding
(
    comment_id BIGINT PRIMARY KEY REFERENCES comment (id) ON DELETE CASCADE,
    model      TEXT        NOT NULL,
    text_hash  TEXT        NOT NULL,
    vector     REAL[]      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

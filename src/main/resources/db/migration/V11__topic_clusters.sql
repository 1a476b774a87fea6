-- Topic clusters of a draft's comments: per article (scope 'a12') and for the whole draft (scope 'draft').
-- Clusters are recomputed; frozen ones, and the names clerks gave, survive that.
CREATE TABLE topic_cluster
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id     BIGINT      NOT NULL,
    scope        TEXT        NOT NULL,
    label        TEXT        NOT NULL,
    keywords     TEXT[]      NOT NULL,
    label_edited BOOLEAN     NOT NULL DEFAULT FALSE,
    frozen       BOOLEAN     NOT NULL DEFAULT FALSE,
    centroid     REAL[],
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX topic_cluster_draft ON topic_cluster (draft_id, scope);

CREATE TABLE topic_member
(
    cluster_id BIGINT NOT NULL REFERENCES topic_cluster (id) ON DELETE CASCADE,
    comment_id BIGINT NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    PRIMARY KEY (cluster_id, comment_id)
);
CREATE INDEX topic_member_comment ON topic_member (comment_id);

-- One row per computed scope: the corpus mean that new comments are centred with before they are assigned.
CREATE TABLE topic_run
(
    draft_id    BIGINT      NOT NULL,
    scope       TEXT        NOT NULL,
    mean        REAL[]      NOT NULL,
    comments    INT         NOT NULL,
    millis      BIGINT      NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (draft_id, scope)
);

-- How far each comment is from every topic of its draft; the novel-comments queue reads it, clerks tick items off.
CREATE TABLE topic_novelty
(
    comment_id BIGINT PRIMARY KEY REFERENCES comment (id) ON DELETE CASCADE,
    draft_id   BIGINT           NOT NULL,
    similarity DOUBLE PRECISION NOT NULL,
    seen_by    TEXT,
    seen_at    TIMESTAMPTZ
);
CREATE INDEX topic_novelty_draft ON topic_novelty (draft_id, similarity);

-- Pairs linked by the campaign detector's vector rule (very close sentence vectors and shared shingles). Stored so a
-- restart reloads them instead of searching every comment's neighbours again.
CREATE TABLE campaign_link
(
    draft_id BIGINT NOT NULL,
    a        BIGINT NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    b        BIGINT NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    PRIMARY KEY (a, b)
);
CREATE INDEX campaign_link_draft ON campaign_link (draft_id);

-- Whether a comment's neighbours were searched for its current vector (a new text gets a new vector and search).
ALTER TABLE comment_embedding ADD COLUMN neighbours_checked BOOLEAN NOT NULL DEFAULT FALSE;

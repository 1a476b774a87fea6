-- ShedLock's table: a scheduled job runs on one app instance at a time when several share this database.
CREATE TABLE shedlock
(
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- Each instance keeps campaign detection in memory and reads what other instances took in since its last look.
CREATE INDEX comment_updated_idx ON comment (updated_at);

-- How often a scope was computed: shows on the topics page, and proves a recomputation ran once across instances.
ALTER TABLE topic_run ADD COLUMN runs INT NOT NULL DEFAULT 1;

-- Settings an administrator changes in the UI without a restart (rate limits, retention periods); a missing row means
-- the configured default (application.yml). Every change is also written to the audit log.
CREATE TABLE setting
(
    name       TEXT        PRIMARY KEY,
    value      TEXT        NOT NULL,
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

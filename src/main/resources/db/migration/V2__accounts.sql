CREATE TABLE account
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username          TEXT        NOT NULL,
    email             TEXT,
    display_name      TEXT        NOT NULL,
    password_hash     TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
    locale            TEXT        NOT NULL DEFAULT 'zh-CN',
    email_verified_at TIMESTAMPTZ,
    failed_logins     INT         NOT NULL DEFAULT 0,
    locked_until      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
-- Logins and e-mails are compared case-insensitively; two accounts may never differ only by case.
CREATE UNIQUE INDEX account_username_uk ON account (lower(username));
CREATE UNIQUE INDEX account_email_uk ON account (lower(email));

CREATE TABLE account_role
(
    account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       TEXT   NOT NULL CHECK (role IN ('CITIZEN', 'DRAFTER', 'ADMIN', 'EXPERT')),
    PRIMARY KEY (account_id, role)
);

-- One-time links (e-mail verification, password reset); only a hash of the token is stored.
CREATE TABLE account_token
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX account_token_account_idx ON account_token (account_id, purpose);

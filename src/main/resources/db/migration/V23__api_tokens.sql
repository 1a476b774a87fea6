-- Personal API tokens for programs that call the JSON API (an offline-entry station, a newsroom's client, the load
-- benchmark): a password would have to be checked with Argon2id on every request, a random token only with SHA-256.
-- Only the hash is stored; the token is shown once when it is created.
CREATE TABLE api_token
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    hint         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_token_account_idx ON api_token (account_id);

-- The repeat check (same author, same text, same draft, last ten minutes) found the author's comments of the window
-- by account or by address and compared their texts one by one: an author who sends a lot (a liaison station entering
-- letters, an organisation's API token) made each of its submissions slower than the one before, and in the load
-- benchmark it was the most expensive statement of all (3 ms of PostgreSQL per submission after a minute). With the
-- text's hash in the key each check reads only the rows that really repeat the text.
DROP INDEX comment_author_email_idx;
CREATE INDEX comment_repeat_email_idx ON comment (lower(author_email), draft_id, md5(text), created_at);
CREATE INDEX comment_repeat_account_idx ON comment (account_id, draft_id, md5(text), created_at)
    WHERE account_id IS NOT NULL;

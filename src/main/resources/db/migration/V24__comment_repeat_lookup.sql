-- Every submission asks whether the same author sent the same text to the draft in the last minutes (the REPEATED
-- flag). By account the account index answers it; by e-mail address no index did, so PostgreSQL read every comment
-- the draft received in that window to compare addresses: during a last-day flood, thousands of rows per submission.
CREATE INDEX comment_author_email_idx ON comment (lower(author_email), created_at DESC);

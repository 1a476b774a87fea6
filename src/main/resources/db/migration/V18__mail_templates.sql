-- Administrators' wording of a mail, per message key (mail.receipt.subject …) and language; none = the default text
-- of the messages files. Placeholders {0} {1} … as in the messages files (java.text.MessageFormat).
CREATE TABLE mail_template
(
    message_key TEXT        NOT NULL,
    language    TEXT        NOT NULL,
    text        TEXT        NOT NULL,
    updated_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (message_key, language)
);

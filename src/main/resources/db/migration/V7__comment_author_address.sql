-- Citizens may leave a postal address (optional, never shown), as paper comments often carry one.
ALTER TABLE comment ADD COLUMN author_address TEXT;

-- The login throttle's memory (issue 19): failed logins of the last fifteen minutes, per account and per
-- client address, in the database, so that a restart does not forget them and every instance that
-- shares the database counts them all. Rows older than the window are deleted as new ones come in.
CREATE TABLE login_failure (
    id       INTEGER PRIMARY KEY,
    -- "u:" and the username as typed (lower case), or "a:" and the client address; a longer one as
    -- "h:" and its SHA-256
    subject  TEXT    NOT NULL CHECK (length(subject) BETWEEN 2 AND 200),
    -- milliseconds since 1970
    at       INTEGER NOT NULL
);
CREATE INDEX login_failure_subject ON login_failure (subject, at);
CREATE INDEX login_failure_at ON login_failure (at);

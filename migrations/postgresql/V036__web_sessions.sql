-- Login sessions in the database (issue 19): they survive a restart or an update of the server and are
-- valid on every instance that shares this database; a logout or a password change ends them everywhere
-- at once. The session id is the cookie's secret: only its SHA-256 is kept, as with API tokens, so a copy
-- of the database signs nobody in. (SQLite's twin: migrations/V036__web_sessions.sql.)
CREATE TABLE web_session (
    id_sha256      TEXT    PRIMARY KEY CHECK (length(id_sha256) = 64),
    -- who signed in with it (NULL before signing in): a password change ends the account's other sessions
    username       TEXT,
    -- Jetty's times, in milliseconds since 1970 (expiry 0: never)
    created        BIGINT  NOT NULL,
    accessed       BIGINT  NOT NULL,
    last_accessed  BIGINT  NOT NULL,
    cookie_set     BIGINT  NOT NULL,
    expiry         BIGINT  NOT NULL,
    max_inactive   BIGINT  NOT NULL,
    -- when Jetty last wrote it: a session only used, not changed, is written again after a while
    last_saved     BIGINT  NOT NULL,
    -- the session's attributes (pac4j's profile, a destination after signing in), serialized by Jetty
    attributes     BYTEA   NOT NULL
);
CREATE INDEX web_session_expiry ON web_session (expiry);
CREATE INDEX web_session_username ON web_session (username);

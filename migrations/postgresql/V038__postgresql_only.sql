-- Issue 19: what only PostgreSQL needs (SQLite's twin, migrations/V038__postgresql_only.sql, has nothing
-- to do).
--
-- SQLite's instr(text, part) - the position of part's first occurrence in text, counted from 1; 0 when it
-- does not occur; NULL when either is NULL - under its SQLite name, so that the statements that look for a
-- text in stored rows (the redaction's) are the same text on both databases.
CREATE FUNCTION instr(haystack text, needle text) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN strpos(haystack, needle);

-- The attachments' contents. On SQLite they are files in the data directory; instances that share a
-- PostgreSQL server share nothing else, so the contents are kept here, by their SHA-256, each once.
-- Every instance keeps a copy of what it served in its own data directory (files/StoredFiles). Rows are
-- only ever added: a revision keeps its files forever, as it keeps its text.
CREATE TABLE stored_file (
    sha256     TEXT   PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size       BIGINT NOT NULL CHECK (size >= 0),
    content    BYTEA  NOT NULL,
    stored_at  TEXT   NOT NULL,
    CHECK (length(content) = size)
);
CREATE FUNCTION stored_file_unchanged_fn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stored files are never changed or removed';
END
$$;
CREATE TRIGGER stored_file_unchanged BEFORE UPDATE OR DELETE ON stored_file
    FOR EACH ROW EXECUTE FUNCTION stored_file_unchanged_fn();

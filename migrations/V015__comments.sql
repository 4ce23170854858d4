-- Discussion inside the koppelzone (issue 16, point 3): members comment on an agreement, optionally on
-- one paragraph (block) of the revision they read. A comment records that revision, the block's index
-- and the SHA-256 of the block's text, so the page can say whether that paragraph has changed since.
-- A thread is a top-level comment (reply_to NULL) and its replies; only a thread is resolved.
-- Comments are never deleted; an edit keeps the earlier text in comment_edit.

CREATE TABLE comment (
    id               INTEGER PRIMARY KEY,
    agreement_id     INTEGER NOT NULL REFERENCES agreement (id),
    reply_to         INTEGER REFERENCES comment (id),
    account_id       INTEGER NOT NULL REFERENCES account (id),
    author_name      TEXT NOT NULL CHECK (length(author_name) BETWEEN 1 AND 100),
    body             TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    revision_number  INTEGER NOT NULL CHECK (revision_number >= 1),
    block_index      INTEGER CHECK (block_index IS NULL OR block_index >= 0),
    block_sha256     TEXT CHECK (block_sha256 IS NULL OR length(block_sha256) = 64),
    block_excerpt    TEXT CHECK (block_excerpt IS NULL OR length(block_excerpt) <= 200),
    created_at       TEXT NOT NULL,
    edited_at        TEXT,
    resolved_at      TEXT,
    resolved_by      TEXT CHECK (resolved_by IS NULL OR length(resolved_by) BETWEEN 1 AND 100),
    CHECK ((block_index IS NULL) = (block_sha256 IS NULL)),
    CHECK (reply_to IS NULL OR resolved_at IS NULL)
);
CREATE INDEX comment_agreement ON comment (agreement_id, id);

CREATE TRIGGER comment_no_delete BEFORE DELETE ON comment
BEGIN
    SELECT RAISE(ABORT, 'comments are never deleted');
END;

-- The text a comment had before each edit, oldest first.
CREATE TABLE comment_edit (
    id          INTEGER PRIMARY KEY,
    comment_id  INTEGER NOT NULL REFERENCES comment (id),
    body        TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX comment_edit_comment ON comment_edit (comment_id);

CREATE TRIGGER comment_edit_append_only BEFORE UPDATE ON comment_edit
BEGIN
    SELECT RAISE(ABORT, 'comment history is append-only');
END;

CREATE TRIGGER comment_edit_no_delete BEFORE DELETE ON comment_edit
BEGIN
    SELECT RAISE(ABORT, 'comment history is append-only');
END;

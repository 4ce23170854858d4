-- Redaction of a waardelek's texts (issue 18 with issue 17's redaction; docs/PRIVACY.md): a beheerder, on the
-- request of a voorzitter of the leak's koppelzone, replaces a whole field of the leak (title, description,
-- example, reason) or a whole comment on it by "[verwijderd: persoonsgegeven]". The leak row itself is not
-- append-only, but its history (the reason is copied into status events) and its comments are: as with the
-- other redactions, only their text may change, and only while the redaction marks the leak or the comment
-- here inside its own transaction.
CREATE TABLE redaction_pending_leak (
    kind       TEXT NOT NULL CHECK (kind IN ('event', 'comment')),
    source_id  INTEGER NOT NULL,
    PRIMARY KEY (kind, source_id)
);

DROP TRIGGER leak_event_no_update;
CREATE TRIGGER leak_event_no_update BEFORE UPDATE ON leak_event
WHEN NOT EXISTS (SELECT 1 FROM redaction_pending_leak WHERE kind = 'event' AND source_id = OLD.leak_id)
   OR NEW.id IS NOT OLD.id OR NEW.leak_id IS NOT OLD.leak_id OR NEW.kind IS NOT OLD.kind
   OR NEW.status IS NOT OLD.status OR NEW.author_name IS NOT OLD.author_name OR NEW.at IS NOT OLD.at
BEGIN
    SELECT RAISE(ABORT, 'leak history is append-only');
END;

DROP TRIGGER leak_comment_no_update;
CREATE TRIGGER leak_comment_no_update BEFORE UPDATE ON leak_comment
WHEN NOT EXISTS (SELECT 1 FROM redaction_pending_leak WHERE kind = 'comment' AND source_id = OLD.id)
   OR NEW.id IS NOT OLD.id OR NEW.leak_id IS NOT OLD.leak_id OR NEW.account_id IS NOT OLD.account_id
   OR NEW.author_name IS NOT OLD.author_name OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'leak comments are append-only');
END;

-- A redacted comment is scanned again, so that the register of findings (V021) forgets what was removed.
CREATE TRIGGER privacy_scan_leak_comment_update AFTER UPDATE OF body ON leak_comment
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('leak_comment', NEW.id);
END;

-- The record of such a redaction: which field (or comment), both hashes, why, who asked and who did it;
-- never the text. Append-only.
CREATE TABLE leak_redaction (
    id                       INTEGER PRIMARY KEY,
    leak_id                  INTEGER NOT NULL REFERENCES leak (id),
    comment_id               INTEGER REFERENCES leak_comment (id),
    field                    TEXT NOT NULL CHECK (field IN ('title', 'description', 'example', 'reason', 'comment')),
    koppelzone_id            INTEGER NOT NULL REFERENCES koppelzone (id),
    old_sha256               TEXT NOT NULL CHECK (length(old_sha256) = 64),
    new_sha256               TEXT NOT NULL CHECK (length(new_sha256) = 64),
    reason                   TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    requested_by             TEXT NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 100),
    requested_by_account_id  INTEGER NOT NULL REFERENCES account (id),
    redacted_by              TEXT NOT NULL CHECK (length(redacted_by) BETWEEN 1 AND 100),
    redacted_by_account_id   INTEGER REFERENCES account (id),
    redacted_at              TEXT NOT NULL,
    CHECK ((field = 'comment') = (comment_id IS NOT NULL))
);
CREATE INDEX leak_redaction_leak ON leak_redaction (leak_id);
CREATE TRIGGER leak_redaction_no_update BEFORE UPDATE ON leak_redaction
BEGIN
    SELECT RAISE(ABORT, 'redaction records are append-only');
END;
CREATE TRIGGER leak_redaction_no_delete BEFORE DELETE ON leak_redaction
BEGIN
    SELECT RAISE(ABORT, 'redaction records are append-only');
END;

-- Redaction from history (issue 17, point 3): the one sanctioned exception to append-only. A beheerder,
-- on the request of the koppelzone's voorzitter, replaces personal data in a stored revision by
-- "[verwijderd: persoonsgegeven]". The record keeps who, when, why, the requester, the spans and both
-- SHA-256 hashes - never the removed text.

-- While a row for a revision is here, and only then, that revision's title, body, summary and sha256 may
-- change. The redaction path (redaction/Redactions) inserts the row, updates the revision and deletes the
-- row in one transaction, so outside that transaction the table is empty and every UPDATE is refused.
CREATE TABLE redaction_pending (
    revision_id  INTEGER PRIMARY KEY REFERENCES revision (id)
);

-- SQLite cannot alter a trigger: the append-only guard of V001 is dropped and created again with the
-- one exception. Every other column stays unchangeable, pending or not; deleting stays refused.
DROP TRIGGER revision_no_update;
CREATE TRIGGER revision_no_update BEFORE UPDATE ON revision
WHEN NOT EXISTS (SELECT 1 FROM redaction_pending WHERE revision_id = OLD.id)
   OR NEW.id IS NOT OLD.id OR NEW.agreement_id IS NOT OLD.agreement_id OR NEW.number IS NOT OLD.number
   OR NEW.author_name IS NOT OLD.author_name OR NEW.created_at IS NOT OLD.created_at
   OR NEW.base_number IS NOT OLD.base_number
BEGIN
    SELECT RAISE(ABORT, 'revisions are append-only');
END;

-- One redaction of one revision. spans: JSON [{"field":"body","start":12,"end":23}, ...], offsets in the
-- text before the redaction (UTF-16 code units). source_redaction_id: the redaction of the source
-- agreement that this one repeats in an adopted copy (or in another revision of the same agreement).
CREATE TABLE redaction (
    id                       INTEGER PRIMARY KEY,
    agreement_id             INTEGER NOT NULL REFERENCES agreement (id),
    revision_number          INTEGER NOT NULL CHECK (revision_number >= 1),
    spans                    TEXT NOT NULL CHECK (length(spans) <= 20000),
    occurrences              INTEGER NOT NULL CHECK (occurrences >= 1),
    old_sha256               TEXT NOT NULL CHECK (length(old_sha256) = 64),
    new_sha256               TEXT NOT NULL CHECK (length(new_sha256) = 64),
    reason                   TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    requested_by             TEXT NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 100),
    requested_by_account_id  INTEGER NOT NULL REFERENCES account (id),
    redacted_by              TEXT NOT NULL CHECK (length(redacted_by) BETWEEN 1 AND 100),
    redacted_by_account_id   INTEGER REFERENCES account (id),
    redacted_at              TEXT NOT NULL,
    source_redaction_id      INTEGER REFERENCES redaction (id)
);
CREATE INDEX redaction_revision ON redaction (agreement_id, revision_number);

CREATE TRIGGER redaction_no_update BEFORE UPDATE ON redaction
BEGIN
    SELECT RAISE(ABORT, 'redactions are append-only');
END;

CREATE TRIGGER redaction_no_delete BEFORE DELETE ON redaction
BEGIN
    SELECT RAISE(ABORT, 'redactions are append-only');
END;

-- A whole comment or the minutes of one agenda item can be redacted too. A comment's earlier texts
-- (comment_edit) are append-only: like revisions, they change only while the comment is pending here,
-- and only in their body.
CREATE TABLE redaction_pending_comment (
    comment_id  INTEGER PRIMARY KEY REFERENCES comment (id)
);

DROP TRIGGER comment_edit_append_only;
CREATE TRIGGER comment_edit_append_only BEFORE UPDATE ON comment_edit
WHEN NOT EXISTS (SELECT 1 FROM redaction_pending_comment WHERE comment_id = OLD.comment_id)
   OR NEW.id IS NOT OLD.id OR NEW.comment_id IS NOT OLD.comment_id OR NEW.replaced_at IS NOT OLD.replaced_at
BEGIN
    SELECT RAISE(ABORT, 'comment history is append-only');
END;

-- One redaction of a whole comment (with its earlier texts) or of an agenda item's minutes. The hashes
-- are of the text before and after (the comment's current body, or the minutes); never the text.
CREATE TABLE content_redaction (
    id                       INTEGER PRIMARY KEY,
    kind                     TEXT NOT NULL CHECK (kind IN ('comment', 'minutes')),
    comment_id               INTEGER REFERENCES comment (id),
    meeting_item_id          INTEGER REFERENCES meeting_item (id),
    old_sha256               TEXT NOT NULL CHECK (length(old_sha256) = 64),
    new_sha256               TEXT NOT NULL CHECK (length(new_sha256) = 64),
    reason                   TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    requested_by             TEXT NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 100),
    requested_by_account_id  INTEGER NOT NULL REFERENCES account (id),
    redacted_by              TEXT NOT NULL CHECK (length(redacted_by) BETWEEN 1 AND 100),
    redacted_by_account_id   INTEGER REFERENCES account (id),
    redacted_at              TEXT NOT NULL,
    CHECK ((kind = 'comment') = (comment_id IS NOT NULL) AND (kind = 'minutes') = (meeting_item_id IS NOT NULL))
);

CREATE TRIGGER content_redaction_no_update BEFORE UPDATE ON content_redaction
BEGIN
    SELECT RAISE(ABORT, 'redactions are append-only');
END;

CREATE TRIGGER content_redaction_no_delete BEFORE DELETE ON content_redaction
BEGIN
    SELECT RAISE(ABORT, 'redactions are append-only');
END;

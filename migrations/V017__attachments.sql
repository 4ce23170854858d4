-- Attachments bound to revisions (issue 16, point 5). A revision lists the files it includes; the
-- files themselves live content-addressed by SHA-256 under <data>/attachments/ (never in the
-- database). Append-only like revision: a revision's list never changes, so what was endorsed
-- (the revision's sha256, which covers this list) stays exactly what it was.
CREATE TABLE revision_attachment (
    revision_id  INTEGER NOT NULL REFERENCES revision (id),
    -- The display name, sanitised: letters, digits, '.', '_' and '-' only, with the type's extension.
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 3 AND 100),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    size         INTEGER NOT NULL CHECK (size >= 1),
    -- The type detected from the content: pdf, docx, xlsx, odt, ods, png or jpeg.
    type         TEXT NOT NULL,
    PRIMARY KEY (revision_id, name)
);
-- "Is this file still referred to?" (files are never deleted while a revision refers to them).
CREATE INDEX revision_attachment_sha256 ON revision_attachment (sha256);

CREATE TRIGGER revision_attachment_no_update BEFORE UPDATE ON revision_attachment
BEGIN
    SELECT RAISE(ABORT, 'revision attachments are append-only');
END;

CREATE TRIGGER revision_attachment_no_delete BEFORE DELETE ON revision_attachment
BEGIN
    SELECT RAISE(ABORT, 'revision attachments are append-only');
END;

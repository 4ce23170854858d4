-- Organisation edits never silently overwrite each other: the row counts its changes. The register's
-- form and the API send the version they were based on; a save based on an older one is refused
-- (KoppelzoneAdmin.updateOrganisation, the one write path) and names who changed it last and when.
-- changed_by is the name the audit log records for that change; both stay NULL until the first change.
ALTER TABLE organisation ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE organisation ADD COLUMN changed_at TEXT;
ALTER TABLE organisation ADD COLUMN changed_by TEXT;

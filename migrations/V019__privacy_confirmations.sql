-- Privacy confirmations (issue 17, point 2): a writer confirmed that a finding of the detector is no
-- personal data (a fictitious example, a service number). Stored with the revision in which it was
-- confirmed; it holds the finding's fingerprint and kind, never the text. A confirmation holds for
-- later revisions of the same agreement too (the fingerprint names the same data in any text).
-- Append-only: a confirmation is a statement someone made, like the audit log.
CREATE TABLE privacy_confirmation (
    revision_id  INTEGER NOT NULL REFERENCES revision (id),
    fingerprint  TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 64),
    kind         TEXT NOT NULL CHECK (kind IN ('bsn', 'iban', 'postcode', 'geboortedatum', 'telefoon', 'naam', 'email')),
    confidence   TEXT NOT NULL CHECK (confidence IN ('high', 'medium')),
    account_id   INTEGER REFERENCES account (id),
    reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 300),
    at           TEXT NOT NULL,
    PRIMARY KEY (revision_id, fingerprint)
);

CREATE TRIGGER privacy_confirmation_no_update BEFORE UPDATE ON privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;

CREATE TRIGGER privacy_confirmation_no_delete BEFORE DELETE ON privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;

-- Privacy confirmations of the reasons a voorzitter gives for retiring an agreement (TextSource.RETIRE,
-- source_id: the agreement) and for withdrawing a proposal (TextSource.WITHDRAW, source_id: the
-- endorsement round).
--
-- Until now each new kind of text widened the CHECK on text_privacy_confirmation.source, which SQLite can
-- only do by rebuilding the table (V024 did it for 'leak'), and a rebuild drops every trigger on the table
-- that the rebuild does not recreate by hand. This is the last rebuild: the known sources become rows of
-- text_privacy_source, checked by a trigger, so a new kind of text is one INSERT (see V033).
CREATE TABLE text_privacy_source (
    code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 20)
);
INSERT INTO text_privacy_source (code) VALUES ('comment'), ('experience'), ('minutes'), ('action'), ('note'),
    ('remark'), ('template'), ('leak'), ('retire'), ('withdraw');

CREATE TABLE text_privacy_confirmation_v31 (
    source       TEXT NOT NULL,
    source_id    INTEGER NOT NULL,
    fingerprint  TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 64),
    kind         TEXT NOT NULL CHECK (kind IN ('bsn', 'iban', 'postcode', 'geboortedatum', 'telefoon', 'naam', 'email')),
    confidence   TEXT NOT NULL CHECK (confidence IN ('high', 'medium')),
    account_id   INTEGER REFERENCES account (id),
    reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 300),
    at           TEXT NOT NULL,
    PRIMARY KEY (source, source_id, fingerprint)
);
INSERT INTO text_privacy_confirmation_v31 (source, source_id, fingerprint, kind, confidence, account_id, reason, at)
SELECT source, source_id, fingerprint, kind, confidence, account_id, reason, at FROM text_privacy_confirmation;
DROP TRIGGER text_privacy_confirmation_no_update;
DROP TRIGGER text_privacy_confirmation_no_delete;
DROP TABLE text_privacy_confirmation;
ALTER TABLE text_privacy_confirmation_v31 RENAME TO text_privacy_confirmation;
CREATE TRIGGER text_privacy_confirmation_known_source BEFORE INSERT ON text_privacy_confirmation
WHEN NOT EXISTS (SELECT 1 FROM text_privacy_source WHERE code = NEW.source)
BEGIN
    SELECT RAISE(ABORT, 'unknown source of a privacy confirmation');
END;
CREATE TRIGGER text_privacy_confirmation_no_update BEFORE UPDATE ON text_privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;
CREATE TRIGGER text_privacy_confirmation_no_delete BEFORE DELETE ON text_privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;

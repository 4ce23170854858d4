-- Privacy confirmations of texts that are not agreements (issue 17, point 2): comments, experiences,
-- meeting minutes, decision notes, action items, remarks on endorsements and templates. A writer (or
-- the voorzitter, or a beheerder) confirmed that a finding of the detector is no personal data (a
-- fictitious example, a case number). It names the text by the kind of source and its id, and holds
-- the finding's fingerprint and kind, never the text. A confirmation holds for every later version of
-- the same text (an edited comment, minutes or template keep it). Append-only, like V019.
CREATE TABLE text_privacy_confirmation (
    source       TEXT NOT NULL CHECK (source IN ('comment', 'experience', 'minutes', 'action', 'note', 'remark', 'template')),
    source_id    INTEGER NOT NULL,
    fingerprint  TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 64),
    kind         TEXT NOT NULL CHECK (kind IN ('bsn', 'iban', 'postcode', 'geboortedatum', 'telefoon', 'naam', 'email')),
    confidence   TEXT NOT NULL CHECK (confidence IN ('high', 'medium')),
    account_id   INTEGER REFERENCES account (id),
    reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 300),
    at           TEXT NOT NULL,
    PRIMARY KEY (source, source_id, fingerprint)
);

CREATE TRIGGER text_privacy_confirmation_no_update BEFORE UPDATE ON text_privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;

CREATE TRIGGER text_privacy_confirmation_no_delete BEFORE DELETE ON text_privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;

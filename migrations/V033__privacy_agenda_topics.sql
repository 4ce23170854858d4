-- Privacy confirmations of a free agenda topic's title and detail, as the voorzitter adds it
-- (TextSource.TOPIC, source_id: the meeting_item): V031's CHECK on the source is widened the SQLite way,
-- by recreating the table with its rows and its triggers: the append-only ones, and V032's, which gives an
-- experience's agreement a new change number when a finding in it is confirmed (dropping the table drops it).
CREATE TABLE text_privacy_confirmation_v33 (
    source       TEXT NOT NULL CHECK (source IN ('comment', 'experience', 'minutes', 'action', 'note', 'remark', 'template',
                                                 'leak', 'retire', 'withdraw', 'topic')),
    source_id    INTEGER NOT NULL,
    fingerprint  TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 64),
    kind         TEXT NOT NULL CHECK (kind IN ('bsn', 'iban', 'postcode', 'geboortedatum', 'telefoon', 'naam', 'email')),
    confidence   TEXT NOT NULL CHECK (confidence IN ('high', 'medium')),
    account_id   INTEGER REFERENCES account (id),
    reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 300),
    at           TEXT NOT NULL,
    PRIMARY KEY (source, source_id, fingerprint)
);
INSERT INTO text_privacy_confirmation_v33 (source, source_id, fingerprint, kind, confidence, account_id, reason, at)
SELECT source, source_id, fingerprint, kind, confidence, account_id, reason, at FROM text_privacy_confirmation;
DROP TRIGGER text_privacy_confirmation_no_update;
DROP TRIGGER text_privacy_confirmation_no_delete;
DROP TABLE text_privacy_confirmation;
ALTER TABLE text_privacy_confirmation_v33 RENAME TO text_privacy_confirmation;
CREATE TRIGGER text_privacy_confirmation_no_update BEFORE UPDATE ON text_privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;
CREATE TRIGGER text_privacy_confirmation_no_delete BEFORE DELETE ON text_privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;
CREATE TRIGGER experience_confirmed AFTER INSERT ON text_privacy_confirmation
WHEN NEW.source = 'experience'
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id = (SELECT agreement_id FROM experience WHERE id = NEW.source_id);
END;

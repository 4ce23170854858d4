-- Waardelekken (issue 18, point 1): places where help leaks away at a hand-over between two or more
-- organisations of a koppelzone, reported by its members, as records with a status, parties, linked
-- agreements, an append-only history and comments. Visible to the koppelzone's members only, until
-- the voorzitter publishes a solved leak together with its agreement.
CREATE TABLE leak (
    id            INTEGER PRIMARY KEY,
    koppelzone_id INTEGER NOT NULL REFERENCES koppelzone (id),
    moment        TEXT NOT NULL CHECK (length(moment) BETWEEN 1 AND 80),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    frequency     TEXT NOT NULL CHECK (length(frequency) BETWEEN 1 AND 80),
    example       TEXT NOT NULL DEFAULT '' CHECK (length(example) <= 2000),
    status        TEXT NOT NULL DEFAULT 'gesignaleerd'
                  CHECK (status IN ('gesignaleerd', 'geagendeerd', 'in_behandeling', 'opgelost', 'niet_opgepakt')),
    reason        TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    published     INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    created_by    INTEGER REFERENCES account (id),
    author_name   TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (published = 0 OR status = 'opgelost')
);
CREATE INDEX leak_koppelzone ON leak (koppelzone_id, status);

-- The parties between which the leak happens (two or more organisations of the koppelzone).
CREATE TABLE leak_party (
    leak_id         INTEGER NOT NULL REFERENCES leak (id),
    organisation_id INTEGER NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (leak_id, organisation_id)
);
CREATE INDEX leak_party_organisation ON leak_party (organisation_id);

-- The agreements that solve the leak (the link both ways: the agreement page lists its leaks).
CREATE TABLE leak_agreement (
    leak_id      INTEGER NOT NULL REFERENCES leak (id),
    agreement_id INTEGER NOT NULL REFERENCES agreement (id),
    linked_at    TEXT NOT NULL,
    PRIMARY KEY (leak_id, agreement_id)
);
CREATE INDEX leak_agreement_agreement ON leak_agreement (agreement_id);

-- Every change of a leak, with author and time. Append-only.
CREATE TABLE leak_event (
    id          INTEGER PRIMARY KEY,
    leak_id     INTEGER NOT NULL REFERENCES leak (id),
    kind        TEXT NOT NULL CHECK (kind IN ('gemeld', 'status', 'gekoppeld', 'gepubliceerd', 'depubliceerd', 'overleg')),
    status      TEXT,
    detail      TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 2000),
    author_name TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX leak_event_leak ON leak_event (leak_id, id);
CREATE TRIGGER leak_event_no_update BEFORE UPDATE ON leak_event
BEGIN
    SELECT RAISE(ABORT, 'leak history is append-only');
END;
CREATE TRIGGER leak_event_no_delete BEFORE DELETE ON leak_event
BEGIN
    SELECT RAISE(ABORT, 'leak history is append-only');
END;

-- Comments of members on a leak. Append-only.
CREATE TABLE leak_comment (
    id          INTEGER PRIMARY KEY,
    leak_id     INTEGER NOT NULL REFERENCES leak (id),
    account_id  INTEGER REFERENCES account (id),
    author_name TEXT NOT NULL,
    body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at  TEXT NOT NULL
);
CREATE INDEX leak_comment_leak ON leak_comment (leak_id, id);
CREATE TRIGGER leak_comment_no_update BEFORE UPDATE ON leak_comment
BEGIN
    SELECT RAISE(ABORT, 'leak comments are append-only');
END;
CREATE TRIGGER leak_comment_no_delete BEFORE DELETE ON leak_comment
BEGIN
    SELECT RAISE(ABORT, 'leak comments are append-only');
END;

-- A meeting agenda item about a leak: an item of the existing kind 'vrij' (V006's CHECK on
-- meeting_item.kind cannot be widened in place), linked to its leak here.
CREATE TABLE meeting_item_leak (
    item_id INTEGER PRIMARY KEY REFERENCES meeting_item (id),
    leak_id INTEGER NOT NULL REFERENCES leak (id)
);
CREATE INDEX meeting_item_leak_leak ON meeting_item_leak (leak_id);

-- Privacy confirmations of leak texts (TextSource.LEAK): V022's CHECK on the source is widened the
-- SQLite way, by recreating the table with its rows and its append-only triggers.
CREATE TABLE text_privacy_confirmation_v24 (
    source       TEXT NOT NULL CHECK (source IN ('comment', 'experience', 'minutes', 'action', 'note', 'remark', 'template',
                                                 'leak')),
    source_id    INTEGER NOT NULL,
    fingerprint  TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 64),
    kind         TEXT NOT NULL CHECK (kind IN ('bsn', 'iban', 'postcode', 'geboortedatum', 'telefoon', 'naam', 'email')),
    confidence   TEXT NOT NULL CHECK (confidence IN ('high', 'medium')),
    account_id   INTEGER REFERENCES account (id),
    reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 300),
    at           TEXT NOT NULL,
    PRIMARY KEY (source, source_id, fingerprint)
);
INSERT INTO text_privacy_confirmation_v24 (source, source_id, fingerprint, kind, confidence, account_id, reason, at)
SELECT source, source_id, fingerprint, kind, confidence, account_id, reason, at FROM text_privacy_confirmation;
DROP TRIGGER text_privacy_confirmation_no_update;
DROP TRIGGER text_privacy_confirmation_no_delete;
DROP TABLE text_privacy_confirmation;
ALTER TABLE text_privacy_confirmation_v24 RENAME TO text_privacy_confirmation;
CREATE TRIGGER text_privacy_confirmation_no_update BEFORE UPDATE ON text_privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;
CREATE TRIGGER text_privacy_confirmation_no_delete BEFORE DELETE ON text_privacy_confirmation
BEGIN
    SELECT RAISE(ABORT, 'privacy confirmations are append-only');
END;

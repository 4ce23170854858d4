-- The register of privacy findings (issue 17, point 4): where the detector finds what looks like personal
-- data in every stored text, current and historical, so that a beheerder (all koppelzones) and a
-- voorzitter (their own) can list it and have it redacted. Derived data that catches up by itself: a
-- trigger on every table with free text puts the changed row in privacy_scan_queue, and the register
-- (privacy/FindingRegister) scans queued rows and replaces their findings. Findings hold where (offsets)
-- and what kind, never the text itself.

-- A row to (re)scan. INSERT OR REPLACE gives a row that changes again a new id, so a scan that read the
-- older text removes only the id it read and the row is scanned once more.
CREATE TABLE privacy_scan_queue (
    id         INTEGER PRIMARY KEY,
    source     TEXT NOT NULL CHECK (source IN ('revision', 'comment', 'comment_edit', 'experience', 'minutes',
                                               'decision', 'action', 'remark')),
    source_id  INTEGER NOT NULL,
    UNIQUE (source, source_id)
);

CREATE TABLE privacy_finding (
    id               INTEGER PRIMARY KEY,
    source           TEXT NOT NULL,
    source_id        INTEGER NOT NULL,
    field            TEXT NOT NULL,
    koppelzone_id    INTEGER NOT NULL REFERENCES koppelzone (id),
    -- where it is, for the link: the agreement (and revision) or the meeting (and agenda item) it belongs
    -- to; item_id is the comment for a comment's earlier text, the agenda item for minutes and decisions
    agreement_id     INTEGER,
    revision_number  INTEGER,
    meeting_id       INTEGER,
    item_id          INTEGER,
    kind             TEXT NOT NULL,
    confidence       TEXT NOT NULL CHECK (confidence IN ('high', 'medium')),
    fingerprint      TEXT NOT NULL,
    start_offset     INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset       INTEGER NOT NULL CHECK (end_offset > start_offset)
);
CREATE INDEX privacy_finding_zone ON privacy_finding (koppelzone_id, agreement_id, fingerprint);
CREATE INDEX privacy_finding_source ON privacy_finding (source, source_id);

-- Every text there is now waits for its first scan.
INSERT INTO privacy_scan_queue (source, source_id) SELECT 'revision', id FROM revision ORDER BY id;
INSERT INTO privacy_scan_queue (source, source_id) SELECT 'comment', id FROM comment ORDER BY id;
INSERT INTO privacy_scan_queue (source, source_id) SELECT 'comment_edit', id FROM comment_edit ORDER BY id;
INSERT INTO privacy_scan_queue (source, source_id) SELECT 'experience', id FROM experience ORDER BY id;
INSERT INTO privacy_scan_queue (source, source_id) SELECT 'minutes', id FROM meeting_item WHERE minutes <> '' ORDER BY id;
INSERT INTO privacy_scan_queue (source, source_id) SELECT 'decision', id FROM meeting_decision WHERE note <> '' ORDER BY id;
INSERT INTO privacy_scan_queue (source, source_id) SELECT 'action', id FROM action_item ORDER BY id;
INSERT INTO privacy_scan_queue (source, source_id) SELECT 'remark', id FROM endorsement WHERE remark <> '' ORDER BY id;

-- Revisions change only through the redaction path (V018); that change is scanned again too.
CREATE TRIGGER privacy_scan_revision_insert AFTER INSERT ON revision
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('revision', NEW.id);
END;
CREATE TRIGGER privacy_scan_revision_update AFTER UPDATE OF title, body, summary ON revision
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('revision', NEW.id);
END;

CREATE TRIGGER privacy_scan_comment_insert AFTER INSERT ON comment
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('comment', NEW.id);
END;
CREATE TRIGGER privacy_scan_comment_update AFTER UPDATE OF body ON comment
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('comment', NEW.id);
END;

CREATE TRIGGER privacy_scan_comment_edit_insert AFTER INSERT ON comment_edit
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('comment_edit', NEW.id);
END;
CREATE TRIGGER privacy_scan_comment_edit_update AFTER UPDATE OF body ON comment_edit
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('comment_edit', NEW.id);
END;

CREATE TRIGGER privacy_scan_experience_insert AFTER INSERT ON experience
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('experience', NEW.id);
END;
CREATE TRIGGER privacy_scan_experience_update AFTER UPDATE OF body ON experience
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('experience', NEW.id);
END;

CREATE TRIGGER privacy_scan_minutes_insert AFTER INSERT ON meeting_item
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('minutes', NEW.id);
END;
CREATE TRIGGER privacy_scan_minutes_update AFTER UPDATE OF minutes ON meeting_item
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('minutes', NEW.id);
END;

CREATE TRIGGER privacy_scan_decision_insert AFTER INSERT ON meeting_decision
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('decision', NEW.id);
END;

CREATE TRIGGER privacy_scan_action_insert AFTER INSERT ON action_item
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('action', NEW.id);
END;
CREATE TRIGGER privacy_scan_action_update AFTER UPDATE OF description ON action_item
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('action', NEW.id);
END;

CREATE TRIGGER privacy_scan_remark_insert AFTER INSERT ON endorsement
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('remark', NEW.id);
END;

-- Which koppelzone each text belongs to.
CREATE VIEW privacy_text_zone (source, source_id, koppelzone_id) AS
    SELECT 'revision', r.id, a.koppelzone_id FROM revision r JOIN agreement a ON a.id = r.agreement_id
    UNION ALL SELECT 'comment', c.id, a.koppelzone_id FROM comment c JOIN agreement a ON a.id = c.agreement_id
    UNION ALL SELECT 'comment_edit', e.id, a.koppelzone_id
        FROM comment_edit e JOIN comment c ON c.id = e.comment_id JOIN agreement a ON a.id = c.agreement_id
    UNION ALL SELECT 'experience', x.id, a.koppelzone_id FROM experience x JOIN agreement a ON a.id = x.agreement_id
    UNION ALL SELECT 'minutes', i.id, m.koppelzone_id FROM meeting_item i JOIN meeting m ON m.id = i.meeting_id
    UNION ALL SELECT 'decision', d.id, m.koppelzone_id FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id
    UNION ALL SELECT 'action', t.id, t.koppelzone_id FROM action_item t
    UNION ALL SELECT 'remark', n.id, a.koppelzone_id FROM endorsement n JOIN agreement a ON a.id = n.agreement_id;

-- A koppelzone's parties (and its chair) decide which phone numbers and e-mail domains are
-- organisational: when they change, every text of the koppelzone is scanned again.
CREATE TRIGGER privacy_scan_party_insert AFTER INSERT ON koppelzone_party
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id)
        SELECT source, source_id FROM privacy_text_zone WHERE koppelzone_id = NEW.koppelzone_id;
END;
CREATE TRIGGER privacy_scan_party_delete AFTER DELETE ON koppelzone_party
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id)
        SELECT source, source_id FROM privacy_text_zone WHERE koppelzone_id = OLD.koppelzone_id;
END;
CREATE TRIGGER privacy_scan_chair_update AFTER UPDATE OF chair_organisation_id ON koppelzone
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id)
        SELECT source, source_id FROM privacy_text_zone WHERE koppelzone_id = NEW.id;
END;

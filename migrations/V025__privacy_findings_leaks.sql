-- The register of privacy findings (V021) reads the waardelekken (V024) too: a leak's title, description,
-- example and reason, and the comments on it. SQLite cannot widen the queue's CHECK in place, so the
-- queue is built again (it holds derived work only), and the view of texts per koppelzone with it.
CREATE TABLE privacy_scan_queue_new (
    id         INTEGER PRIMARY KEY,
    source     TEXT NOT NULL CHECK (source IN ('revision', 'comment', 'comment_edit', 'experience', 'minutes',
                                               'decision', 'action', 'remark', 'leak', 'leak_comment')),
    source_id  INTEGER NOT NULL,
    UNIQUE (source, source_id)
);
INSERT INTO privacy_scan_queue_new (id, source, source_id) SELECT id, source, source_id FROM privacy_scan_queue;
DROP TABLE privacy_scan_queue;
-- The triggers of V021/V023 name the queue by name; with the legacy rename they are not checked against
-- the dropped table, and they name the new one once it has the old name.
PRAGMA legacy_alter_table = ON;
ALTER TABLE privacy_scan_queue_new RENAME TO privacy_scan_queue;
PRAGMA legacy_alter_table = OFF;

DROP VIEW privacy_text_zone;
CREATE VIEW privacy_text_zone (source, source_id, koppelzone_id) AS
    SELECT 'revision', r.id, a.koppelzone_id FROM revision r JOIN agreement a ON a.id = r.agreement_id
    UNION ALL SELECT 'comment', c.id, a.koppelzone_id FROM comment c JOIN agreement a ON a.id = c.agreement_id
    UNION ALL SELECT 'comment_edit', e.id, a.koppelzone_id
        FROM comment_edit e JOIN comment c ON c.id = e.comment_id JOIN agreement a ON a.id = c.agreement_id
    UNION ALL SELECT 'experience', x.id, a.koppelzone_id FROM experience x JOIN agreement a ON a.id = x.agreement_id
    UNION ALL SELECT 'minutes', i.id, m.koppelzone_id FROM meeting_item i JOIN meeting m ON m.id = i.meeting_id
    UNION ALL SELECT 'decision', d.id, m.koppelzone_id FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id
    UNION ALL SELECT 'action', t.id, t.koppelzone_id FROM action_item t
    UNION ALL SELECT 'remark', n.id, a.koppelzone_id FROM endorsement n JOIN agreement a ON a.id = n.agreement_id
    UNION ALL SELECT 'leak', l.id, l.koppelzone_id FROM leak l
    UNION ALL SELECT 'leak_comment', c.id, l.koppelzone_id FROM leak_comment c JOIN leak l ON l.id = c.leak_id;

INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) SELECT 'leak', id FROM leak ORDER BY id;
INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) SELECT 'leak_comment', id FROM leak_comment ORDER BY id;

CREATE TRIGGER privacy_scan_leak_insert AFTER INSERT ON leak
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('leak', NEW.id);
END;
CREATE TRIGGER privacy_scan_leak_update AFTER UPDATE OF title, description, example, reason ON leak
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('leak', NEW.id);
END;
CREATE TRIGGER privacy_scan_leak_comment_insert AFTER INSERT ON leak_comment
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('leak_comment', NEW.id);
END;

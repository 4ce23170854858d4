-- Change tracking for the search index. Every change that alters what the index holds about an
-- agreement (its row, text, parties, themes, or the names of its koppelzone, municipality and party
-- organisations) gives the agreement a new, ever larger change_seq. The index stores the highest
-- change_seq it has seen, so it can catch up on whatever it missed - after a crash, after a
-- command-line import by another process, or after a restore of the database - without trusting
-- any caller to tell it. Triggers do the bookkeeping so no write path can forget it.

CREATE TABLE change_counter (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    value  INTEGER NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

ALTER TABLE agreement ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;

-- Existing agreements are numbered once, so an index built before this migration catches up.
UPDATE change_counter SET value = (SELECT count(*) FROM agreement) WHERE id = 1;
UPDATE agreement SET change_seq = (SELECT count(*) FROM agreement AS earlier WHERE earlier.id <= agreement.id);

CREATE INDEX agreement_change_seq ON agreement (change_seq);

CREATE TRIGGER agreement_changed_on_insert AFTER INSERT ON agreement
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.id;
END;

-- The WHEN clause lets the trigger's own update of change_seq pass without firing again.
CREATE TRIGGER agreement_changed_on_update AFTER UPDATE ON agreement WHEN NEW.change_seq = OLD.change_seq
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.id;
END;

CREATE TRIGGER agreement_party_added AFTER INSERT ON agreement_party
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.agreement_id;
END;

CREATE TRIGGER agreement_party_removed AFTER DELETE ON agreement_party
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = OLD.agreement_id;
END;

CREATE TRIGGER agreement_theme_added AFTER INSERT ON agreement_theme
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.agreement_id;
END;

CREATE TRIGGER agreement_theme_removed AFTER DELETE ON agreement_theme
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = OLD.agreement_id;
END;

CREATE TRIGGER koppelzone_renamed AFTER UPDATE OF name, slug, municipality_id ON koppelzone
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE koppelzone_id = NEW.id;
END;

CREATE TRIGGER municipality_renamed AFTER UPDATE OF name, slug, jeugdregio ON municipality
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE koppelzone_id IN (SELECT id FROM koppelzone WHERE municipality_id = NEW.id);
END;

CREATE TRIGGER organisation_renamed AFTER UPDATE OF name, kind ON organisation
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id IN (SELECT agreement_id FROM agreement_party WHERE organisation_id = NEW.id);
END;

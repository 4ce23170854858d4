-- The home page shows every koppelzone's number of agreements: all of them for its members, the
-- published ones (an endorsed revision, and endorsed or awaiting a new endorsement) for everyone
-- else. Counting them read the agreement table, which every save changes, so the kept counts were
-- counted again after every save (17 ms at national scale, while the national mixed load saves a few
-- times a second). Kept here by triggers, the counts change only when an agreement is added or
-- removed or its status, endorsed revision or koppelzone changes: a save of a text leaves this table,
-- and with it the kept counts (db/ChangeLog), as it is. Derived data: no foreign key, rows of zero stay.
CREATE TABLE koppelzone_agreement_count (
    koppelzone_id INTEGER PRIMARY KEY,
    all_count     INTEGER NOT NULL CHECK (all_count >= 0),
    published     INTEGER NOT NULL CHECK (published >= 0)
);

INSERT INTO koppelzone_agreement_count (koppelzone_id, all_count, published)
SELECT koppelzone_id, count(*),
       sum(endorsed_revision IS NOT NULL AND status IN ('bekrachtigd', 'ter_bekrachtiging'))
FROM agreement GROUP BY koppelzone_id;

CREATE TRIGGER koppelzone_count_on_insert AFTER INSERT ON agreement
BEGIN
    INSERT INTO koppelzone_agreement_count (koppelzone_id, all_count, published)
    SELECT NEW.koppelzone_id, 0, 0
    WHERE NOT EXISTS (SELECT 1 FROM koppelzone_agreement_count WHERE koppelzone_id = NEW.koppelzone_id);
    UPDATE koppelzone_agreement_count
       SET all_count = all_count + 1,
           published = published + (NEW.endorsed_revision IS NOT NULL AND NEW.status IN ('bekrachtigd', 'ter_bekrachtiging'))
     WHERE koppelzone_id = NEW.koppelzone_id;
END;

CREATE TRIGGER koppelzone_count_on_delete AFTER DELETE ON agreement
BEGIN
    UPDATE koppelzone_agreement_count
       SET all_count = all_count - 1,
           published = published - (OLD.endorsed_revision IS NOT NULL AND OLD.status IN ('bekrachtigd', 'ter_bekrachtiging'))
     WHERE koppelzone_id = OLD.koppelzone_id;
END;

-- only when what is counted changes: a save that sets the current revision leaves the counts alone
CREATE TRIGGER koppelzone_count_on_update AFTER UPDATE OF koppelzone_id, status, endorsed_revision ON agreement
WHEN OLD.koppelzone_id IS NOT NEW.koppelzone_id OR OLD.status IS NOT NEW.status
     OR OLD.endorsed_revision IS NOT NEW.endorsed_revision
BEGIN
    UPDATE koppelzone_agreement_count
       SET all_count = all_count - 1,
           published = published - (OLD.endorsed_revision IS NOT NULL AND OLD.status IN ('bekrachtigd', 'ter_bekrachtiging'))
     WHERE koppelzone_id = OLD.koppelzone_id;
    INSERT INTO koppelzone_agreement_count (koppelzone_id, all_count, published)
    SELECT NEW.koppelzone_id, 0, 0
    WHERE NOT EXISTS (SELECT 1 FROM koppelzone_agreement_count WHERE koppelzone_id = NEW.koppelzone_id);
    UPDATE koppelzone_agreement_count
       SET all_count = all_count + 1,
           published = published + (NEW.endorsed_revision IS NOT NULL AND NEW.status IN ('bekrachtigd', 'ter_bekrachtiging'))
     WHERE koppelzone_id = NEW.koppelzone_id;
END;

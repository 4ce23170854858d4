-- Adoption across municipalities (DESIGN.md §6): an agreement taken over from another koppelzone
-- keeps its source, the source revision it took over, and later the source revision its text is in
-- step with; adopters can send their changes back to the source as proposals.

-- One row per adopted agreement. The source stays linked even when both texts go their own way.
CREATE TABLE adoption (
    agreement_id           INTEGER PRIMARY KEY REFERENCES agreement (id),
    source_agreement_id    INTEGER NOT NULL REFERENCES agreement (id),
    -- the source's endorsed revision that became revision 1 of the adopted agreement
    source_revision        INTEGER NOT NULL CHECK (source_revision >= 1),
    -- the source revision whose text the adopter has taken over last: the base of an upstream merge
    synced_revision        INTEGER NOT NULL CHECK (synced_revision >= source_revision),
    -- a newer source revision the adopter chose not to take over (the notice stays away until a newer one)
    dismissed_revision     INTEGER,
    adopted_by             TEXT NOT NULL,
    adopted_by_account_id  INTEGER REFERENCES account (id),
    adopted_at             TEXT NOT NULL,
    CHECK (agreement_id <> source_agreement_id)
);
CREATE INDEX adoption_source ON adoption (source_agreement_id);

-- An adopter's change offered back to the source koppelzone ("Voorstel aan de bron").
CREATE TABLE source_proposal (
    id                      INTEGER PRIMARY KEY,
    source_agreement_id     INTEGER NOT NULL REFERENCES agreement (id),
    from_agreement_id       INTEGER NOT NULL REFERENCES agreement (id),
    from_revision           INTEGER NOT NULL,
    -- the source revision the adopter's text was in step with: the base of the merge on acceptance
    base_revision           INTEGER NOT NULL,
    title                   TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body                    TEXT NOT NULL,
    note                    TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    proposed_by             TEXT NOT NULL,
    proposed_by_account_id  INTEGER REFERENCES account (id),
    proposed_at             TEXT NOT NULL,
    status                  TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'aanvaard', 'afgewezen')),
    decided_by              TEXT,
    decided_at              TEXT,
    reason                  TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    -- the source's revision that the accepted proposal became
    result_revision         INTEGER,
    CHECK ((status = 'open') = (decided_at IS NULL))
);
CREATE INDEX source_proposal_source ON source_proposal (source_agreement_id, status);
CREATE INDEX source_proposal_from ON source_proposal (from_agreement_id);

-- A proposal is decided once; proposals are never deleted.
CREATE TRIGGER source_proposal_decided_once BEFORE UPDATE ON source_proposal
WHEN OLD.status <> 'open' OR NEW.body IS NOT OLD.body OR NEW.title IS NOT OLD.title
BEGIN
    SELECT RAISE(ABORT, 'a proposal to the source is decided once');
END;

CREATE TRIGGER source_proposal_no_delete BEFORE DELETE ON source_proposal
BEGIN
    SELECT RAISE(ABORT, 'proposals to the source are kept');
END;

CREATE TRIGGER adoption_no_delete BEFORE DELETE ON adoption
BEGIN
    SELECT RAISE(ABORT, 'the lineage of an agreement is kept');
END;

-- The search index shows how often an agreement was adopted: a new adoption changes the source.
CREATE TRIGGER adoption_added AFTER INSERT ON adoption
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id IN (NEW.source_agreement_id, NEW.agreement_id);
END;

-- Only adoptions that are public themselves count there, so when an adopted agreement becomes
-- public (or stops being so), its source changes too.
CREATE TRIGGER adopted_agreement_status_changed AFTER UPDATE OF status, endorsed_revision ON agreement
WHEN EXISTS (SELECT 1 FROM adoption WHERE agreement_id = NEW.id)
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id = (SELECT source_agreement_id FROM adoption WHERE agreement_id = NEW.id);
END;

-- The endorsement lifecycle (DESIGN.md §4): proposals ("rounds"), per-party decisions bound to a
-- revision's SHA-256, retirement, and acknowledgements by parties that joined later ("kennisname").
--
-- agreement.status stays the one source of what is public, together with endorsed_revision:
--   concept            never endorsed, nothing proposed
--   ter_bekrachtiging  a revision is proposed (proposed_revision); an earlier endorsed revision, if
--                      any, stays public meanwhile (a proposed "herziening")
--   bekrachtigd        endorsed_revision counts; a newer current_revision is a draft "herziening"
--   vervallen          retired by the voorzitter, with a reason

ALTER TABLE agreement ADD COLUMN proposed_revision INTEGER;
-- When endorsed_revision became endorsed (the last party's decision, or the import).
ALTER TABLE agreement ADD COLUMN endorsed_at TEXT;
ALTER TABLE agreement ADD COLUMN retired_at TEXT;
ALTER TABLE agreement ADD COLUMN retired_reason TEXT;

-- One proposal of one revision for endorsement. At most one is open per agreement. A round closes
-- once: endorsed by every party, withdrawn, superseded by a newer proposal, restarted because the
-- parties changed, or ended because the agreement was retired.
CREATE TABLE endorsement_round (
    id               INTEGER PRIMARY KEY,
    agreement_id     INTEGER NOT NULL REFERENCES agreement (id),
    revision_number  INTEGER NOT NULL CHECK (revision_number >= 1),
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    proposed_by      TEXT NOT NULL,
    proposed_by_account_id INTEGER REFERENCES account (id),
    proposed_at      TEXT NOT NULL,
    closed_at        TEXT,
    outcome          TEXT CHECK (outcome IS NULL OR outcome IN
                         ('bekrachtigd', 'ingetrokken', 'vervangen', 'herstart', 'vervallen')),
    closed_by        TEXT,
    closed_reason    TEXT NOT NULL DEFAULT '' CHECK (length(closed_reason) <= 2000),
    -- Endorsed before this instance knew it (import): there are no per-party decisions to show.
    imported         INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
    CHECK ((closed_at IS NULL) = (outcome IS NULL))
);
CREATE UNIQUE INDEX endorsement_round_open ON endorsement_round (agreement_id) WHERE closed_at IS NULL;
CREATE INDEX endorsement_round_agreement ON endorsement_round (agreement_id, id);
CREATE INDEX endorsement_round_closed ON endorsement_round (outcome, closed_at);

-- A round is closed once and then never changes again; rounds are never deleted.
CREATE TRIGGER endorsement_round_closed_once BEFORE UPDATE ON endorsement_round
WHEN OLD.closed_at IS NOT NULL
   OR NEW.agreement_id IS NOT OLD.agreement_id OR NEW.revision_number IS NOT OLD.revision_number
   OR NEW.sha256 IS NOT OLD.sha256 OR NEW.proposed_at IS NOT OLD.proposed_at
BEGIN
    SELECT RAISE(ABORT, 'an endorsement round only closes, once');
END;

CREATE TRIGGER endorsement_round_no_delete BEFORE DELETE ON endorsement_round
BEGIN
    SELECT RAISE(ABORT, 'endorsement rounds are kept');
END;

-- One decision of one party organisation in a round, by one of its managers. Append-only: a party
-- that changes its mind while the round is open adds a newer decision; the newest counts.
CREATE TABLE endorsement (
    id               INTEGER PRIMARY KEY,
    round_id         INTEGER NOT NULL REFERENCES endorsement_round (id),
    agreement_id     INTEGER NOT NULL REFERENCES agreement (id),
    revision_number  INTEGER NOT NULL,
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    organisation_id  INTEGER NOT NULL REFERENCES organisation (id),
    account_id       INTEGER REFERENCES account (id),
    person_name      TEXT NOT NULL CHECK (length(person_name) BETWEEN 1 AND 100),
    decision         TEXT NOT NULL CHECK (decision IN ('endorse', 'decline')),
    remark           TEXT NOT NULL DEFAULT '' CHECK (length(remark) <= 2000),
    decided_at       TEXT NOT NULL,
    CHECK (decision = 'endorse' OR length(trim(remark)) > 0)
);
CREATE INDEX endorsement_by_round ON endorsement (round_id, organisation_id, id);
CREATE INDEX endorsement_by_agreement ON endorsement (agreement_id, organisation_id, id);

CREATE TRIGGER endorsement_no_update BEFORE UPDATE ON endorsement
BEGIN
    SELECT RAISE(ABORT, 'endorsements are append-only');
END;

CREATE TRIGGER endorsement_no_delete BEFORE DELETE ON endorsement
BEGIN
    SELECT RAISE(ABORT, 'endorsements are append-only');
END;

-- A party that joined the koppelzone after an agreement was endorsed takes note of it (kennisname).
CREATE TABLE acknowledgement (
    id               INTEGER PRIMARY KEY,
    agreement_id     INTEGER NOT NULL REFERENCES agreement (id),
    revision_number  INTEGER NOT NULL,
    organisation_id  INTEGER NOT NULL REFERENCES organisation (id),
    account_id       INTEGER REFERENCES account (id),
    person_name      TEXT NOT NULL CHECK (length(person_name) BETWEEN 1 AND 100),
    acknowledged_at  TEXT NOT NULL,
    UNIQUE (agreement_id, organisation_id, revision_number)
);
CREATE INDEX acknowledgement_by_organisation ON acknowledgement (organisation_id, agreement_id);

CREATE TRIGGER acknowledgement_no_update BEFORE UPDATE ON acknowledgement
BEGIN
    SELECT RAISE(ABORT, 'acknowledgements are append-only');
END;

CREATE TRIGGER acknowledgement_no_delete BEFORE DELETE ON acknowledgement
BEGIN
    SELECT RAISE(ABORT, 'acknowledgements are append-only');
END;

-- Existing data: endorsed agreements get a closed, imported round (feeds and the endorsement block
-- then know when), and agreements already "ter bekrachtiging" get an open round for their current
-- revision, so their managers can decide.
UPDATE agreement SET endorsed_at = (SELECT r.created_at FROM revision r
                                     WHERE r.agreement_id = agreement.id AND r.number = agreement.endorsed_revision)
 WHERE endorsed_revision IS NOT NULL;

INSERT INTO endorsement_round (agreement_id, revision_number, sha256, proposed_by, proposed_at, closed_at,
                               outcome, closed_by, imported)
SELECT a.id, a.endorsed_revision, r.sha256, 'import', r.created_at, r.created_at, 'bekrachtigd', 'import', 1
  FROM agreement a JOIN revision r ON r.agreement_id = a.id AND r.number = a.endorsed_revision
 WHERE a.endorsed_revision IS NOT NULL;

UPDATE agreement SET proposed_revision = current_revision
 WHERE status = 'ter_bekrachtiging' AND current_revision > coalesce(endorsed_revision, 0);
UPDATE agreement SET status = CASE WHEN endorsed_revision IS NULL THEN 'concept' ELSE 'bekrachtigd' END
 WHERE status = 'ter_bekrachtiging' AND proposed_revision IS NULL;

INSERT INTO endorsement_round (agreement_id, revision_number, sha256, proposed_by, proposed_at)
SELECT a.id, a.proposed_revision, r.sha256, 'import', a.updated_at
  FROM agreement a JOIN revision r ON r.agreement_id = a.id AND r.number = a.proposed_revision
 WHERE a.status = 'ter_bekrachtiging';

UPDATE agreement SET retired_at = updated_at WHERE status = 'vervallen';

CREATE INDEX agreement_status ON agreement (status, koppelzone_id);

-- Koppelzone meetings ("overleggen"): planned and run by the voorzitter, with an agenda proposed from
-- the koppelzone's state, presence per organisation, minutes per item, decisions that move agreements
-- through their lifecycle (tied to the exact revision), and action items.

CREATE TABLE meeting (
    id             INTEGER PRIMARY KEY,
    koppelzone_id  INTEGER NOT NULL REFERENCES koppelzone (id),
    starts_at      TEXT NOT NULL,
    ends_at        TEXT NOT NULL,
    location       TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 300),
    status         TEXT NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland', 'gesloten')),
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    closed_by      TEXT,
    closed_at      TEXT,
    CHECK (ends_at > starts_at),
    CHECK ((status = 'gesloten') = (closed_at IS NOT NULL))
);
CREATE INDEX meeting_koppelzone ON meeting (koppelzone_id, starts_at);

CREATE TABLE meeting_invitee (
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id),
    account_id  INTEGER NOT NULL REFERENCES account (id),
    PRIMARY KEY (meeting_id, account_id)
);
CREATE INDEX meeting_invitee_account ON meeting_invitee (account_id);

-- An agenda item: about an agreement (which revision, why it is on the agenda) or a free topic.
CREATE TABLE meeting_item (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meeting (id),
    position         INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('bekrachtiging', 'onderhoud', 'bronvoorstel', 'toetreder',
                                                   'actiepunt', 'vrij')),
    agreement_id     INTEGER REFERENCES agreement (id),
    revision_number  INTEGER,
    title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    detail           TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 1000),
    minutes          TEXT NOT NULL DEFAULT '' CHECK (length(minutes) <= 100000),
    minutes_saved_at TEXT
);
CREATE INDEX meeting_item_meeting ON meeting_item (meeting_id, position);
CREATE INDEX meeting_item_agreement ON meeting_item (agreement_id);

-- Presence per party organisation, with the names of who came.
CREATE TABLE meeting_presence (
    meeting_id       INTEGER NOT NULL REFERENCES meeting (id),
    organisation_id  INTEGER NOT NULL REFERENCES organisation (id),
    present          INTEGER NOT NULL CHECK (present IN (0, 1)),
    names            TEXT NOT NULL DEFAULT '' CHECK (length(names) <= 300),
    PRIMARY KEY (meeting_id, organisation_id)
);

-- A decision on an agreement item, tied to the exact revision (and its SHA-256). Append-only.
CREATE TABLE meeting_decision (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meeting (id),
    item_id          INTEGER NOT NULL REFERENCES meeting_item (id),
    agreement_id     INTEGER NOT NULL REFERENCES agreement (id),
    revision_number  INTEGER NOT NULL,
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    decision         TEXT NOT NULL CHECK (decision IN ('vastgesteld', 'aangehouden', 'herziening', 'vervallen')),
    note             TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    review_date      TEXT,
    decided_by       TEXT NOT NULL,
    decided_at       TEXT NOT NULL
);
CREATE INDEX meeting_decision_agreement ON meeting_decision (agreement_id);
CREATE INDEX meeting_decision_meeting ON meeting_decision (meeting_id);

CREATE TRIGGER meeting_decision_no_update BEFORE UPDATE ON meeting_decision
BEGIN
    SELECT RAISE(ABORT, 'meeting decisions are append-only');
END;

CREATE TRIGGER meeting_decision_no_delete BEFORE DELETE ON meeting_decision
BEGIN
    SELECT RAISE(ABORT, 'meeting decisions are append-only');
END;

CREATE TABLE action_item (
    id                INTEGER PRIMARY KEY,
    koppelzone_id     INTEGER NOT NULL REFERENCES koppelzone (id),
    meeting_id        INTEGER NOT NULL REFERENCES meeting (id),
    description       TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    owner_account_id  INTEGER REFERENCES account (id),
    owner_name        TEXT NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 100),
    due_date          TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'gereed')),
    created_at        TEXT NOT NULL,
    done_at           TEXT
);
CREATE INDEX action_item_koppelzone ON action_item (koppelzone_id, status);
CREATE INDEX action_item_owner ON action_item (owner_account_id, status);

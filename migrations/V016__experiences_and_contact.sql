-- Issue 16, points 4 and 6: experiences from elsewhere (ervaringen) and a contact per agreement.

-- A short public note on a public agreement by anyone signed in: who wrote it, for which organisation,
-- whether they adopted the agreement (and which adoption, when the lineage shows one), and what worked
-- and what they changed (markdown, rendered through markdown/). The voorzitter can hide a note with a
-- reason and show it again; notes are never deleted, the audit log keeps every hide and unhide.
CREATE TABLE experience (
    id                     INTEGER PRIMARY KEY,
    agreement_id           INTEGER NOT NULL REFERENCES agreement (id),
    account_id             INTEGER NOT NULL REFERENCES account (id),
    author_name            TEXT NOT NULL CHECK (length(author_name) BETWEEN 1 AND 100),
    -- the author's organisation when it was written (from their account); NULL for an account without one
    organisation_id        INTEGER REFERENCES organisation (id),
    adopted                INTEGER NOT NULL CHECK (adopted IN (0, 1)),
    -- the agreement adopted from this one in the author's koppelzone or organisation, if any
    adoption_agreement_id  INTEGER REFERENCES agreement (id),
    body                   TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at             TEXT NOT NULL,
    hidden_at              TEXT,
    hidden_by              TEXT,
    hidden_reason          TEXT NOT NULL DEFAULT '' CHECK (length(hidden_reason) <= 500),
    CHECK ((hidden_at IS NULL) = (hidden_by IS NULL)),
    CHECK (adopted = 1 OR adoption_agreement_id IS NULL)
);
CREATE INDEX experience_agreement ON experience (agreement_id, created_at);

CREATE TRIGGER experience_no_delete BEFORE DELETE ON experience
BEGIN
    SELECT RAISE(ABORT, 'experiences are hidden, not deleted');
END;

CREATE TRIGGER experience_text_kept BEFORE UPDATE OF body, account_id, agreement_id, created_at ON experience
BEGIN
    SELECT RAISE(ABORT, 'an experience is kept as written');
END;

-- The search index counts the visible experiences of an agreement ("met ervaringen"): a new one, and
-- one hidden or shown again, changes the agreement (see V003).
CREATE TRIGGER experience_added AFTER INSERT ON experience
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.agreement_id;
END;

CREATE TRIGGER experience_visibility_changed AFTER UPDATE OF hidden_at ON experience
WHEN (OLD.hidden_at IS NULL) <> (NEW.hidden_at IS NULL)
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.agreement_id;
END;

-- The contact of an agreement, chosen by those who may edit it. Not part of a revision: it is not endorsed
-- content. Without a row the creator is the contact (when eligible). Whether the account still qualifies
-- (enabled, of a party organisation) is checked when it is shown, so a contact who leaves shows as none.
CREATE TABLE agreement_contact (
    agreement_id  INTEGER PRIMARY KEY REFERENCES agreement (id),
    account_id    INTEGER NOT NULL REFERENCES account (id),
    set_by        TEXT NOT NULL,
    set_at        TEXT NOT NULL
);

-- Following (volgen): an account asks to be told when an agreement, any agreement of a koppelzone,
-- or any agreement with a theme becomes public with a new revision (bekrachtigd) or is retired.
-- Exactly one of agreement, koppelzone and theme is set; following the same thing twice is one row.

CREATE TABLE follow (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES account (id),
    agreement_id   INTEGER REFERENCES agreement (id),
    koppelzone_id  INTEGER REFERENCES koppelzone (id),
    theme          TEXT CHECK (theme IS NULL OR length(theme) BETWEEN 1 AND 60),
    created_at     TEXT NOT NULL,
    CHECK ((agreement_id IS NOT NULL) + (koppelzone_id IS NOT NULL) + (theme IS NOT NULL) = 1)
);
CREATE UNIQUE INDEX follow_agreement ON follow (account_id, agreement_id) WHERE agreement_id IS NOT NULL;
CREATE UNIQUE INDEX follow_koppelzone ON follow (account_id, koppelzone_id) WHERE koppelzone_id IS NOT NULL;
CREATE UNIQUE INDEX follow_theme ON follow (account_id, theme) WHERE theme IS NOT NULL;
CREATE INDEX follow_agreement_target ON follow (agreement_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX follow_koppelzone_target ON follow (koppelzone_id) WHERE koppelzone_id IS NOT NULL;
CREATE INDEX follow_theme_target ON follow (theme) WHERE theme IS NOT NULL;

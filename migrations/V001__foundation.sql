-- Foundation schema: places, organisations, koppelzones, agreements with append-only revisions,
-- and the audit log. Times are ISO-8601 UTC text ("2026-11-24T13:07:00.123Z"), dates are "YYYY-MM-DD".

CREATE TABLE municipality (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 80),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    jeugdregio  TEXT
);

CREATE TABLE organisation (
    id    INTEGER PRIMARY KEY,
    slug  TEXT NOT NULL UNIQUE CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 120),
    name  TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
    kind  TEXT NOT NULL CHECK (kind IN ('lokaal_team', 'aanbieder', 'gecertificeerde_instelling', 'huisarts',
                                        'onderwijs', 'veilig_thuis', 'gemeente', 'zorgverzekeraar', 'overig'))
);

CREATE TABLE koppelzone (
    id                       INTEGER PRIMARY KEY,
    slug                     TEXT NOT NULL UNIQUE CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 120),
    name                     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
    municipality_id          INTEGER NOT NULL REFERENCES municipality (id),
    level                    TEXT NOT NULL DEFAULT 'lokaal' CHECK (level IN ('lokaal', 'regionaal')),
    description              TEXT NOT NULL DEFAULT '',
    chair_organisation_id    INTEGER REFERENCES organisation (id)
);
CREATE INDEX koppelzone_municipality ON koppelzone (municipality_id);

-- The parties (member organisations) of a koppelzone and when each joined ("nieuwe toetreders").
CREATE TABLE koppelzone_party (
    koppelzone_id    INTEGER NOT NULL REFERENCES koppelzone (id),
    organisation_id  INTEGER NOT NULL REFERENCES organisation (id),
    joined_on        TEXT NOT NULL CHECK (joined_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (koppelzone_id, organisation_id)
);
CREATE INDEX koppelzone_party_organisation ON koppelzone_party (organisation_id);

CREATE TABLE agreement (
    id                 INTEGER PRIMARY KEY,
    slug               TEXT NOT NULL CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 120),
    koppelzone_id      INTEGER NOT NULL REFERENCES koppelzone (id),
    status             TEXT NOT NULL DEFAULT 'concept'
                       CHECK (status IN ('concept', 'ter_bekrachtiging', 'bekrachtigd', 'vervallen')),
    review_date        TEXT CHECK (review_date IS NULL OR review_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- Denormalised from revision so lists need no aggregate; kept in step by AgreementStore in the same transaction.
    current_revision   INTEGER NOT NULL DEFAULT 0,
    endorsed_revision  INTEGER,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (koppelzone_id, slug)
);
CREATE INDEX agreement_updated ON agreement (updated_at DESC);

CREATE TABLE agreement_party (
    agreement_id     INTEGER NOT NULL REFERENCES agreement (id),
    organisation_id  INTEGER NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (agreement_id, organisation_id)
);
CREATE INDEX agreement_party_organisation ON agreement_party (organisation_id);

CREATE TABLE agreement_theme (
    agreement_id  INTEGER NOT NULL REFERENCES agreement (id),
    theme         TEXT NOT NULL CHECK (length(theme) BETWEEN 1 AND 60),
    PRIMARY KEY (agreement_id, theme)
);
CREATE INDEX agreement_theme_theme ON agreement_theme (theme);

-- Every saved version of an agreement. Append-only: the triggers below refuse UPDATE and DELETE,
-- so history can never be rewritten, not even by a bug or a hand-typed statement.
CREATE TABLE revision (
    id            INTEGER PRIMARY KEY,
    agreement_id  INTEGER NOT NULL REFERENCES agreement (id),
    number        INTEGER NOT NULL CHECK (number >= 1),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body          TEXT NOT NULL,
    author_name   TEXT NOT NULL CHECK (length(author_name) BETWEEN 1 AND 100),
    created_at    TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    -- The revision the author started from (NULL for the first); differs from number - 1 after a merge.
    base_number   INTEGER,
    -- SHA-256 (hex) of the content: title, a newline, body. Endorsements bind to it.
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    UNIQUE (agreement_id, number)
);

CREATE TRIGGER revision_no_update BEFORE UPDATE ON revision
BEGIN
    SELECT RAISE(ABORT, 'revisions are append-only');
END;

CREATE TRIGGER revision_no_delete BEFORE DELETE ON revision
BEGIN
    SELECT RAISE(ABORT, 'revisions are append-only');
END;

-- Every write and every security event. Append-only as well.
CREATE TABLE audit_event (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL,
    details   TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_at ON audit_event (at);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

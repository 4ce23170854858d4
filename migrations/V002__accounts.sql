-- Accounts, koppelzone memberships, API tokens and instance settings; revisions and audit events
-- now name the account that made them.

CREATE TABLE account (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE
                    CHECK (length(username) BETWEEN 2 AND 40 AND username NOT GLOB '*[^a-z0-9._-]*'),
    display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    email           TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 200),
    organisation_id INTEGER REFERENCES organisation (id),
    -- Argon2id (PHC string); NULL for accounts that only sign in through single sign-on.
    password_hash   TEXT,
    -- The OIDC subject ("sub") the account is linked to, if any.
    oidc_subject    TEXT UNIQUE,
    is_admin        INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      TEXT NOT NULL,
    last_login_at   TEXT
);
CREATE INDEX account_email ON account (email COLLATE NOCASE);

-- An account's role in a koppelzone; one role per koppelzone.
CREATE TABLE membership (
    account_id     INTEGER NOT NULL REFERENCES account (id),
    koppelzone_id  INTEGER NOT NULL REFERENCES koppelzone (id),
    role           TEXT NOT NULL CHECK (role IN ('lezer', 'praktijkexpert', 'voorzitter', 'manager')),
    since          TEXT NOT NULL,
    PRIMARY KEY (account_id, koppelzone_id)
);
CREATE INDEX membership_koppelzone ON membership (koppelzone_id);

-- Personal API tokens. Only a SHA-256 of the token is stored; the token is shown once.
CREATE TABLE api_token (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES account (id),
    label         TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
    token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at    TEXT NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT
);
CREATE INDEX api_token_account ON api_token (account_id);

-- Settings the beheerder changes at run time.
CREATE TABLE instance_setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Who wrote a revision (NULL for imported history and revisions from before accounts existed).
ALTER TABLE revision ADD COLUMN author_account_id INTEGER REFERENCES account (id);

-- The account behind an audit event, and the koppelzone it concerns, for filtering.
ALTER TABLE audit_event ADD COLUMN actor_account_id INTEGER REFERENCES account (id);
ALTER TABLE audit_event ADD COLUMN koppelzone_id INTEGER REFERENCES koppelzone (id);
CREATE INDEX audit_event_actor ON audit_event (actor_account_id);
CREATE INDEX audit_event_koppelzone ON audit_event (koppelzone_id);

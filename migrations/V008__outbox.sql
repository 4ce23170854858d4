-- The transactional outbox (issue 15): every notification is one row per recipient and event, written
-- in the same transaction as the event that causes it, so a committed event is never without its
-- mails and a rolled-back one never has any. A sender delivers the rows after commit.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    -- What caused it, e.g. 'round:12:proposed'; with the recipient it is unique, so the same event
    -- never produces two mails for one person, whoever enqueues it twice.
    event_key        TEXT NOT NULL CHECK (length(event_key) BETWEEN 1 AND 200),
    kind             TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
    account_id       INTEGER NOT NULL REFERENCES account (id),
    -- The address and the text as they were when the event happened: what was committed is what is sent.
    address          TEXT NOT NULL CHECK (length(address) BETWEEN 3 AND 200),
    subject          TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body_text        TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    -- queued: waiting (again) for its next attempt; sending: claimed by the sender; sent: the SMTP
    -- server accepted it; failed: given up after too many attempts.
    state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at       TEXT NOT NULL,
    next_attempt_at  TEXT NOT NULL,
    last_attempt_at  TEXT,
    last_error       TEXT CHECK (last_error IS NULL OR length(last_error) <= 500),
    sent_at          TEXT,
    UNIQUE (event_key, account_id)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

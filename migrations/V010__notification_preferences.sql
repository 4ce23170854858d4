-- Notification preferences, the daily digest and the days the daily run has done (issue 15, items 5
-- and 6). Without a row a kind of mail comes as its default (NotificationKind).
CREATE TABLE notification_preference (
    account_id  INTEGER NOT NULL REFERENCES account (id),
    kind        TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
    delivery    TEXT NOT NULL CHECK (delivery IN ('immediately', 'digest', 'off')),
    PRIMARY KEY (account_id, kind)
);

-- A person's global switch: all_off = 1 means no mail at all (the beheerder's test message excepted).
CREATE TABLE notification_setting (
    account_id  INTEGER PRIMARY KEY REFERENCES account (id),
    all_off     INTEGER NOT NULL CHECK (all_off IN (0, 1))
);

-- A notification kept for the recipient's next daily digest instead of a mail of its own. Written in
-- the event's transaction like an outbox row, and like it unique per event and recipient.
CREATE TABLE digest_item (
    id          INTEGER PRIMARY KEY,
    event_key   TEXT NOT NULL CHECK (length(event_key) BETWEEN 1 AND 200),
    kind        TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
    account_id  INTEGER NOT NULL REFERENCES account (id),
    subject     TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    link        TEXT,
    created_at  TEXT NOT NULL,
    -- the digest that took it, e.g. 'digest:2026-12-05'; NULL while it waits
    digest_key  TEXT,
    UNIQUE (event_key, account_id)
);
CREATE INDEX digest_item_waiting ON digest_item (digest_key, account_id);

-- The RFC 8058 unsubscribe address of a mail, made when it was enqueued; NULL for the test message.
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;

-- One row per day the daily run (digest and due-date reminders) did; its primary key keeps a day
-- from running twice, whatever restarts or catches up.
CREATE TABLE daily_run (
    day     TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ran_at  TEXT NOT NULL
);

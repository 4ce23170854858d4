-- Meetings can be moved and cancelled (issue 15). A meeting keeps its status column ('gepland',
-- 'gesloten'); a cancelled meeting is a planned one with cancelled_at set, so the table need not be
-- rebuilt (SQLite cannot alter a CHECK). `sequence` is the iCalendar SEQUENCE: it grows with every
-- move and the cancellation, so calendars update the event with the same UID instead of adding one.

ALTER TABLE meeting ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0);
-- when the time was last changed, the start it had before (for "Verplaatst; was …")
ALTER TABLE meeting ADD COLUMN previous_starts_at TEXT;
ALTER TABLE meeting ADD COLUMN cancelled_at TEXT;
ALTER TABLE meeting ADD COLUMN cancelled_by TEXT;
ALTER TABLE meeting ADD COLUMN cancel_reason TEXT CHECK (cancel_reason IS NULL OR length(cancel_reason) BETWEEN 1 AND 1000);

-- A cancelled meeting is final: nothing about it changes any more (nor can it be closed).
CREATE TRIGGER meeting_cancelled_is_final BEFORE UPDATE ON meeting
WHEN OLD.cancelled_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a cancelled meeting does not change');
END;

-- Cancelling needs its reason and who did it, and a closed meeting cannot be cancelled.
CREATE TRIGGER meeting_cancel_complete BEFORE UPDATE OF cancelled_at ON meeting
WHEN NEW.cancelled_at IS NOT NULL AND (NEW.cancel_reason IS NULL OR NEW.cancelled_by IS NULL OR NEW.status <> 'gepland')
BEGIN
    SELECT RAISE(ABORT, 'a cancellation needs a reason and a planned meeting');
END;

-- A mail may carry one attachment (issue 15): a meeting's invitation, change or cancellation carries
-- its .ics. Stored with the mail, as it was when the event happened; NULL for mails without one.
ALTER TABLE outbox ADD COLUMN attachment_name TEXT CHECK (attachment_name IS NULL OR length(attachment_name) BETWEEN 1 AND 100);
ALTER TABLE outbox ADD COLUMN attachment_type TEXT CHECK (attachment_type IS NULL OR length(attachment_type) BETWEEN 1 AND 100);
ALTER TABLE outbox ADD COLUMN attachment TEXT CHECK (attachment IS NULL OR length(attachment) <= 200000);

-- What each commit changed, so that kept reads survive commits that did not touch them (db/ChangeLog).
-- Every write transaction made through the application - the server or a command such as import,
-- in any process - adds one row in the same transaction: the tables it changed and, for tables that
-- refer to agreements, which agreements their changed rows refer to. A server reads the rows added
-- since it last looked whenever the database's data version moves; a move without a new row (a
-- change made around the application) counts as a change of everything.
-- Only the newest rows are kept: a reader that finds a gap after its last row treats it as a change
-- of everything too.
CREATE TABLE change_log (
    seq     INTEGER PRIMARY KEY,
    changed TEXT    NOT NULL
);

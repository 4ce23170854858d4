-- Issue 19: PostgreSQL's twin (migrations/postgresql/V038__postgresql_only.sql) adds what only a shared
-- server needs: SQLite's instr() under its own name, and the attachments' contents in the database, so
-- that instances on different machines share them. On SQLite instr() is built in and the attachments stay
-- files in the data directory: there is nothing to do here but keep the two histories at the same version.
SELECT 1;

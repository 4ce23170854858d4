package nl.afsprakenwiki.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The change log's notes on PostgreSQL. SQLite's temporary triggers ({@link ChangeLog#install}) do not
 * exist there; instead one trigger function and a row trigger per logged table are part of the database,
 * and they note changed rows in a temporary table that only the wiki's write connections create (at
 * connect, {@link #NOTES_TABLE}). A change made through any other connection - psql, a migration
 * tool - finds no such table and notes nothing; the table empties itself at every commit or rollback.
 *
 * <p>The triggers follow the schema: at start-up each instance, holding the write lock, creates the
 * function and any trigger that is missing or names other columns than {@link Tables} finds, so a
 * migration that adds a table or a reference to an agreement gets its trigger without writing one.
 */
final class PostgresChangeNotes {

    /** The temporary table the notes go to, as {@link ChangeLog#record} reads it. */
    static final String NOTES = "pg_temp.changed_row";

    /** Run on every new write connection. */
    static final String NOTES_TABLE = "CREATE TEMP TABLE IF NOT EXISTS changed_row (tbl text NOT NULL, "
            + "agreement bigint NOT NULL, PRIMARY KEY (tbl, agreement)) ON COMMIT DELETE ROWS";

    private static final String FUNCTION = """
            CREATE OR REPLACE FUNCTION change_log_note() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE
              i integer;
              v text;
            BEGIN
              IF to_regclass('pg_temp.changed_row') IS NULL THEN
                RETURN NULL;
              END IF;
              INSERT INTO pg_temp.changed_row (tbl, agreement) VALUES (TG_TABLE_NAME, -1) ON CONFLICT DO NOTHING;
              FOR i IN 0 .. TG_NARGS - 1 LOOP
                IF TG_OP <> 'DELETE' THEN
                  v := to_jsonb(NEW) ->> TG_ARGV[i];
                  IF v IS NOT NULL THEN
                    INSERT INTO pg_temp.changed_row (tbl, agreement) VALUES (TG_TABLE_NAME, v::bigint) ON CONFLICT DO NOTHING;
                  END IF;
                END IF;
                IF TG_OP <> 'INSERT' THEN
                  v := to_jsonb(OLD) ->> TG_ARGV[i];
                  IF v IS NOT NULL THEN
                    INSERT INTO pg_temp.changed_row (tbl, agreement) VALUES (TG_TABLE_NAME, v::bigint) ON CONFLICT DO NOTHING;
                  END IF;
                END IF;
              END LOOP;
              RETURN NULL;
            END
            $fn$""";

    private PostgresChangeNotes() {
    }

    /** Creates the function and the missing or outdated triggers, one instance at a time. */
    static void install(Connection connection, Tables tables) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + PostgresEngine.WRITE_LOCK + ")");
            Map<String, String> present = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT c.relname, encode(t.tgargs, 'escape') FROM pg_trigger t
                    JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND t.tgname = 'change_log_' || c.relname AND NOT t.tgisinternal""")) {
                while (rows.next()) {
                    present.put(rows.getString(1), rows.getString(2));
                }
            }
            boolean functionPresent;
            try (ResultSet rows = statement.executeQuery("SELECT to_regprocedure('change_log_note()') IS NOT NULL")) {
                rows.next();
                functionPresent = rows.getBoolean(1);
            }
            if (!functionPresent) {
                statement.execute(FUNCTION);
            }
            for (Map.Entry<String, List<String>> table : tables.logged().entrySet()) {
                String arguments = String.join("", table.getValue().stream().map(column -> column + "\\000").toList());
                if (!arguments.equals(present.get(table.getKey()))) {
                    statement.execute(trigger(table.getKey(), table.getValue()));
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String trigger(String table, List<String> refs) {
        String arguments = String.join(", ", refs.stream().map(ref -> "'" + ref + "'").toList());
        return "CREATE OR REPLACE TRIGGER \"change_log_" + table + "\" AFTER INSERT OR UPDATE OR DELETE ON \"" + table
                + "\" FOR EACH ROW EXECUTE FUNCTION change_log_note(" + arguments + ")";
    }
}

package nl.afsprakenwiki.db;

import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes what each commit changed to {@code change_log}, inside the commit (V034). Temporary triggers
 * on the writing connection - they exist for this connection only and are not part of the schema -
 * note every changed row in a temporary table as it happens: its table, and for rows that refer to
 * agreements each agreement referred to before and after the change. Just before the transaction
 * commits, {@link #record} turns the notes into one log row. A rolled-back transaction takes its notes
 * with it.
 */
final class ChangeLog {

    /** How many log rows are kept; a server that is further behind treats the gap as a change of everything. */
    static final int KEPT = 10_000;
    private static final int PRUNE_EVERY = 256;

    private final String notesTable;
    /** True when the notes table empties itself at every commit (PostgreSQL's ON COMMIT DELETE ROWS). */
    private final boolean emptiedAtCommit;
    private int commits;

    /**
     * A log whose notes the triggers write to the table {@code notes} ({@link PostgresChangeNotes} on
     * PostgreSQL, where it empties itself at commit: {@code emptiedAtCommit}).
     */
    ChangeLog(String notes, boolean emptiedAtCommit) {
        this.notesTable = notes;
        this.emptiedAtCommit = emptiedAtCommit;
    }

    /** Creates the temporary table and triggers on {@code writer}, the one writing connection (SQLite). */
    static ChangeLog install(Connection writer, Tables tables) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS changed_row (tbl TEXT NOT NULL, agreement INTEGER NOT NULL, "
                    + "PRIMARY KEY (tbl, agreement)) WITHOUT ROWID");
            for (Map.Entry<String, List<String>> table : tables.logged().entrySet()) {
                String name = table.getKey();
                List<String> refs = table.getValue();
                statement.execute(trigger(name, "INSERT", refs, List.of("NEW")));
                statement.execute(trigger(name, "UPDATE", refs, List.of("OLD", "NEW")));
                statement.execute(trigger(name, "DELETE", refs, List.of("OLD")));
            }
        }
        return new ChangeLog("temp.changed_row", false);
    }

    /**
     * A note per changed row: the table (agreement -1), and each agreement the row refers to. Notes
     * already taken are skipped by the statement itself, not by a conflict clause: inside a trigger the
     * outer statement's conflict handling (an upsert's, say) would replace an {@code OR IGNORE}.
     */
    private static String trigger(String table, String event, List<String> refs, List<String> rows) {
        StringBuilder values = new StringBuilder("SELECT -1 AS v");
        for (String row : rows) {
            for (String ref : refs) {
                values.append(" UNION SELECT ").append(row).append(".\"").append(ref).append('"');
            }
        }
        return "CREATE TEMP TRIGGER IF NOT EXISTS \"change_log_" + table + "_" + event.toLowerCase() + "\" AFTER "
                + event + " ON main.\"" + table + "\" BEGIN INSERT INTO temp.changed_row SELECT '" + table
                + "', v FROM (" + values + ") WHERE v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM temp.changed_row c "
                + "WHERE c.tbl = '" + table + "' AND c.agreement = v); END";
    }

    /** Turns this transaction's notes into its log row; called last inside every write transaction. */
    void record(Handle handle) {
        List<Map.Entry<String, Long>> notes = handle.createQuery("SELECT tbl, agreement FROM " + notesTable)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
        if (notes.isEmpty()) {
            return;
        }
        if (!emptiedAtCommit) {
            handle.execute("DELETE FROM " + notesTable);
        }
        Map<String, Set<Long>> changed = new HashMap<>();
        Set<String> tooMany = new HashSet<>();
        for (Map.Entry<String, Long> note : notes) {
            Set<Long> ids = changed.computeIfAbsent(note.getKey(), table -> new HashSet<>());
            if (note.getValue() >= 0) {
                ids.add(note.getValue());
                if (ids.size() > Change.MAX_LISTED) {
                    tooMany.add(note.getKey());
                }
            }
        }
        tooMany.forEach(table -> changed.put(table, null));
        handle.createUpdate("INSERT INTO change_log (changed) VALUES (:changed)")
                .bind("changed", Change.of(changed).format()).execute();
        if (++commits % PRUNE_EVERY == 0) {
            handle.createUpdate("DELETE FROM change_log WHERE seq <= (SELECT max(seq) FROM change_log) - :kept")
                    .bind("kept", KEPT).execute();
        }
    }
}

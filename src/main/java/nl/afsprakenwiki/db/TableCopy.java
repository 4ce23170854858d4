package nl.afsprakenwiki.db;

import nl.afsprakenwiki.text.Progress;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Copies every table of the wiki's SQLite database into the same tables of a PostgreSQL database that
 * PostgreSQL's own migrations have just made (the {@code migrate} command), inside the caller's one
 * transaction on {@code target}. Driven by PostgreSQL's catalogue ({@link CopyPlan}), not by a list of
 * tables: values are converted by the type of the column they go to, and tables are filled parents
 * first along their foreign keys. The schema's triggers must not fire on copied rows (they number
 * changes, refuse updates of history, queue texts, write counts), so they are off for the copy
 * ({@code DISABLE TRIGGER USER}: the wiki's user owns its tables, and the foreign keys stay checked).
 */
public final class TableCopy {

    /** A schema that does not fit the copy, or a value that fits no column: nothing is kept. */
    public static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message);
        }
    }

    /** What was copied: the tables, their rows, and the tables whose rows the migrations had made (replaced by the source's). */
    public record Report(int tables, long rows, List<String> replaced) {
    }

    private static final int BATCH = 500;

    private final Connection source;
    private final Connection target;
    private final CopyPlan plan;

    private TableCopy(Connection source, Connection target, CopyPlan plan) {
        this.source = source;
        this.target = target;
        this.plan = plan;
    }

    /**
     * Reads both catalogues and decides the order; throws {@link Mismatch} when a table or column of
     * {@code source} (SQLite) is missing in {@code target} (PostgreSQL) or the other way round.
     */
    public static TableCopy plan(Connection source, Connection target) throws SQLException {
        return new TableCopy(source, target, CopyPlan.read(source, target));
    }

    /** The tables to copy, in the order they are filled. */
    public List<String> tables() {
        return plan.order().stream().map(CopyPlan.Table::name).toList();
    }

    /** Turns the schema's own triggers off on every table, for the rest of the transaction or {@link #finish}. */
    public void disableTriggers() throws SQLException {
        triggers("DISABLE");
    }

    /**
     * Replaces whatever rows the migrations made (a counter, the standard template) and copies every
     * table, streaming the source and writing in batches; then sets the references of cycles.
     */
    public Report copy(Progress progress) throws SQLException {
        List<CopyPlan.Table> order = plan.order();
        List<String> replaced = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            String table = order.get(i).name();
            if (count(target, table) > 0) {
                execute(target, "DELETE FROM " + quote(table), table);
                replaced.add(table);
            }
        }
        if (plan.deferred()) {
            execute(target, "SET CONSTRAINTS ALL DEFERRED", "");
        }
        long rows = 0;
        for (CopyPlan.Table table : order) {
            rows += copy(table, progress);
        }
        for (CopyPlan.Later later : plan.later()) {
            setAfterwards(later);
        }
        Collections.reverse(replaced);
        return new Report(order.size(), rows, replaced);
    }

    /** Lets every identity go on after the highest id now in its table, and turns the triggers on again. */
    public void finish() throws SQLException {
        for (CopyPlan.Table table : plan.targetTables()) {
            for (CopyPlan.Column column : table.columns()) {
                if (column.identity()) {
                    execute(target, "SELECT setval(pg_get_serial_sequence('" + quote(table.name()).replace("'", "''")
                            + "', '" + column.name().replace("'", "''") + "'), coalesce(max(" + quote(column.name())
                            + "), 0) + 1, false) FROM " + quote(table.name()), table.name());
                }
            }
        }
        triggers("ENABLE");
    }

    /** The number of rows in {@code table}. */
    public static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quote(table))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void triggers(String action) throws SQLException {
        for (CopyPlan.Table table : plan.targetTables()) {
            execute(target, "ALTER TABLE " + quote(table.name()) + " " + action + " TRIGGER USER", table.name());
        }
    }

    private long copy(CopyPlan.Table table, Progress progress) throws SQLException {
        int total = (int) count(source, table.name());
        String phase = "tabel " + table.name();
        Set<String> nulled = plan.later().stream().filter(later -> later.table().equals(table.name()))
                .flatMap(later -> later.columns().stream()).collect(Collectors.toSet());
        List<CopyPlan.Column> columns = table.columns();
        String names = columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "));
        String select = "SELECT " + names + " FROM " + quote(table.name())
                + (table.key().isEmpty() ? "" : " ORDER BY " + table.key().stream().map(TableCopy::quote)
                        .collect(Collectors.joining(", ")));
        String insert = "INSERT INTO " + quote(table.name()) + " (" + names + ")"
                + (table.alwaysIdentity() ? " OVERRIDING SYSTEM VALUE" : "")
                + " VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        int done = batched(table.name(), select, insert, columns, nulled, n -> progress.step(phase, n, total));
        if (done % BATCH != 0 || done == 0) {
            progress.step(phase, done, total);
        }
        return done;
    }

    /** Sets the columns of a reference inside a cycle, now that every row they may name is there. */
    private void setAfterwards(CopyPlan.Later later) throws SQLException {
        CopyPlan.Table table = plan.table(later.table());
        List<CopyPlan.Column> set = later.columns().stream().map(table::column).toList();
        List<CopyPlan.Column> key = table.key().stream().map(table::column).toList();
        List<CopyPlan.Column> all = new ArrayList<>(set);
        all.addAll(key);
        String select = "SELECT " + all.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "))
                + " FROM " + quote(table.name()) + " WHERE "
                + set.stream().map(column -> quote(column.name()) + " IS NOT NULL").collect(Collectors.joining(" OR "));
        String update = "UPDATE " + quote(table.name()) + " SET "
                + set.stream().map(column -> quote(column.name()) + " = ?").collect(Collectors.joining(", ")) + " WHERE "
                + key.stream().map(column -> quote(column.name()) + " = ?").collect(Collectors.joining(" AND "));
        batched(table.name(), select, update, all, Set.of(), n -> { });
    }

    /**
     * Runs {@code statement} on the target once per row that {@code select} reads from the source, in
     * batches of {@link #BATCH}, with the row's values bound in the order of {@code columns} (those
     * named in {@code nulled} as null); {@code afterBatch} is told the rows done after each full batch.
     */
    private int batched(String tableName, String select, String statement, List<CopyPlan.Column> columns,
                        Set<String> nulled, IntConsumer afterBatch) throws SQLException {
        int done = 0;
        try (Statement read = source.createStatement();
             ResultSet rows = read.executeQuery(select);
             PreparedStatement write = target.prepareStatement(statement)) {
            while (rows.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    CopyPlan.Column column = columns.get(i);
                    bind(write, i + 1, column, nulled.contains(column.name()) ? null : rows.getObject(i + 1), tableName);
                }
                write.addBatch();
                if (++done % BATCH == 0) {
                    write.executeBatch();
                    afterBatch.accept(done);
                }
            }
            write.executeBatch();
        } catch (SQLException e) {
            throw failed(tableName, e);
        }
        return done;
    }

    /** Binds a value SQLite gave (Integer, Long, Double, String, byte[] or null) as the target column's type. */
    private static void bind(PreparedStatement statement, int index, CopyPlan.Column column, Object value, String table)
            throws SQLException {
        String type = column.type();
        if (value == null) {
            statement.setNull(index, switch (type) {
                case "bigint" -> Types.BIGINT;
                case "integer" -> Types.INTEGER;
                case "smallint" -> Types.SMALLINT;
                case "text", "character varying", "character" -> Types.VARCHAR;
                case "bytea" -> Types.BINARY;
                case "double precision" -> Types.DOUBLE;
                case "real" -> Types.REAL;
                case "numeric" -> Types.NUMERIC;
                case "boolean" -> Types.BOOLEAN;
                default -> Types.OTHER;
            });
            return;
        }
        switch (type) {
            case "bigint" -> statement.setLong(index, whole(value, column, table));
            case "integer", "smallint" -> statement.setInt(index, Math.toIntExact(whole(value, column, table)));
            case "text", "character varying", "character" -> {
                if (!(value instanceof String || value instanceof Integer || value instanceof Long)) {
                    throw new Mismatch("tabel " + table + ", kolom " + column.name() + ": een waarde die geen tekst is");
                }
                statement.setString(index, value.toString());
            }
            case "bytea" -> statement.setBytes(index, value instanceof byte[] bytes ? bytes
                    : value.toString().getBytes(StandardCharsets.UTF_8));
            case "double precision", "real" -> statement.setDouble(index, number(value, column, table).doubleValue());
            case "numeric" -> statement.setBigDecimal(index, new BigDecimal(number(value, column, table).toString()));
            case "boolean" -> statement.setBoolean(index, whole(value, column, table) != 0);
            default -> statement.setObject(index, value.toString(), Types.OTHER);
        }
    }

    /** A whole number, as SQLite may keep it: an integer, a real without fraction, or digits as text. */
    private static long whole(Object value, CopyPlan.Column column, String table) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double real && real == Math.rint(real) && Math.abs(real) < 0x1p53) {
            return real.longValue();
        }
        if (value instanceof String text && text.strip().matches("[-+]?[0-9]{1,18}")) {
            return Long.parseLong(text.strip());
        }
        throw new Mismatch("tabel " + table + ", kolom " + column.name() + ": een waarde die geen geheel getal is");
    }

    private static Number number(Object value, CopyPlan.Column column, String table) {
        if (value instanceof Number number) {
            return number;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new Mismatch("tabel " + table + ", kolom " + column.name() + ": een waarde die geen getal is");
        }
    }

    private static void execute(Connection connection, String sql, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw table.isEmpty() ? e : failed(table, e);
        }
    }

    /** The failure with the table it happened in; a batch's own reason is in its next exception. */
    private static SQLException failed(String table, SQLException e) {
        SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String message = String.valueOf(cause.getMessage());
        int line = message.indexOf('\n');
        return new SQLException("tabel " + table + ": " + (line < 0 ? message : message.substring(0, line)),
                cause.getSQLState(), e);
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

package nl.afsprakenwiki.db;

import nl.afsprakenwiki.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's schema (migrations/postgresql/) against SQLite's (migrations/), both made by their real
 * migrations: the same tables, columns, keys, indexes, triggers and views, and the same rules - the
 * statements of {@code schema-rules/*.sql} are accepted or refused alike on both, and leave the same
 * rows behind, triggers' rows included (change numbers, counts, the privacy register's queue).
 */
class PostgresSchemaTest {

    @TempDir
    Path dir;

    @Test
    void everyMigrationFromV036OnExistsForBothDatabases() throws IOException {
        Set<String> sqlite = versions(Path.of("migrations"));
        Set<String> postgres = versions(Path.of("migrations/postgresql"));
        assertThat(postgres).as("PostgreSQL's history starts with the schema at V035").first().isEqualTo("035");
        Set<String> sqliteFromV035 = sqlite.stream().filter(v -> v.compareTo("035") >= 0)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sqliteFromV035)
                .as("every SQLite migration from V035 on has its PostgreSQL twin, under the same version")
                .isEqualTo(postgres);
    }

    private static Set<String> versions(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.+\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void theSameTablesColumnsKeysIndexesTriggersAndViews() throws SQLException {
        DataSource postgres = Postgres.freshDatabase();
        Dialect.POSTGRESQL.migrate(postgres);
        try (Connection lite = sqlite().getConnection(); Connection pg = postgres.getConnection()) {
            List<String> tables = tables(lite);
            List<String> postgresTables = new java.util.ArrayList<>(tables(pg));
            // V038: the attachments' contents, in the database only on PostgreSQL (SQLite keeps them as files)
            assertThat(postgresTables.remove("stored_file")).as("PostgreSQL's stored_file").isTrue();
            assertThat(postgresTables).containsExactlyInAnyOrderElementsOf(tables);
            for (String table : tables) {
                assertThat(columns(pg, table)).as("columns of %s: name, required", table).isEqualTo(columns(lite, table));
                assertThat(primaryKey(pg, table)).as("primary key of %s", table).isEqualTo(primaryKey(lite, table));
                assertThat(foreignKeys(pg, table)).as("foreign keys of %s", table).isEqualTo(foreignKeys(lite, table));
                assertThat(uniqueKeys(pg, table)).as("unique keys of %s", table).containsAll(uniqueKeys(lite, table));
            }
            assertThat(sqliteObjects(lite, "index").keySet()).as("named indexes")
                    .isSubsetOf(postgresIndexes(pg));
            Map<String, String> postgresTriggers = new java.util.HashMap<>(postgresTriggers(pg));
            assertThat(postgresTriggers.remove("stored_file_unchanged")).isEqualTo("stored_file");
            assertThat(postgresTriggers).as("triggers: name, table").isEqualTo(sqliteObjects(lite, "trigger"));
            assertThat(postgresViews(pg)).as("views").isEqualTo(sqliteObjects(lite, "view").keySet());
        }
    }

    /**
     * statements.sql: the rules that matter most, with what each must do; every-trigger.sql: every trigger
     * on its accepting and refusing paths and every table's constraints (the statements the translation was
     * checked with). The second has statements that give several agreements a change number at once; SQL
     * leaves open in which order a statement visits its rows, so which of them gets which number may
     * differ, and there the numbers themselves are left out (the counter is compared; statements.sql
     * compares every number, one row per statement); the same holds for the order of the texts one
     * statement queues for the privacy register.
     */
    @ParameterizedTest
    @CsvSource({"statements.sql, ''", "every-trigger.sql, agreement.change_seq privacy_scan_queue.id"})
    void theSameStatementsAreAcceptedOrRefusedAlikeAndLeaveTheSameRows(String file, String unordered) throws Exception {
        DataSource postgres = Postgres.freshDatabase();
        Dialect.POSTGRESQL.migrate(postgres);
        List<Step> steps = Step.read(file);
        assertThat(steps).hasSizeGreaterThan(100);
        try (Connection lite = sqlite().getConnection(); Connection pg = postgres.getConnection()) {
            for (Step step : steps) {
                String onSqlite = outcome(lite, step.sql());
                String onPostgres = outcome(pg, step.sql());
                assertThat(onPostgres).as("PostgreSQL, line %d: %s", step.line(), step.sql()).isEqualTo(onSqlite);
                if (step.expected() != null) {
                    assertThat(onSqlite).as("line %d: %s", step.line(), step.sql()).isEqualTo(step.expected());
                }
            }
            for (String table : tables(lite)) {
                Set<String> generated = identityColumns(pg, table);
                Set<String> left = Stream.of(unordered.split(" ")).filter(column -> column.startsWith(table + "."))
                        .map(column -> column.substring(table.length() + 1)).collect(Collectors.toSet());
                assertThat(rows(pg, table, generated, left)).as("the rows of %s", table)
                        .isEqualTo(rows(lite, table, generated, left));
            }
        }
    }

    /** A new SQLite database made by its migrations, with the wiki's connection settings. */
    private DataSource sqlite() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + dir.resolve("schema.db"));
        Dialect.SQLITE.migrate(source);
        return source;
    }

    /** One statement of the file, where it starts, and what it must do (null: what SQLite does). */
    private record Step(int line, String sql, String expected) {

        static List<Step> read(String file) throws IOException {
            List<Step> steps = new ArrayList<>();
            try (InputStream in = Objects.requireNonNull(
                    PostgresSchemaTest.class.getResourceAsStream("/schema-rules/" + file))) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                StringBuilder sql = new StringBuilder();
                String expected = null;
                int start = 0;
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i];
                    if (line.startsWith("-- expect:")) {
                        expected = line.substring("-- expect:".length()).strip();
                    } else if (!line.startsWith("--") && !line.isBlank()) {
                        if (sql.isEmpty()) {
                            start = i + 1;
                        }
                        sql.append(line.strip()).append(' ');
                        if (line.stripTrailing().endsWith(";")) {
                            String text = sql.toString().strip();
                            steps.add(new Step(start, text.substring(0, text.length() - 1), expected));
                            sql.setLength(0);
                            expected = null;
                        }
                    }
                }
            }
            return steps;
        }
    }

    private static final Pattern SQLITE_RAISE = Pattern.compile("\\(([^()]*)\\)\\s*$");

    /**
     * "ok N" (N rows changed), "refused KIND" for a CHECK, UNIQUE, FOREIGN_KEY or NOT_NULL rule, or
     * "refused RAISE message" for a trigger's refusal.
     */
    private static String outcome(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return "ok " + statement.getUpdateCount();
        } catch (SQLiteException e) {
            return switch (e.getResultCode()) {
                case SQLITE_CONSTRAINT_CHECK -> "refused CHECK";
                case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> "refused UNIQUE";
                case SQLITE_CONSTRAINT_FOREIGNKEY -> "refused FOREIGN_KEY";
                case SQLITE_CONSTRAINT_NOTNULL -> "refused NOT_NULL";
                case SQLITE_CONSTRAINT_TRIGGER -> {
                    Matcher message = SQLITE_RAISE.matcher(e.getMessage());
                    yield "refused RAISE " + (message.find() ? message.group(1) : e.getMessage());
                }
                default -> "failed " + e.getMessage();
            };
        } catch (PSQLException e) {
            String message = e.getServerErrorMessage() == null ? e.getMessage() : e.getServerErrorMessage().getMessage();
            return switch (Objects.requireNonNullElse(e.getSQLState(), "")) {
                case "23514" -> "refused CHECK";
                case "23505" -> "refused UNIQUE";
                case "23503" -> "refused FOREIGN_KEY";
                case "23502" -> "refused NOT_NULL";
                case "P0001" -> "refused RAISE " + message;
                default -> "failed " + message;
            };
        } catch (SQLException e) {
            return "failed " + e.getMessage();
        }
    }

    /**
     * Every row of a table as text, in a fixed order (sorted here: the two databases collate differently).
     * A generated id is shown as its rank among the table's ids: SQLite gives a new row the highest id
     * plus one, PostgreSQL the next number of a sequence that a refused insert or an upsert has used up
     * too, so only their order is the same (a queue's order, for one).
     */
    private static List<String> rows(Connection connection, String table, Set<String> generated, Set<String> leftOut)
            throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> ranked = new ArrayList<>();
        List<Integer> omitted = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = result.getMetaData().getColumnCount();
            for (int i = 1; i <= columns; i++) {
                String name = result.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT);
                if (generated.contains(name)) {
                    ranked.add(i - 1);
                }
                if (leftOut.contains(name)) {
                    omitted.add(i - 1);
                }
            }
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = result.getObject(i);
                    row.add(value instanceof Double || value instanceof Float ? value.toString()
                            : value instanceof Number number ? Long.toString(number.longValue())
                            : value == null ? "NULL" : value.toString());
                }
                rows.add(row);
            }
        }
        for (int column : ranked) {
            List<Long> ids = rows.stream().map(row -> Long.parseLong(row.get(column))).sorted().toList();
            rows.forEach(row -> row.set(column, "#" + (ids.indexOf(Long.parseLong(row.get(column))) + 1)));
        }
        omitted.forEach(column -> rows.forEach(row -> row.set(column, "(left out)")));
        return rows.stream().map(row -> String.join(" | ", row)).sorted().toList();
    }

    /** The columns PostgreSQL fills from a sequence (SQLite's rowid aliases). */
    private static Set<String> identityColumns(Connection connection, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (var statement = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = ? AND is_identity = 'YES'")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(result.getString(1));
                }
            }
        }
        return columns;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet result = connection.getMetaData().getTables(null, schema(connection), "%", new String[]{"TABLE"})) {
            while (result.next()) {
                String name = result.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.equals("flyway_schema_history")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private static String schema(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? "public" : null;
    }

    /** Columns in order, each "name" or "name NOT NULL" (a primary key column of SQLite counts as required). */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> key = primaryKey(connection, table);
        List<String> columns = new ArrayList<>();
        try (ResultSet result = connection.getMetaData().getColumns(null, schema(connection), table, "%")) {
            while (result.next()) {
                String name = result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                boolean required = result.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls || key.contains(name);
                columns.add(name + (required ? " NOT NULL" : ""));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet result = connection.getMetaData().getPrimaryKeys(null, schema(connection), table)) {
            while (result.next()) {
                key.put(result.getInt("KEY_SEQ"), result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(key.values());
    }

    /** Each column of a foreign key as "column -> table.column (on delete: rule)", sorted. */
    private static Set<String> foreignKeys(Connection connection, String table) throws SQLException {
        Set<String> keys = new TreeSet<>();
        try (ResultSet result = connection.getMetaData().getImportedKeys(null, schema(connection), table)) {
            while (result.next()) {
                keys.add(result.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                        + result.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                        + Objects.requireNonNullElse(result.getString("PKCOLUMN_NAME"), "").toLowerCase(Locale.ROOT)
                        + " (on delete: " + result.getInt("DELETE_RULE") + ")");
            }
        }
        return keys;
    }

    /** Unique keys by their columns (unique constraints, and unique indexes over plain columns, partial ones too). */
    private static Set<String> uniqueKeys(Connection connection, String table) throws SQLException {
        Map<String, Map<Integer, String>> keys = new TreeMap<>();
        try (ResultSet result = connection.getMetaData().getIndexInfo(null, schema(connection), table, true, false)) {
            while (result.next()) {
                String column = result.getString("COLUMN_NAME");
                // SQLite's driver lists every index, whatever "unique" asks for, and no partial index's condition;
                // of an index over expressions it names the plain columns only: so the comparison does too
                if (column != null && !result.getBoolean("NON_UNIQUE")
                        && column.replace("\"", "").matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    keys.computeIfAbsent(result.getString("INDEX_NAME"), k -> new TreeMap<>())
                            .put(result.getInt("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT).replace("\"", ""));
                }
            }
        }
        return keys.values().stream().map(columns -> String.join(", ", columns.values()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** SQLite's named objects of one type (not its automatic indexes): name to table. */
    private static Map<String, String> sqliteObjects(Connection connection, String type) throws SQLException {
        Map<String, String> objects = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT name, tbl_name FROM sqlite_master WHERE type = '" + type
                     + "' AND name NOT LIKE 'sqlite_%' AND tbl_name <> 'flyway_schema_history'")) {
            while (result.next()) {
                objects.put(result.getString(1), result.getString(2));
            }
        }
        return objects;
    }

    private static Set<String> postgresIndexes(Connection connection) throws SQLException {
        return strings(connection, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'");
    }

    private static Map<String, String> postgresTriggers(Connection connection) throws SQLException {
        Map<String, String> triggers = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT t.tgname, c.relname FROM pg_trigger t"
                     + " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE NOT t.tgisinternal AND n.nspname = 'public'")) {
            while (result.next()) {
                triggers.put(result.getString(1), result.getString(2));
            }
        }
        return triggers;
    }

    private static Set<String> postgresViews(Connection connection) throws SQLException {
        return strings(connection, "SELECT table_name FROM information_schema.views WHERE table_schema = 'public'");
    }

    private static Set<String> strings(Connection connection, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}

package nl.afsprakenwiki.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema as the change log needs it: the tables, which of their columns refer to an agreement
 * (a foreign key to {@code agreement(id)}; for {@code agreement} itself its {@code id}), and which
 * tables a statement reads (every table or view named in its text, views replaced by the tables they
 * read - a word that happens to equal a table's name only adds a dependency, never loses one).
 */
final class Tables {

    /** Tables whose changes no read depends on: the log itself and the migration history. */
    private static final Set<String> UNLOGGED = Set.of("change_log", "flyway_schema_history");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int KEPT_STATEMENTS = 20_000;

    /** Logged table: the columns of it that refer to an agreement (empty: none). */
    private final Map<String, List<String>> tables;
    /** Table or view name: the tables it stands for. */
    private final Map<String, Set<String>> names;
    private final Map<String, Set<String>> byStatement = new ConcurrentHashMap<>();

    private Tables(Map<String, List<String>> tables, Map<String, Set<String>> names) {
        this.tables = tables;
        this.names = names;
    }

    static Tables read(Connection connection) throws SQLException {
        return read(connection, Dialect.SQLITE);
    }

    static Tables read(Connection connection, Dialect dialect) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        Map<String, String> views = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(dialect == Dialect.SQLITE
                     ? "SELECT type, name, sql FROM sqlite_master "
                             + "WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name"
                     : "SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'table' END AS type, c.relname AS name, "
                             + "CASE c.relkind WHEN 'v' THEN pg_get_viewdef(c.oid) END AS sql FROM pg_class c "
                             + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                             + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v') ORDER BY c.relname")) {
            while (rows.next()) {
                String name = rows.getString("name").toLowerCase(Locale.ROOT);
                if (rows.getString("type").equals("view")) {
                    views.put(name, rows.getString("sql"));
                } else if (!UNLOGGED.contains(name)) {
                    tables.put(name, new ArrayList<>());
                }
            }
        }
        if (tables.containsKey("agreement")) {
            tables.get("agreement").add("id");
        }
        if (dialect == Dialect.SQLITE) {
            sqliteReferences(connection, tables);
        } else {
            postgresReferences(connection, tables);
        }
        return build(tables, views);
    }

    /** Each table's columns that are a foreign key to {@code agreement(id)}, from SQLite's own list. */
    private static void sqliteReferences(Connection connection, Map<String, List<String>> tables) throws SQLException {
        try (PreparedStatement keys = connection.prepareStatement(
                "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)")) {
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                keys.setString(1, table.getKey());
                try (ResultSet rows = keys.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getString("table").equalsIgnoreCase("agreement")) {
                            table.getValue().add(rows.getString("from"));
                        }
                    }
                }
            }
        }
    }

    /** The same from PostgreSQL's catalogue, in column order. */
    private static void postgresReferences(Connection connection, Map<String, List<String>> tables) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname, a.attname FROM pg_constraint k
                     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                     WHERE k.contype = 'f' AND n.nspname = current_schema()
                       AND k.confrelid = to_regclass(quote_ident(current_schema()) || '.agreement')
                     ORDER BY c.relname, a.attnum""")) {
            while (rows.next()) {
                List<String> columns = tables.get(rows.getString(1).toLowerCase(Locale.ROOT));
                if (columns != null && !columns.contains(rows.getString(2))) {
                    columns.add(rows.getString(2));
                }
            }
        }
    }

    private static Tables build(Map<String, List<String>> tables, Map<String, String> views) {
        Map<String, Set<String>> names = new HashMap<>();
        tables.keySet().forEach(table -> names.put(table, Set.of(table)));
        for (String view : views.keySet()) {
            names.put(view, viewTables(view, views, tables.keySet(), new HashSet<>()));
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        tables.forEach((table, columns) -> frozen.put(table, List.copyOf(columns)));
        return new Tables(frozen, Map.copyOf(names));
    }

    private static Set<String> viewTables(String view, Map<String, String> views, Set<String> tables, Set<String> seen) {
        Set<String> found = new HashSet<>();
        if (!seen.add(view)) {
            return found;
        }
        Matcher words = WORD.matcher(views.get(view));
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            if (tables.contains(word)) {
                found.add(word);
            } else if (views.containsKey(word) && !word.equals(view)) {
                found.addAll(viewTables(word, views, tables, seen));
            }
        }
        return found;
    }

    /** The tables whose changes are logged, with the columns of each that refer to an agreement. */
    Map<String, List<String>> logged() {
        return tables;
    }

    /** True when rows of {@code table} refer to agreements, so its changes are logged per agreement. */
    boolean refersToAgreements(String table) {
        List<String> columns = tables.get(table);
        return columns != null && !columns.isEmpty();
    }

    /** The logged tables {@code sql} may read. */
    Set<String> readBy(String sql) {
        Set<String> known = byStatement.get(sql);
        if (known != null) {
            return known;
        }
        Set<String> found = new HashSet<>();
        Matcher words = WORD.matcher(sql);
        while (words.find()) {
            Set<String> tablesOfName = names.get(words.group().toLowerCase(Locale.ROOT));
            if (tablesOfName != null) {
                found.addAll(tablesOfName);
            }
        }
        Set<String> result = Set.copyOf(found);
        if (byStatement.size() < KEPT_STATEMENTS) {
            byStatement.put(sql, result);
        }
        return result;
    }
}

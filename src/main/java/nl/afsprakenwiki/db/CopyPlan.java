package nl.afsprakenwiki.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link TableCopy} copies and in which order, read from both catalogues: every table of the SQLite
 * database but Flyway's history, each with the columns, types, key and identities PostgreSQL has for it.
 * Tables are filled parents first along the foreign keys, which stay checked during the copy. A foreign
 * key that closes a cycle (a comment replying to a comment, a redaction made from another) cannot be
 * satisfied by any order: when it is deferrable the check waits for the commit, else its columns are
 * written NULL with the rows and set afterwards ({@link Later}).
 */
final class CopyPlan {

    record Column(String name, String type, boolean nullable, boolean identity, boolean always) {
    }

    record Table(String name, List<Column> columns, List<String> key) {
        Column column(String name) {
            return columns.stream().filter(column -> column.name().equals(name)).findFirst().orElseThrow();
        }

        boolean alwaysIdentity() {
            return columns.stream().anyMatch(Column::always);
        }
    }

    /** A foreign key of {@code table} to {@code parent}. */
    record Reference(String table, String parent, List<String> columns, boolean deferrable) {
    }

    /** The columns of a cyclic, not deferrable foreign key: NULL in the copied rows, set after them. */
    record Later(String table, List<String> columns) {
    }

    private static final String HISTORY = "flyway_schema_history";

    private final List<Table> order;
    private final List<Table> targetTables;
    private final List<Later> later;
    private final boolean deferred;

    private CopyPlan(List<Table> order, List<Table> targetTables, List<Later> later, boolean deferred) {
        this.order = order;
        this.targetTables = targetTables;
        this.later = later;
        this.deferred = deferred;
    }

    /** The tables to copy, parents first. */
    List<Table> order() {
        return order;
    }

    /** Every table of the target but Flyway's history, copied or not (PostgreSQL's own stored_file). */
    List<Table> targetTables() {
        return targetTables;
    }

    List<Later> later() {
        return later;
    }

    /** True when a deferrable foreign key closes a cycle: its checks wait for the commit. */
    boolean deferred() {
        return deferred;
    }

    Table table(String name) {
        return order.stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow();
    }

    static CopyPlan read(Connection source, Connection target) throws SQLException {
        String sourceVersion = version(source);
        String targetVersion = version(target);
        if (!sourceVersion.equals(targetVersion)) {
            throw new TableCopy.Mismatch("de SQLite-database staat op schemaversie " + sourceVersion + ", PostgreSQL op "
                    + targetVersion + "; beide moeten door dezelfde versie van de wiki zijn bijgewerkt");
        }
        Map<String, Table> targets = targetTables(target);
        Set<String> copied = new TreeSet<>();
        try (Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                     + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND lower(name) <> '" + HISTORY + "'")) {
            while (rows.next()) {
                copied.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String name : copied) {
            Table table = targets.get(name);
            if (table == null) {
                throw new TableCopy.Mismatch("de tabel " + name + " van de SQLite-database bestaat niet in PostgreSQL");
            }
            Set<String> sourceColumns = sourceColumns(source, name);
            Set<String> targetColumns = new TreeSet<>(table.columns().stream().map(Column::name).toList());
            if (!sourceColumns.equals(targetColumns)) {
                Set<String> onlySource = new TreeSet<>(sourceColumns);
                onlySource.removeAll(targetColumns);
                Set<String> onlyTarget = new TreeSet<>(targetColumns);
                onlyTarget.removeAll(sourceColumns);
                throw new TableCopy.Mismatch("de tabel " + name + " heeft andere kolommen in SQLite dan in PostgreSQL"
                        + " (alleen in SQLite: " + onlySource + ", alleen in PostgreSQL: " + onlyTarget + ")");
            }
        }
        List<Reference> references = new ArrayList<>();
        for (Reference reference : references(target)) {
            if (copied.contains(reference.table()) && copied.contains(reference.parent())) {
                references.add(reference);
            }
        }
        List<Later> later = new ArrayList<>();
        boolean deferred = false;
        List<Reference> ordering = new ArrayList<>();
        for (Reference reference : references) {
            if (!reaches(reference.parent(), reference.table(), references)) {
                ordering.add(reference);
            } else if (reference.deferrable()) {
                deferred = true;
            } else {
                Table table = targets.get(reference.table());
                if (table.key().isEmpty() || reference.columns().stream().anyMatch(c -> !table.column(c).nullable())) {
                    throw new TableCopy.Mismatch("de verwijzing van " + reference.table() + " naar " + reference.parent()
                            + " is een kring die niet in één volgorde te kopiëren is");
                }
                later.add(new Later(reference.table(), reference.columns()));
            }
        }
        List<Table> targetList = targets.values().stream().filter(table -> !table.name().equals(HISTORY)).toList();
        return new CopyPlan(order(copied, ordering, targets), targetList, later, deferred);
    }

    /** The newest version Flyway applied. */
    private static String version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM " + HISTORY
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1).replaceAll("(^|\\.)0+(?=\\d)", "$1") : "(geen)";
        }
    }

    /** Parents before the tables that refer to them; otherwise by name, so every run copies alike. */
    private static List<Table> order(Set<String> copied, List<Reference> references, Map<String, Table> targets) {
        Map<String, Set<String>> parents = new HashMap<>();
        for (Reference reference : references) {
            if (!reference.parent().equals(reference.table())) {
                parents.computeIfAbsent(reference.table(), t -> new HashSet<>()).add(reference.parent());
            }
        }
        List<Table> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> waiting = new TreeSet<>(copied);
        while (!waiting.isEmpty()) {
            String next = waiting.stream().filter(name -> placed.containsAll(parents.getOrDefault(name, Set.of())))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no table without unplaced parents"));
            waiting.remove(next);
            placed.add(next);
            order.add(targets.get(next));
        }
        return order;
    }

    /** True when {@code to} can be reached from {@code from} along foreign keys (itself at once). */
    private static boolean reaches(String from, String to, List<Reference> references) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String table = todo.pop();
            if (table.equals(to)) {
                return true;
            }
            if (seen.add(table)) {
                references.stream().filter(r -> r.table().equals(table)).forEach(r -> todo.push(r.parent()));
            }
        }
        return false;
    }

    private static Set<String> sourceColumns(Connection source, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA table_info(" + TableCopy.quote(table) + ")")) {
            while (rows.next()) {
                columns.add(rows.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** The base tables of the current schema with their columns (generated ones left out) and keys. */
    private static Map<String, Table> targetTables(Connection target) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = target.prepareStatement("""
                SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.is_identity, c.identity_generation,
                       c.column_default, c.is_generated
                  FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                 ORDER BY c.table_name, c.ordinal_position""");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if ("ALWAYS".equals(rows.getString("is_generated"))) {
                    continue;
                }
                String defaultValue = rows.getString("column_default");
                boolean identity = "YES".equals(rows.getString("is_identity"))
                        || defaultValue != null && defaultValue.startsWith("nextval(");
                columns.computeIfAbsent(rows.getString("table_name"), t -> new ArrayList<>()).add(new Column(
                        rows.getString("column_name"), rows.getString("data_type"), "YES".equals(rows.getString("is_nullable")),
                        identity, "ALWAYS".equals(rows.getString("identity_generation"))));
            }
        }
        Map<String, List<String>> keys = new HashMap<>();
        for (Reference key : constraints(target, "p")) {
            keys.put(key.table(), key.columns());
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        columns.forEach((name, list) -> tables.put(name,
                new Table(name, List.copyOf(list), keys.getOrDefault(name, List.of()))));
        return tables;
    }

    private static List<Reference> references(Connection target) throws SQLException {
        return constraints(target, "f");
    }

    /** Primary keys ({@code p}, parent null) or foreign keys ({@code f}) of the current schema's tables. */
    private static List<Reference> constraints(Connection target, String type) throws SQLException {
        List<Reference> found = new ArrayList<>();
        try (PreparedStatement statement = target.prepareStatement("""
                SELECT t.relname, p.relname AS parent, c.condeferrable,
                       ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, pos)
                               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.pos)
                  FROM pg_constraint c
                  JOIN pg_class t ON t.oid = c.conrelid
                  JOIN pg_namespace s ON s.oid = t.relnamespace
                  LEFT JOIN pg_class p ON p.oid = c.confrelid
                 WHERE s.nspname = current_schema() AND c.contype::text = ?
                 ORDER BY t.relname, c.conname""")) {
            statement.setString(1, type);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Array columns = rows.getArray(4);
                    found.add(new Reference(rows.getString(1), rows.getString(2), List.of((String[]) columns.getArray()),
                            rows.getBoolean(3)));
                }
            }
        }
        return found;
    }
}

package nl.afsprakenwiki.db;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one commit changed: the tables whose rows it inserted, updated or deleted and, for tables that
 * refer to agreements, the agreements its changed rows referred to (before and after the change).
 * {@link #EVERYTHING} stands for a commit whose changes are not known (made around the application,
 * or no longer in the log): it touches every kept read.
 *
 * <p>Stored in {@code change_log.changed} as {@code table;table:1,2;table:*}: a table alone when its
 * changed rows refer to no agreement, with the agreements when they do, with {@code *} when they
 * referred to too many agreements to list (then any read of the table counts as touched).
 */
final class Change {

    static final Change EVERYTHING = new Change(true, Map.of());

    /** More agreements than this in one table and commit are not listed: the table counts as changed as a whole. */
    static final int MAX_LISTED = 1_000;

    private final boolean everything;
    /** Changed table: the agreements its changed rows referred to, or null when that is not known (a whole-table change). */
    private final Map<String, Set<Long>> tables;

    private Change(boolean everything, Map<String, Set<Long>> tables) {
        this.everything = everything;
        this.tables = tables;
    }

    /** A change of exactly {@code tables}; a null set means the table changed in rows not listed. */
    static Change of(Map<String, Set<Long>> tables) {
        Map<String, Set<Long>> copy = new HashMap<>();
        tables.forEach((table, ids) -> copy.put(table, ids == null ? null : Set.copyOf(ids)));
        return new Change(false, Collections.unmodifiableMap(copy));
    }

    boolean everything() {
        return everything;
    }

    /** The tables this commit changed (none for {@link #EVERYTHING}, which stands for all). */
    Set<String> tables() {
        return tables.keySet();
    }

    /** True when this commit may have changed anything {@code reads} read. */
    boolean touches(Reads reads) {
        if (everything || reads.everything()) {
            return true;
        }
        for (String table : reads.wholeTables()) {
            if (tables.containsKey(table)) {
                return true;
            }
        }
        for (Map.Entry<String, Set<Long>> read : reads.scopedTables().entrySet()) {
            if (!tables.containsKey(read.getKey())) {
                continue;
            }
            Set<Long> changed = tables.get(read.getKey());
            if (changed == null) {
                return true;
            }
            for (Long agreement : read.getValue()) {
                if (changed.contains(agreement)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** As stored in {@code change_log.changed}. */
    String format() {
        if (everything) {
            throw new IllegalStateException("an unknown change is never written to the log");
        }
        StringBuilder out = new StringBuilder();
        tables.keySet().stream().sorted().forEach(table -> {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(table);
            Set<Long> ids = tables.get(table);
            if (ids == null) {
                out.append(":*");
            } else if (!ids.isEmpty()) {
                out.append(':');
                out.append(String.join(",", ids.stream().sorted().map(String::valueOf).toList()));
            }
        });
        return out.toString();
    }

    /** The inverse of {@link #format}; anything it cannot read is {@link #EVERYTHING}. */
    static Change parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return EVERYTHING;
        }
        Map<String, Set<Long>> tables = new HashMap<>();
        try {
            for (String part : stored.split(";")) {
                int colon = part.indexOf(':');
                if (colon < 0) {
                    tables.put(part, Set.of());
                    continue;
                }
                String table = part.substring(0, colon);
                String ids = part.substring(colon + 1);
                if (ids.equals("*")) {
                    tables.put(table, null);
                    continue;
                }
                Set<Long> set = new HashSet<>();
                for (String id : ids.split(",")) {
                    set.add(Long.parseLong(id));
                }
                tables.put(table, set);
            }
        } catch (NumberFormatException e) {
            return EVERYTHING;
        }
        return of(tables);
    }

    @Override
    public String toString() {
        return everything ? "everything" : format();
    }
}

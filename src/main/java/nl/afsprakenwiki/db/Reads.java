package nl.afsprakenwiki.db;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a kept read depended on: the tables its statements read, each either as a whole or - when its
 * {@link ReadCache} declares that its loader reads only rows referring to certain agreements - only
 * in the rows of those agreements. A commit whose {@link Change} touches none of it leaves the kept
 * value as it is.
 *
 * <p>Recorded while the value loads: every statement the loader runs on the reading connections
 * (through the statement logger {@link Database} installs) and every kept value it uses from another
 * cache add to it. A loader that read nothing from the database depends on everything (its value may
 * come from anywhere), and so does one that wrote.
 */
final class Reads {

    static final Reads EVERYTHING = new Reads(true, Set.of(), Map.of());

    private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();

    private final boolean everything;
    private final Set<String> wholeTables;
    private final Map<String, Set<Long>> scopedTables;

    private Reads(boolean everything, Set<String> wholeTables, Map<String, Set<Long>> scopedTables) {
        this.everything = everything;
        this.wholeTables = wholeTables;
        this.scopedTables = scopedTables;
    }

    boolean everything() {
        return everything;
    }

    Set<String> wholeTables() {
        return wholeTables;
    }

    Map<String, Set<Long>> scopedTables() {
        return scopedTables;
    }

    /**
     * Runs {@code load}, recording what it reads. {@code scope}: the agreements whose rows alone the
     * loader reads in tables that refer to agreements, or null when it may read any row.
     */
    static <V> Loaded<V> record(Set<Long> scope, Supplier<V> load) {
        Recorder recorder = new Recorder(CURRENT.get(), scope);
        CURRENT.set(recorder);
        V value;
        try {
            value = load.get();
        } finally {
            CURRENT.set(recorder.outer);
        }
        Reads reads = recorder.reads();
        include(reads);
        return new Loaded<>(value, reads);
    }

    /** A loaded value with what it depended on. */
    record Loaded<V>(V value, Reads reads) {
    }

    /** Runs {@code load} outside any recording (what it reads counts for nobody). */
    static <V> V unrecorded(Supplier<V> load) {
        Recorder outer = CURRENT.get();
        CURRENT.remove();
        try {
            return load.get();
        } finally {
            if (outer != null) {
                CURRENT.set(outer);
            }
        }
    }

    /** A kept value that the value being loaded uses: it depends on what that one depended on. */
    static void include(Reads reads) {
        Recorder recorder = CURRENT.get();
        if (recorder != null) {
            recorder.add(reads);
        }
    }

    /** Called for every statement on a reading connection. */
    static void statement(Tables tables, String sql) {
        Recorder recorder = CURRENT.get();
        if (recorder != null && sql != null) {
            recorder.read(tables, sql);
        }
    }

    /** Called for every statement on the writing connection: a loader that writes depends on everything. */
    static void written() {
        Recorder recorder = CURRENT.get();
        if (recorder != null) {
            recorder.everything = true;
        }
    }

    private static final class Recorder {
        private final Recorder outer;
        private final Set<Long> scope;
        private final Set<String> whole = new HashSet<>();
        private final Map<String, Set<Long>> scoped = new HashMap<>();
        private boolean everything;
        private boolean readSomething;

        Recorder(Recorder outer, Set<Long> scope) {
            this.outer = outer;
            this.scope = scope == null ? null : Set.copyOf(scope);
        }

        void read(Tables tables, String sql) {
            readSomething = true;
            for (String table : tables.readBy(sql)) {
                if (scope != null && tables.refersToAgreements(table)) {
                    scoped.computeIfAbsent(table, t -> new HashSet<>()).addAll(scope);
                } else {
                    whole.add(table);
                }
            }
        }

        void add(Reads reads) {
            readSomething = true;
            everything |= reads.everything;
            whole.addAll(reads.wholeTables);
            reads.scopedTables.forEach((table, ids) -> scoped.computeIfAbsent(table, t -> new HashSet<>()).addAll(ids));
        }

        Reads reads() {
            if (everything || !readSomething) {
                return EVERYTHING;
            }
            Map<String, Set<Long>> frozen = new HashMap<>();
            scoped.forEach((table, ids) -> {
                if (!whole.contains(table)) {
                    frozen.put(table, Set.copyOf(ids));
                }
            });
            return new Reads(false, Set.copyOf(whole), Map.copyOf(frozen));
        }
    }

    @Override
    public String toString() {
        return everything ? "everything" : "whole " + wholeTables + ", rows of " + scopedTables;
    }
}

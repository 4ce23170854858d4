package nl.afsprakenwiki.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells whether anything was committed: a number that grows by one for every change SQLite reports
 * on the watching connection ({@code PRAGMA data_version} changes when any other connection commits:
 * this process's writer, or another process such as a command-line import). On PostgreSQL the number
 * asked is the change log's newest, which every commit of the wiki's moves, from whichever instance:
 * so the same check keeps caches current across instances.
 *
 * <p>Every cached read asks it, so under load many requests ask at once. They used to queue for the
 * connection one by one (the national mixed load spent more time waiting there than anywhere else).
 * Now one asks SQLite for all who arrived before it started: every request takes a ticket, a check
 * covers the tickets handed out before it read the data version, and a request whose ticket a
 * finished check covers takes that answer - it reflects every commit completed before the request
 * asked, which is all a cache needs to be never older than the last commit.
 *
 * <p>When the data version moved, the check also reads what the new commits changed from the change
 * log (V034, {@link ChangeLog}) and keeps the most recent changes, so that a kept read can ask whether
 * any commit since it was loaded touched what it read ({@link #untouched}). A move without a new log
 * row - a change made around the application - and a gap in the log count as a change of everything.
 */
final class ChangeWatch implements AutoCloseable {

    /** The answer of the last check, valid for every ticket up to {@code covered}. */
    private record Checked(long covered, long changes) {
    }

    /** How many recent changes are kept for {@link #untouched}. */
    static final int REMEMBERED = 4_096;

    /** A change with its number, so a slot overwritten in the meantime is recognised. */
    private record Numbered(long number, Change change) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    /** Per thread that answers a request, its stamp (-1: not taken yet); see {@link #requestStamp}. */
    private final ThreadLocal<long[]> requestStamps = new ThreadLocal<>();
    private final AtomicReferenceArray<Numbered> recent = new AtomicReferenceArray<>(REMEMBERED);
    /** Per table, the number of the last change that touched it (absent: none since this process started). */
    private final Map<String, Long> tableChanged = new ConcurrentHashMap<>();
    private volatile long everythingChanged;
    private final AtomicLong tickets = new AtomicLong();
    private final Opener opener;
    private final String versionQuery;
    private Connection connection;
    private PreparedStatement dataVersion;
    private PreparedStatement newRows;
    private volatile Checked last = new Checked(0, 0);
    private long seen;
    private long changes;
    private long logged;

    /** Opens the watching connection: on SQLite a read-only one of its own, on PostgreSQL one at REPEATABLE READ. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /**
     * A watch on the connections {@code opener} opens, asking {@code versionQuery} whether anything was
     * committed: SQLite's {@code PRAGMA data_version}, or on PostgreSQL the change log's newest number
     * (which moves with every commit of the wiki's, from whichever instance).
     */
    ChangeWatch(Opener opener, String versionQuery) throws SQLException {
        this.opener = opener;
        this.versionQuery = versionQuery;
        connect();
        this.seen = read();
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT coalesce(max(seq), 0) FROM change_log")) {
            max.next();
            this.logged = max.getLong(1);
        }
    }

    /**
     * The stamp for this thread's request: its first {@link #stamp}, kept for all its kept reads, so a page
     * asks SQLite's data version once instead of once per kept read. A page uses some thirty; under
     * load the requests queued for the one connection that asks, and a signed-in agreement page ran
     * at a tenth of the server's speed. A request's answers are then as of when it first read: never
     * older than the last commit before that. A write of its own moves the stamp on, so it reads what
     * it wrote. A thread that answers no request ({@link #beginRequest}) takes a fresh stamp each time.
     */
    long requestStamp() {
        long[] request = requestStamps.get();
        if (request == null) {
            return stamp();
        }
        if (request[0] < 0) {
            request[0] = stamp();
        }
        return request[0];
    }

    void beginRequest() {
        requestStamps.set(new long[] {-1});
    }

    void endRequest() {
        requestStamps.remove();
    }

    /** This thread committed: its request's next kept read takes a stamp after the commit. */
    void committedByThisThread() {
        long[] request = requestStamps.get();
        if (request != null) {
            request[0] = -1;
        }
    }

    private void connect() throws SQLException {
        connection = opener.open();
        dataVersion = connection.prepareStatement(versionQuery);
        newRows = connection.prepareStatement("SELECT seq, changed FROM change_log WHERE seq > ? ORDER BY seq");
    }

    /**
     * After the watching connection failed (a database server restarted, say): a new one. Its version
     * number starts afresh, so the next check reads the log, and a gap in it counts as a change of everything.
     */
    private void reconnect(SQLException failure) throws SQLException {
        try {
            connection.close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
        connect();
        seen = Long.MIN_VALUE;
    }

    /** The number of changes seen so far. */
    long stamp() {
        long ticket = tickets.incrementAndGet();
        Checked checked = last;
        if (checked.covered() >= ticket) {
            return checked.changes();
        }
        lock.lock();
        try {
            checked = last;
            if (checked.covered() >= ticket) {
                return checked.changes();
            }
            long covered = tickets.get();
            try {
                check();
            } catch (SQLException failed) {
                reconnect(failed);
                check();
            }
            last = new Checked(covered, changes);
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's data version", e);
        } finally {
            lock.unlock();
        }
    }

    private void check() throws SQLException {
        if (read() != seen) {
            readLog();
        }
    }

    /**
     * Reads the log rows added since the last ones seen, and the data version, in one read transaction:
     * so the version is the one of the snapshot the rows come from, and a commit that lands meanwhile is
     * seen next time, not taken for a change made around the application.
     */
    private void readLog() throws SQLException {
        List<Change> found = new ArrayList<>();
        long version;
        long first = -1;
        long lastRow = logged;
        connection.setAutoCommit(false);
        try {
            newRows.setLong(1, logged);
            try (ResultSet rows = newRows.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    if (first < 0) {
                        first = seq;
                    }
                    lastRow = seq;
                    found.add(Change.parse(rows.getString(2)));
                }
            }
            version = read();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        seen = version;
        if (found.isEmpty() || first != logged + 1) {
            add(Change.EVERYTHING);
        }
        found.forEach(this::add);
        logged = lastRow;
    }

    private void add(Change change) {
        changes++;
        if (change.everything()) {
            everythingChanged = changes;
        } else {
            change.tables().forEach(table -> tableChanged.put(table, changes));
        }
        recent.set((int) (changes % REMEMBERED), new Numbered(changes, change));
    }

    /**
     * True when no change numbered above {@code from} up to {@code to} (both {@link #stamp} values)
     * touched what {@code reads} read; false also when those changes are no longer remembered.
     */
    boolean untouched(long from, long to, Reads reads) {
        if (to > last.changes() || reads.everything() || everythingChanged > from) {
            return false;
        }
        // most kept values read tables no change since has touched at all: no need to look at each change
        if (lastTouched(reads) <= from) {
            return true;
        }
        if (to - from >= REMEMBERED) {
            return false;
        }
        for (long number = from + 1; number <= to; number++) {
            Numbered change = recent.get((int) (number % REMEMBERED));
            if (change == null || change.number() != number || change.change().touches(reads)) {
                return false;
            }
        }
        return true;
    }

    /** The number of the last change to any table {@code reads} read (0: none remembered). */
    private long lastTouched(Reads reads) {
        long latest = 0;
        for (String table : reads.wholeTables()) {
            latest = Math.max(latest, tableChanged.getOrDefault(table, 0L));
        }
        for (String table : reads.scopedTables().keySet()) {
            latest = Math.max(latest, tableChanged.getOrDefault(table, 0L));
        }
        return latest;
    }

    private long read() throws SQLException {
        try (ResultSet result = dataVersion.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            dataVersion.close();
            connection.close();
        } finally {
            lock.unlock();
        }
    }
}

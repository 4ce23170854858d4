package nl.afsprakenwiki.db;

import org.sqlite.SQLiteDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells whether anything was committed: a number that grows by one for every change SQLite reports
 * on the watching connection ({@code PRAGMA data_version} changes when any other connection commits:
 * this process's writer, or another process such as a command-line import).
 *
 * <p>Every cached read asks it, so under load many requests ask at once. They used to queue for the
 * connection one by one (the national mixed load spent more time waiting there than anywhere else).
 * Now one asks SQLite for all who arrived before it started: every request takes a ticket, a check
 * covers the tickets handed out before it read the data version, and a request whose ticket a
 * finished check covers takes that answer - it reflects every commit completed before the request
 * asked, which is all a cache needs to be never older than the last commit.
 */
final class ChangeWatch implements AutoCloseable {

    /** The answer of the last check, valid for every ticket up to {@code covered}. */
    private record Checked(long covered, long changes) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong tickets = new AtomicLong();
    private final Connection connection;
    private final PreparedStatement dataVersion;
    private volatile Checked last = new Checked(0, 0);
    private long seen;
    private long changes;

    ChangeWatch(SQLiteDataSource readOnly) throws SQLException {
        this.connection = readOnly.getConnection();
        this.dataVersion = connection.prepareStatement("PRAGMA data_version");
        this.seen = read();
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
            long now = read();
            if (now != seen) {
                seen = now;
                changes++;
            }
            last = new Checked(covered, changes);
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's data version", e);
        } finally {
            lock.unlock();
        }
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

package nl.afsprakenwiki.db;

import org.jdbi.v3.core.ConnectionFactory;
import org.sqlite.SQLiteDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of read-only SQLite connections, opened when first needed. Each connection is used by
 * one thread at a time; when all are busy a reader waits (up to ten seconds) instead of opening more
 * (SQLite readers are cheap, but unbounded connections would be a way to exhaust file handles).
 */
final class ReaderPool implements ConnectionFactory, AutoCloseable {

    private final SQLiteDataSource source;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final AtomicInteger created = new AtomicInteger();
    private final int size;
    private volatile boolean closed;

    ReaderPool(SQLiteDataSource source, int size) {
        this.source = source;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    @Override
    public Connection openConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        if (created.incrementAndGet() <= size) {
            Connection fresh = source.getConnection();
            synchronized (all) {
                all.add(fresh);
            }
            return fresh;
        }
        created.decrementAndGet();
        try {
            connection = idle.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        if (connection == null) {
            throw new SQLException("no database connection became free within 10 seconds");
        }
        return connection;
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        if (closed || !idle.offer(connection)) {
            connection.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        idle.clear();
        synchronized (all) {
            for (Connection connection : all) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing at shutdown; nothing useful to do
                }
            }
            all.clear();
        }
    }
}

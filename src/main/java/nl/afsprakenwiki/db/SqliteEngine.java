package nl.afsprakenwiki.db;

import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite in the data directory. SQLite allows many readers but one writer, so all writes go through
 * one connection in IMMEDIATE transactions (taking the write lock up front avoids the
 * deferred-to-write upgrade that busy_timeout cannot resolve). Reads use a pool of read-only
 * connections and see a consistent snapshot per transaction.
 */
final class SqliteEngine implements Engine {

    private static final int BUSY_TIMEOUT_MS = 10_000;
    /**
     * Read-only connections, opened as requests need them. Readers of a WAL database do not wait for
     * each other, so the limit is only one on file handles: it is as large as the number of requests
     * that may be busy at once (16 to 64 under the load mix). With 8, requests waited for a connection
     * held by a request that the two cores had descheduled mid-read: at 64 connections 20-38 of the
     * request threads were parked in the pool, and p99 was 1.3 s against 0.9-1.0 s with 64 (docs/BENCHMARKS.md).
     */
    static final int READERS = 64;

    private final Path file;
    private final Connection writerConnection;
    private final ReaderPool readerPool;
    private final Tables tables;
    private final ChangeLog changeLog;
    private final ChangeWatch watch;

    SqliteEngine(Path file, Database.Durability durability) throws SQLException {
        this.file = file;
        SqliteLibrary.prepare(file.toAbsolutePath().getParent());
        String url = "jdbc:sqlite:" + file;
        SQLiteConfig writerConfig = baseConfig();
        writerConfig.setJournalMode(SQLiteConfig.JournalMode.WAL);
        writerConfig.setSynchronous(durability.sqliteMode());
        writerConfig.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource writerSource = new SQLiteDataSource(writerConfig);
        writerSource.setUrl(url);
        Dialect.SQLITE.migrate(writerSource);
        this.writerConnection = writerSource.getConnection();
        this.tables = Tables.read(writerConnection);
        this.changeLog = ChangeLog.install(writerConnection, tables);

        SQLiteConfig readerConfig = baseConfig();
        readerConfig.setReadOnly(true);
        SQLiteDataSource readerSource = new SQLiteDataSource(readerConfig);
        readerSource.setUrl(url);
        this.readerPool = new ReaderPool(readerSource, READERS);
        this.watch = new ChangeWatch(readerSource::getConnection, "PRAGMA data_version");
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setEncoding(SQLiteConfig.Encoding.UTF8);
        return config;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public ConnectionFactory writeConnections() {
        return new SingleConnection(writerConnection);
    }

    @Override
    public ConnectionFactory readConnections() {
        return readerPool;
    }

    @Override
    public Tables tables() {
        return tables;
    }

    @Override
    public ChangeLog changeLog() {
        return changeLog;
    }

    @Override
    public ChangeWatch watch() {
        return watch;
    }

    @Override
    public void beginWrite(Handle handle) {
        // the IMMEDIATE transaction already holds SQLite's one write lock
    }

    @Override
    public void connectionLost() {
        // connections to a file in the data directory are not dropped by anyone
    }

    /**
     * After SQLITE_FULL SQLite may or may not have rolled the transaction back itself; its advice is an
     * explicit ROLLBACK, which fails harmlessly when there is nothing left to roll back. Without it a
     * transaction left open would take the next write into it.
     */
    @Override
    public void afterFailedWrite(RuntimeException failure) {
        if (!DiskFull.causedBy(failure)) {
            return;
        }
        try (Statement statement = writerConnection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException expected) {
            // "no transaction is active": the usual case
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public Path file() {
        return file;
    }

    /**
     * {@code VACUUM INTO} on a reading connection copies one snapshot while others keep reading and
     * writing.
     */
    @Override
    public void backupTo(Path target) {
        Connection connection = null;
        try {
            connection = readerPool.openConnection();
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, target.toAbsolutePath().toString());
                vacuum.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the database to " + target + ": " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                try {
                    readerPool.closeConnection(connection);
                } catch (SQLException ignored) {
                    // the copy's outcome is what matters
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        readerPool.close();
        watch.close();
        writerConnection.close();
    }

    /** Hands the one writer connection to Jdbi and never closes it behind our back. */
    private record SingleConnection(Connection connection) implements ConnectionFactory {
        @Override
        public Connection openConnection() {
            return connection;
        }

        @Override
        public void closeConnection(Connection toClose) {
            // kept open for the lifetime of the Database
        }
    }
}

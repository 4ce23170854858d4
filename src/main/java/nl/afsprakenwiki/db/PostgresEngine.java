package nl.afsprakenwiki.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL server, shared by any number of instances of the wiki. Writes keep SQLite's discipline
 * - one at a time - across all of them: every write transaction first takes one transaction-scoped
 * advisory lock ({@link #WRITE_LOCK}), runs at READ COMMITTED (so each statement after the lock sees
 * every write committed before it) and releases the lock by committing. Nothing can then be lost
 * between two instances' saves, and the three-way merge and the conflict answer behave exactly as on
 * SQLite. Wiki writes are rare and short, so one at a time is cheap (docs/BENCHMARKS.md).
 *
 * <p>Reads use a pool of read-only connections at REPEATABLE READ: every query of a read transaction
 * sees one snapshot, as on SQLite. The change log's notes are made by permanent triggers that write to
 * a temporary table only the wiki's write connections have ({@link PostgresChangeNotes}); the watch
 * on commits polls the change log's newest number, which also tells this instance about every commit
 * of the others.
 */
final class PostgresEngine implements Engine {

    /** The key of the advisory lock each write transaction holds until it ends (ASCII "Afsprake"). */
    static final long WRITE_LOCK = 0x4166_7370_7261_6b65L;
    private static final int READERS = 8;
    private static final int WRITERS = 2;

    private final HikariDataSource writers;
    private final HikariDataSource readers;
    private final Tables tables;
    private final ChangeLog changeLog;
    private final ChangeWatch watch;

    PostgresEngine(DatabaseServer server) throws SQLException {
        HikariConfig write = config(server, "afsprakenwiki-write", WRITERS);
        write.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        write.setConnectionInitSql(PostgresChangeNotes.NOTES_TABLE);
        this.writers = new HikariDataSource(write);
        try {
            Dialect.POSTGRESQL.migrate(writers);
            try (Connection connection = writers.getConnection()) {
                this.tables = Tables.read(connection, Dialect.POSTGRESQL);
                PostgresChangeNotes.install(connection, tables);
            }
            this.changeLog = new ChangeLog(PostgresChangeNotes.NOTES, true);
            HikariConfig read = config(server, "afsprakenwiki-read", READERS);
            read.setReadOnly(true);
            read.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
            this.readers = new HikariDataSource(read);
        } catch (RuntimeException | SQLException e) {
            writers.close();
            throw e;
        }
        Properties properties = properties(server);
        try {
            this.watch = new ChangeWatch(() -> {
                // the watch asks one tiny question per check, and every request waits for it: never for long
                Properties watching = new Properties();
                watching.putAll(properties);
                watching.setProperty("socketTimeout", "10");
                Connection connection = DriverManager.getConnection(server.url(), watching);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                return connection;
            }, "SELECT coalesce(max(seq), 0) FROM change_log");
        } catch (RuntimeException | SQLException e) {
            readers.close();
            writers.close();
            throw e;
        }
    }

    private static HikariConfig config(DatabaseServer server, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(server.url());
        config.setDataSourceProperties(properties(server));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return config;
    }

    /**
     * The driver's settings: {@code stringtype=unspecified} lets the server type a bound text as the
     * column it meets (the wiki binds times and dates as ISO text, as SQLite stores them).
     */
    private static Properties properties(DatabaseServer server) {
        Properties properties = server.credentials();
        properties.setProperty("stringtype", "unspecified");
        properties.setProperty("ApplicationName", "afsprakenwiki");
        properties.setProperty("reWriteBatchedInserts", "true");
        // a server that vanishes without closing its connections (a failover, a cut network) is noticed
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        return properties;
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public ConnectionFactory writeConnections() {
        return () -> PortableJdbc.wrap(writers.getConnection());
    }

    @Override
    public ConnectionFactory readConnections() {
        return () -> PortableJdbc.wrap(readers.getConnection());
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
        handle.createQuery("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")").map((rs, ctx) -> 0).one();
    }

    @Override
    public void afterFailedWrite(RuntimeException failure) {
        // the pool rolls back and checks a connection returned to it
    }

    @Override
    public void connectionLost() {
        // idle connections are closed now, those in use when they come back; new ones are opened as needed
        readers.getHikariPoolMXBean().softEvictConnections();
        writers.getHikariPoolMXBean().softEvictConnections();
    }

    @Override
    public Path file() {
        return null;
    }

    @Override
    public void backupTo(Path target) {
        throw new BackupElsewhere();
    }

    @Override
    public void close() throws SQLException {
        readers.close();
        watch.close();
        writers.close();
    }
}

package nl.afsprakenwiki.db;

import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite database in the data directory. SQLite allows many readers but one writer, so all
 * writes go through one connection, one at a time, in IMMEDIATE transactions (taking the write lock
 * up front avoids the deferred-to-write upgrade that busy_timeout cannot resolve). Reads use a pool
 * of read-only connections and see a consistent snapshot per transaction.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "afsprakenwiki.db";
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int READERS = 8;

    private final Path file;
    private final Connection writerConnection;
    private final Jdbi writer;
    private final ReaderPool readerPool;
    private final Jdbi reader;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ChangeWatch changes;
    private final ChangeLog changeLog;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

    /** What a commit has survived when {@link #write} returns. */
    public enum Durability {
        /**
         * synchronous=FULL: a commit is on disk before the client hears "saved" - nothing acknowledged
         * is lost, even on power failure. Wiki writes are rare, so the extra fsync is cheap. The wiki
         * always runs so.
         */
        POWER_LOSS(SQLiteConfig.SynchronousMode.FULL),
        /**
         * synchronous=NORMAL (in WAL mode): a commit survives the process being killed, not a power
         * failure; no fsync per commit. For the tests in one JVM only, which commit thousands of times
         * and cannot lose power.
         */
        PROCESS_KILL(SQLiteConfig.SynchronousMode.NORMAL);

        private final SQLiteConfig.SynchronousMode mode;

        Durability(SQLiteConfig.SynchronousMode mode) {
            this.mode = mode;
        }
    }

    private Database(Path file, Durability durability) throws SQLException {
        this.file = file;
        String url = "jdbc:sqlite:" + file;

        SQLiteConfig writerConfig = baseConfig();
        writerConfig.setJournalMode(SQLiteConfig.JournalMode.WAL);
        writerConfig.setSynchronous(durability.mode);
        writerConfig.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource writerSource = new SQLiteDataSource(writerConfig);
        writerSource.setUrl(url);
        Dialect.SQLITE.migrate(writerSource);
        this.writerConnection = writerSource.getConnection();
        Tables tables = Tables.read(writerConnection);
        this.changeLog = ChangeLog.install(writerConnection, tables);
        this.writer = configure(Jdbi.create(new SingleConnection(writerConnection)));
        this.writer.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                Reads.written();
            }
        });

        SQLiteConfig readerConfig = baseConfig();
        readerConfig.setReadOnly(true);
        SQLiteDataSource readerSource = new SQLiteDataSource(readerConfig);
        readerSource.setUrl(url);
        this.readerPool = new ReaderPool(readerSource, READERS);
        this.reader = configure(Jdbi.create(readerPool));
        this.reader.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                Reads.statement(tables, context.getRenderedSql());
            }
        });
        this.changes = new ChangeWatch(readerSource);
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir} and applies pending migrations; every
     * commit is on disk before {@link #write} returns ({@link Durability#POWER_LOSS}).
     */
    public static Database open(Path dataDir) {
        return open(dataDir, Durability.POWER_LOSS);
    }

    /** As {@link #open(Path)}, with commits as durable as {@code durability} says. */
    public static Database open(Path dataDir, Durability durability) {
        try {
            Files.createDirectories(dataDir);
            return new Database(dataDir.resolve(FILE_NAME), durability);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setEncoding(SQLiteConfig.Encoding.UTF8);
        return config;
    }

    private static Jdbi configure(Jdbi jdbi) {
        jdbi.registerArgument(new TimeArguments.InstantArgument());
        jdbi.registerArgument(new TimeArguments.LocalDateArgument());
        jdbi.registerColumnMapper(new TimeArguments.InstantColumn());
        jdbi.registerColumnMapper(new TimeArguments.LocalDateColumn());
        // A failed statement's message names the statement, never its bound values: those can be the very
        // text a writer typed (personal data the guard refused, the text a redaction removes), and the
        // message ends up in the server log.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
        return jdbi;
    }

    /** The message of a failed statement: the driver's reason and the statement (cut short), no arguments. */
    static String withoutArguments(StatementException e) {
        String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRawSql();
        String statement = sql == null ? "" : sql.strip().replaceAll("\\s+", " ");
        return e.getShortMessage() + (statement.isEmpty() ? ""
                : " [statement: \"" + (statement.length() > 200 ? statement.substring(0, 200) + "…" : statement) + "\"]");
    }

    /** Work done on a handle inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Handle handle);
    }

    /**
     * Runs {@code work} in one write transaction; committed when it returns, rolled back if it throws.
     * Throws {@link DiskFull} when the disk is full: then nothing of the transaction was kept.
     */
    public <T> T write(Work<T> work) {
        T result;
        writeLock.lock();
        try {
            result = writer.inTransaction(handle -> {
                T done = work.run(handle);
                changeLog.record(handle);
                return done;
            });
        } catch (RuntimeException e) {
            if (e instanceof DiskFull || !DiskFull.causedBy(e)) {
                throw e;
            }
            rollBackWhatIsLeft(e);
            throw new DiskFull(e);
        } finally {
            writeLock.unlock();
        }
        changes.committedByThisThread();
        commitListeners.forEach(Runnable::run);
        return result;
    }

    /**
     * After SQLITE_FULL SQLite may or may not have rolled the transaction back itself; its advice is an
     * explicit ROLLBACK, which fails harmlessly when there is nothing left to roll back. Without it a
     * transaction left open would take the next write into it.
     */
    private void rollBackWhatIsLeft(RuntimeException failure) {
        try (Statement statement = writerConnection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException expected) {
            // "no transaction is active": the usual case
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Registers {@code listener} to run after every committed write transaction of this process (the
     * search index uses it to pick up changes at once). It must be quick: it runs on the writer's thread.
     */
    public void afterCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    /** Runs {@code work} in one read transaction: every query in it sees the same snapshot. */
    public <T> T read(Work<T> work) {
        return reader.inTransaction(work::run);
    }

    /**
     * A number that changes whenever any connection other than the watcher's - this process's writer or
     * another process, such as a command-line import - commits; for a request, the one its first kept
     * read took ({@link ChangeWatch#requestStamp}). Caches compare it to decide whether what they hold is
     * still current (see {@link ReadCache}).
     */
    public long changeStamp() {
        return changes.requestStamp();
    }

    /** This thread answers one request until {@link #endRequest}: see {@link ChangeWatch#requestStamp}. */
    public void beginRequest() {
        changes.beginRequest();
    }

    public void endRequest() {
        changes.endRequest();
    }

    /** What commits changed, as far as kept reads need to know (see {@link ReadCache}). */
    ChangeWatch changes() {
        return changes;
    }

    /** The database file; used by backup. */
    public Path file() {
        return file;
    }

    /** True when a trivial query answers; used by the health endpoint. */
    public boolean answers() {
        try {
            return read(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes a consistent copy of the database to {@code target} while others keep reading and
     * writing: {@code VACUUM INTO} runs inside one read transaction, so it copies one snapshot.
     */
    public void backupTo(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("het bestand voor de kopie bestaat al: " + target);
        }
        reader.useHandle(handle -> handle.execute("VACUUM INTO ?", target.toAbsolutePath().toString()));
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            readerPool.close();
            changes.close();
            writerConnection.close();
        } catch (SQLException ignored) {
            // closing at shutdown; the WAL makes an unclean close safe anyway
        } finally {
            writeLock.unlock();
        }
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

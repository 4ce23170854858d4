package nl.afsprakenwiki.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The wiki's database: SQLite in the data directory by default ({@link SqliteEngine}), or a PostgreSQL
 * server shared by several instances ({@link PostgresEngine}, {@link DatabaseServer}). Either way all
 * writes go one at a time through {@link #write}, each in one transaction whose change-log row is
 * written inside it, and reads see a consistent snapshot per transaction ({@link #read}).
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "afsprakenwiki.db";
    /** How often a read is tried when its connection turns out to be dropped by the server. */
    private static final int READ_ATTEMPTS = 3;

    private final Engine engine;
    private final Jdbi writer;
    private final Jdbi reader;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** The handle of the write transaction this thread is in, if any. */
    private final ThreadLocal<Handle> writing = new ThreadLocal<>();
    private final ChangeWatch changes;
    private final ChangeLog changeLog;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

    /** What a commit has survived when {@link #write} returns (SQLite; a PostgreSQL server decides for itself). */
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

        SQLiteConfig.SynchronousMode sqliteMode() {
            return mode;
        }
    }

    private Database(Engine engine) {
        this.engine = engine;
        this.changeLog = engine.changeLog();
        this.changes = engine.watch();
        this.writer = configure(Jdbi.create(engine.writeConnections()), engine.dialect());
        this.writer.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                Reads.written();
            }
        });
        this.reader = configure(Jdbi.create(engine.readConnections()), engine.dialect());
        Tables tables = engine.tables();
        this.reader.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                Reads.statement(tables, context.getRenderedSql());
            }
        });
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
            return new Database(new SqliteEngine(dataDir.resolve(FILE_NAME), durability));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Opens the database on the PostgreSQL {@code server} and applies pending migrations. */
    public static Database open(DatabaseServer server) {
        try {
            return new Database(new PostgresEngine(server));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database at " + server.shownUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The kind of database under this one. */
    public Dialect dialect() {
        return engine.dialect();
    }

    private static Jdbi configure(Jdbi jdbi, Dialect dialect) {
        if (dialect == Dialect.POSTGRESQL) {
            // the schema keeps truth values as 0 and 1 on both databases
            jdbi.registerArgument(new BooleanAsNumber());
        }
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
     * Throws {@link DiskFull} when the disk is full: then nothing of the transaction was kept. A write
     * called inside another on the same thread joins it: its work is part of the outer transaction (on
     * PostgreSQL a transaction of its own would wait for the outer one's lock for ever).
     */
    public <T> T write(Work<T> work) {
        Handle outer = writing.get();
        if (outer != null) {
            return work.run(outer);
        }
        T result;
        writeLock.lock();
        try {
            result = writer.inTransaction(handle -> {
                writing.set(handle);
                try {
                    engine.beginWrite(handle);
                    T done = work.run(handle);
                    changeLog.record(handle);
                    return done;
                } finally {
                    writing.remove();
                }
            });
        } catch (RuntimeException e) {
            if (Unreachable.causedBy(e)) {
                engine.connectionLost(); // the write is not tried again (it was not kept); the next one gets a fresh connection
            }
            if (e instanceof DiskFull || !DiskFull.causedBy(e)) {
                throw e;
            }
            engine.afterFailedWrite(e);
            throw new DiskFull(e);
        } finally {
            writeLock.unlock();
        }
        changes.committedByThisThread();
        commitListeners.forEach(Runnable::run);
        return result;
    }

    /**
     * Registers {@code listener} to run after every committed write transaction of this process (the
     * search index uses it to pick up changes at once). It must be quick: it runs on the writer's thread.
     */
    public void afterCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    /**
     * Runs {@code work} in one read transaction: every query in it sees the same snapshot. When the
     * connection it got was dropped by the server meanwhile, the pooled connections are replaced
     * ({@link Engine#connectionLost}) and it is tried again (three times in all).
     */
    public <T> T read(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return reader.inTransaction(work::run);
            } catch (RuntimeException e) {
                // a pooled connection the server dropped (a restart, a failover) fails once and is replaced;
                // a read changes nothing, so it is tried again on another connection
                if (attempt == READ_ATTEMPTS || !Unreachable.causedBy(e)) {
                    throw e;
                }
                engine.connectionLost();
            }
        }
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

    /** The SQLite database file (used by backup), or null on PostgreSQL. */
    public Path file() {
        return engine.file();
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
     * Writes a consistent copy of the SQLite database to {@code target} while others keep reading and
     * writing ({@code VACUUM INTO} copies one snapshot). On PostgreSQL it throws {@link BackupElsewhere}.
     */
    public void backupTo(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("het bestand voor de kopie bestaat al: " + target);
        }
        engine.backupTo(target);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            engine.close();
        } catch (SQLException ignored) {
            // closing at shutdown; SQLite's WAL and PostgreSQL's own log make an unclean close safe anyway
        } finally {
            writeLock.unlock();
        }
    }
}

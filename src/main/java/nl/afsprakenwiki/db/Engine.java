package nl.afsprakenwiki.db;

import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * What {@link Database} needs from the kind of database under it: connections to write and to read,
 * the schema as the change log sees it, the log itself and the watch on commits, and the few things
 * that differ between SQLite in the data directory ({@link SqliteEngine}) and a PostgreSQL server
 * ({@link PostgresEngine}).
 */
interface Engine extends AutoCloseable {

    Dialect dialect();

    /** Connections for write transactions; {@link Database} takes one write at a time. */
    ConnectionFactory writeConnections();

    /** Connections for read transactions, each of which sees one snapshot. */
    ConnectionFactory readConnections();

    Tables tables();

    ChangeLog changeLog();

    ChangeWatch watch();

    /**
     * Called first in every write transaction: on PostgreSQL it waits for every other instance's write
     * to end, so that writes stay one at a time across instances as they are in one process.
     */
    void beginWrite(Handle handle);

    /** After a write failed: leaves the write connection ready for the next one. */
    void afterFailedWrite(RuntimeException failure);

    /**
     * A pooled connection turned out to be dropped by the server. The others opened before it mostly
     * were too (a restart, a failover, terminated sessions): they are replaced at once, rather than
     * each handed out, found dead and thrown away in turn - which could use up a read's attempts.
     */
    void connectionLost();

    /** The SQLite file, or null on PostgreSQL. */
    Path file();

    /** Writes a consistent copy to {@code target}, or refuses, saying how this database is backed up. */
    void backupTo(Path target);

    @Override
    void close() throws SQLException;
}

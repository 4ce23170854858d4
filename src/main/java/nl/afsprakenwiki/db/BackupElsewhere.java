package nl.afsprakenwiki.db;

/**
 * Thrown by {@link Database#backupTo} on PostgreSQL: there the database server is backed up with its own
 * tools (pg_dump, base backups with WAL archiving), which copy a consistent state of a live server
 * better than the wiki could (docs/DEPLOYMENT.md).
 */
public final class BackupElsewhere extends RuntimeException {

    public BackupElsewhere() {
        super("the database is on PostgreSQL: back it up with pg_dump or base backups (docs/DEPLOYMENT.md)");
    }
}

package nl.afsprakenwiki.db;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.Set;

/**
 * The disk under the data directory is full: a write was refused and nothing of it was kept. Thrown
 * by {@link Database#write} instead of the driver's exception, so that callers can tell "try again
 * later" from a fault; {@link #causedBy} recognises the condition in anything else that failed
 * (the search index, a file written next to the database).
 */
public final class DiskFull extends RuntimeException {

    /**
     * How the operating system words ENOSPC and EDQUOT (Linux, macOS) and ERROR_DISK_FULL (Windows) in
     * an {@link java.io.IOException}'s message; Java has no error code for them.
     */
    private static final Set<String> MESSAGES = Set.of("no space left on device", "disk quota exceeded",
            "not enough space on the disk");
    /** PostgreSQL's SQLSTATE for a full disk (disk_full). */
    private static final String POSTGRESQL_DISK_FULL = "53100";
    /** SQLite's own words for SQLITE_FULL, for a driver that lost the result code on the way. */
    private static final String SQLITE_MESSAGE = "database or disk is full";

    public DiskFull(Throwable cause) {
        super("the disk is full", cause);
    }

    /**
     * Whether {@code failure}, or anything that caused it or was suppressed by it, says that the disk is
     * full: SQLite's SQLITE_FULL (also when it reached its page limit), PostgreSQL's disk_full, or an I/O
     * error for a full disk.
     */
    public static boolean causedBy(Throwable failure) {
        return Causes.any(failure, next -> next instanceof DiskFull || says(next));
    }

    private static boolean says(Throwable failure) {
        if (failure instanceof java.sql.SQLException sql && POSTGRESQL_DISK_FULL.equals(sql.getSQLState())) {
            return true;
        }
        if (failure instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            // the primary result code is the low byte of an extended one
            return code != null && (code.code & 0xff) == SQLiteErrorCode.SQLITE_FULL.code
                    || contains(sqlite.getMessage(), SQLITE_MESSAGE);
        }
        if (failure instanceof FileSystemException files && matches(files.getReason())) {
            return true;
        }
        return failure instanceof java.io.IOException && matches(failure.getMessage());
    }

    private static boolean matches(String message) {
        return message != null && MESSAGES.stream().anyMatch(words -> contains(message, words));
    }

    private static boolean contains(String message, String words) {
        return message != null && message.toLowerCase(Locale.ROOT).contains(words);
    }
}

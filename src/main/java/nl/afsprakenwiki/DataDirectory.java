package nl.afsprakenwiki;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.DatabaseServer;
import nl.afsprakenwiki.db.DiskFull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data directory as the command line claims it: created when missing, checked to be writable,
 * and for the server (and {@code reindex}) locked exclusively through {@code .lock} for as long as it
 * runs, so that a second server on the same directory stops at once with a clear message. The lock
 * is the operating system's: it goes when the process goes, however it ends.
 */
final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = ".lock";
    /**
     * The directories this JVM has locked. The operating system's locks belong to the process, and
     * closing any channel on the file drops them all; so a second claim from this process (a test
     * running two servers) must be refused before it opens the file - as Lucene's lock factory does.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Makes sure {@code dir} is a writable directory, creating it (and its parents) when missing. */
    static void prepare(Path dir) {
        if (Files.isDirectory(dir)) {
            if (!Files.isWritable(dir)) {
                throw notWritable(dir, "geen toestemming (schrijfrechten)");
            }
            return;
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new CommandFailed("de datamap " + dir + " kan niet worden aangemaakt: " + existing
                    + " is een bestand, geen map");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CommandFailed("de datamap " + dir + " kan niet worden aangemaakt: " + CommandFailed.reason(e), e);
        }
    }

    /**
     * Opens the database the settings name: the PostgreSQL server when there is one, else SQLite in the
     * data directory (creating the directory when missing); what commonly goes wrong is told in Dutch,
     * anything else is thrown as it is.
     */
    static Database openDatabase(Settings settings) {
        if (settings.database().isEmpty()) {
            return openDatabase(settings.dataDir());
        }
        DatabaseServer server = settings.database().get();
        try {
            return Database.open(server);
        } catch (RuntimeException e) {
            throw new CommandFailed("de database op " + server.shownUrl() + " kan niet worden geopend: "
                    + serverReason(e), e);
        }
    }

    /** PostgreSQL's own first line says best what went wrong (refused connection, password, missing database). */
    private static String serverReason(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            deepest = cause;
            if (cause instanceof java.sql.SQLException) {
                break;
            }
        }
        String message = String.valueOf(deepest.getMessage());
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }

    /**
     * Opens the SQLite database in {@code dir} (creating the directory when missing); what commonly goes
     * wrong is told in Dutch, anything else is thrown as it is.
     */
    static Database openDatabase(Path dir) {
        prepare(dir);
        try {
            return Database.open(dir);
        } catch (RuntimeException e) {
            String reason = databaseReason(e);
            if (reason == null) {
                throw e;
            }
            throw new CommandFailed("de database in " + dir + " kan niet worden geopend: " + reason, e);
        }
    }

    /** SQLite's result codes appear in the driver's messages as [SQLITE_…]. */
    private static String databaseReason(Throwable failure) {
        if (DiskFull.causedBy(failure)) {
            return "de schijf is vol";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("SQLITE_READONLY") || message.contains("readonly database")) {
                return "het databasebestand of de map is alleen-lezen";
            }
            if (message.contains("SQLITE_CANTOPEN")) {
                return "het databasebestand kan niet worden geopend (rechten?)";
            }
            if (message.contains("SQLITE_NOTADB") || message.contains("SQLITE_CORRUPT")) {
                return Database.FILE_NAME + " is geen (gave) SQLite-database; zet een kopie terug (zie README)";
            }
            if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")) {
                return "de database is bezet door een ander proces";
            }
        }
        return null;
    }

    /** Prepares {@code dir} and locks it for this process; fails when another server uses it. */
    static DataDirectory lock(Path dir) {
        prepare(dir);
        Path key = dir.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw inUse(dir, String.valueOf(ProcessHandle.current().pid()));
        }
        Path file = dir.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dir, holder(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new DataDirectory(key, channel, lock);
        } catch (IOException | OverlappingFileLockException | CommandFailed e) {
            HELD.remove(key);
            closeQuietly(channel);
            if (e instanceof CommandFailed failed) {
                throw failed;
            }
            if (e instanceof OverlappingFileLockException) {
                throw inUse(dir, String.valueOf(ProcessHandle.current().pid()));
            }
            throw notWritable(dir, CommandFailed.reason(e));
        }
    }

    private static CommandFailed notWritable(Path dir, String reason) {
        return new CommandFailed("de datamap " + dir + " is niet schrijfbaar: " + reason
                + "; geef deze gebruiker schrijfrechten of kies een andere map met --data");
    }

    private static CommandFailed inUse(Path dir, String holder) {
        return new CommandFailed("de datamap " + dir + " is al in gebruik door een andere server"
                + (holder.isEmpty() ? "" : " (proces " + holder + ")")
                + "; stop die eerst, of kies een andere map met --data");
    }

    /** The process id the holder wrote into the lock file, or "" when unknown. */
    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d{1,10}") ? pid : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /** Releases the lock; the file stays (removing it would race with a server starting). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
            HELD.remove(dir);
        }
    }
}

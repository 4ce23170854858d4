package nl.afsprakenwiki.testing;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.IndexStorage;
import nl.afsprakenwiki.search.UnsyncedFiles;

import java.nio.file.Path;

/**
 * The data directory as the tests in one JVM write it: real SQLite and Lucene files, whose commits
 * survive the process being killed but do not wait for the disk to flush them
 * ({@link Database.Durability#PROCESS_KILL}, {@link UnsyncedFiles}). On this machine's virtual disk a
 * flush takes 2.5-4 ms, and the suite commits tens of thousands of times, each time with a test waiting
 * for the answer. No test in one JVM can lose power; the wiki itself flushes every commit (pinned by
 * {@code DatabaseTest}), and the packaged-jar tests run it so ({@code CrashRecoveryIT}: kill -9).
 */
public final class TestDisk {

    /** The search index's files, not flushed at each commit. */
    public static final IndexStorage INDEX = UnsyncedFiles.INSTANCE;

    private TestDisk() {
    }

    /** The database in {@code dataDir}, its commits not flushed to the disk one by one. */
    public static Database open(Path dataDir) {
        return Database.open(dataDir, Database.Durability.PROCESS_KILL);
    }
}

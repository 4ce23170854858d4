package nl.afsprakenwiki.testing;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.IndexStorage;
import nl.afsprakenwiki.search.UnsyncedFiles;
import nl.afsprakenwiki.search.analysis.DutchAnalysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The data directory as the tests in one JVM write it: real SQLite and Lucene files, whose commits
 * survive the process being killed but do not wait for the disk to flush them
 * ({@link Database.Durability#PROCESS_KILL}, {@link UnsyncedFiles}). On this machine's virtual disk a
 * flush takes 2.5-4 ms, and the suite commits tens of thousands of times, each time with a test waiting
 * for the answer. No test in one JVM can lose power; the wiki itself flushes every commit (pinned by
 * {@code DatabaseTest}), and the packaged-jar tests run it so ({@code CrashRecoveryIT}: kill -9).
 * <p>
 * A new database starts as a copy of one that the migrations made once per test JVM (empty, the
 * schema complete): Flyway applying the migrations took 0.3-0.5 s for every test that starts a wiki,
 * the copy 0.02-0.06 s; opening the copy finds its history current and leaves Flyway out
 * ({@code db/AppliedMigrations}). The
 * migrations themselves run for real on every first database of a JVM, in {@code DatabaseTest} and in
 * the packaged-jar tests.
 * <p>
 * The Dutch analysis the search index uses (word lists, hyphenation patterns, synonyms; immutable, and
 * shared by every thread of a running wiki) is loaded once per test JVM and handed to every wiki the
 * tests start ({@link #shareAnalysis}). Each of the suite's ~270 test wikis loaded its own when its
 * index opened: a test wiki's start and close (one account) took 0.4-0.6 s so, 0.19 s with the shared
 * one (load average 7-9). The server loads its own once ({@code ServeCommand}), as the packaged-jar
 * tests show; the analysis itself is tested in {@code search.analysis} on one shared instance too.
 */
public final class TestDisk {

    /** The search index's files, not flushed at each commit. */
    public static final IndexStorage INDEX = UnsyncedFiles.INSTANCE;

    /**
     * The system property that runs the tests against PostgreSQL instead of SQLite ({@code postgresql});
     * the build's second test run sets it (pom.xml, {@code postgresql-tier}).
     */
    public static final String ON_POSTGRES = "afsprakenwiki.test.database";
    private static final java.util.Map<Path, nl.afsprakenwiki.db.DatabaseServer> POSTGRES_DATABASES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Path migrated;

    /** True when this test JVM runs the tests against PostgreSQL. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(ON_POSTGRES));
    }

    /** The PostgreSQL database that stands for {@code dataDir}, when {@link #onPostgres}. */
    public static java.util.Optional<nl.afsprakenwiki.db.DatabaseServer> postgresFor(Path dataDir) {
        return java.util.Optional.ofNullable(POSTGRES_DATABASES.get(dataDir.toAbsolutePath().normalize()));
    }
    private static CompletableFuture<DutchAnalysis> analysis;

    private TestDisk() {
    }

    /**
     * The database in {@code dataDir} (a migrated copy if there is none yet), its commits not flushed one by
     * one. When the tests run against PostgreSQL ({@link #ON_POSTGRES}), a database of its own on the test
     * cluster stands for the data directory instead: the same one each time the directory is opened again.
     */
    public static Database open(Path dataDir) {
        if (onPostgres()) {
            return Database.open(POSTGRES_DATABASES.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
                    dir -> Postgres.freshWikiDatabase()));
        }
        Path file = dataDir.resolve(Database.FILE_NAME);
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(dataDir);
                Files.copy(migrated(), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Database.open(dataDir, Database.Durability.PROCESS_KILL);
    }

    /**
     * Lets {@code services}' search index use the test JVM's one Dutch analysis (loaded on the first
     * call) instead of loading its own when it opens; before the index is first opened.
     */
    public static Services shareAnalysis(Services services) {
        services.search().analysisFrom(analysis());
        return services;
    }

    private static synchronized CompletableFuture<DutchAnalysis> analysis() {
        if (analysis == null) {
            analysis = CompletableFuture.completedFuture(DutchAnalysis.load());
        }
        return analysis;
    }

    private static synchronized Path migrated() throws IOException {
        if (migrated == null) {
            Path dir = Files.createTempDirectory("afsprakenwiki-schema");
            Database.open(dir, Database.Durability.PROCESS_KILL).close();
            // closed by its last connection, the database is one file: SQLite folded the WAL into it
            if (Files.exists(dir.resolve(Database.FILE_NAME + "-wal"))) {
                throw new IllegalStateException("the migrated database left its WAL behind in " + dir);
            }
            // deepest first: the first database of a JVM also holds SQLite's library (db/SqliteLibrary)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    // a temporary copy left behind is harmless
                }
            }));
            migrated = dir.resolve(Database.FILE_NAME);
        }
        return migrated;
    }
}

package nl.afsprakenwiki.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One change stamp per request ({@link Database#beginRequest}): a request's kept reads are as of its
 * first one, other threads' commits meanwhile wait for its next request, its own writes it reads at
 * once, and a thread that answers no request sees every commit.
 */
class RequestStampTest {

    @TempDir
    Path dir;

    @Test
    void aRequestKeepsItsFirstStampUntilItWritesItself() throws Exception {
        try (Database db = Database.open(dir)) {
            ReadCache<String, Long> cache = ReadCache.unverified(db, 10, null);
            AtomicInteger loads = new AtomicInteger();
            inRequest(db, () -> {
                long first = db.changeStamp();
                assertThat(count(cache, db, loads)).isZero();
                // another thread commits: this request goes on as of its first stamp
                CompletableFuture.runAsync(() -> insert(db, "b")).get();
                assertThat(db.changeStamp()).isEqualTo(first);
                assertThat(count(cache, db, loads)).isZero();
                assertThat(loads).hasValue(1);
                // its own write it reads at once
                insert(db, "c");
                assertThat(db.changeStamp()).isGreaterThan(first);
                assertThat(count(cache, db, loads)).isEqualTo(2);
            });
            // outside a request every stamp is fresh
            long before = db.changeStamp();
            CompletableFuture.runAsync(() -> insert(db, "d")).get();
            assertThat(db.changeStamp()).isGreaterThan(before);
            assertThat(count(cache, db, loads)).isEqualTo(3);
            // the next request starts with what was committed before it
            inRequest(db, () -> {
                CompletableFuture.runAsync(() -> insert(db, "e")).get();
                assertThat(count(cache, db, loads)).isEqualTo(4);
            });
        }
    }

    @Test
    void aValueLoadedAfterARequestsStampIsServedToItAsItIs() throws Exception {
        try (Database db = Database.open(dir)) {
            ReadCache<String, Long> cache = ReadCache.unverified(db, 10, null);
            AtomicInteger loads = new AtomicInteger();
            inRequest(db, () -> {
                db.changeStamp();
                // meanwhile another request commits and loads the value at its newer stamp
                CompletableFuture.runAsync(() -> {
                    insert(db, "a");
                    count(cache, db, loads);
                }).get();
                assertThat(count(cache, db, loads)).isEqualTo(1);
                assertThat(loads).hasValue(1);
            });
            // and it is still kept for the requests after
            inRequest(db, () -> {
                assertThat(count(cache, db, loads)).isEqualTo(1);
                assertThat(loads).hasValue(1);
            });
        }
    }

    /** What a request does between its beginning and its end. */
    private interface Request {
        void run() throws Exception;
    }

    private static void inRequest(Database db, Request request) throws Exception {
        db.beginRequest();
        try {
            request.run();
        } finally {
            db.endRequest();
        }
    }

    /** The number of municipalities, through the cache. */
    private static long count(ReadCache<String, Long> cache, Database db, AtomicInteger loads) {
        return cache.get("count", () -> municipalities(db, loads));
    }

    private static long municipalities(Database db, AtomicInteger loads) {
        loads.incrementAndGet();
        return db.read(handle -> handle.createQuery("SELECT count(*) FROM municipality").mapTo(Long.class).one());
    }

    private static void insert(Database db, String slug) {
        db.write(handle -> handle.execute("INSERT INTO municipality (slug, name) VALUES (?, ?)", slug, slug.toUpperCase()));
    }
}

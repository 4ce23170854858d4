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
            db.beginRequest();
            try {
                long first = db.changeStamp();
                assertThat(cache.get("count", () -> municipalities(db, loads))).isZero();
                // another thread commits: this request goes on as of its first stamp
                CompletableFuture.runAsync(() -> insert(db, "b")).get();
                assertThat(db.changeStamp()).isEqualTo(first);
                assertThat(cache.get("count", () -> municipalities(db, loads))).isZero();
                assertThat(loads).hasValue(1);
                // its own write it reads at once
                insert(db, "c");
                assertThat(db.changeStamp()).isGreaterThan(first);
                assertThat(cache.get("count", () -> municipalities(db, loads))).isEqualTo(2);
            } finally {
                db.endRequest();
            }
            // outside a request every stamp is fresh
            long before = db.changeStamp();
            CompletableFuture.runAsync(() -> insert(db, "d")).get();
            assertThat(db.changeStamp()).isGreaterThan(before);
            assertThat(cache.get("count", () -> municipalities(db, loads))).isEqualTo(3);
            // the next request starts with what was committed before it
            db.beginRequest();
            try {
                CompletableFuture.runAsync(() -> insert(db, "e")).get();
                assertThat(cache.get("count", () -> municipalities(db, loads))).isEqualTo(4);
            } finally {
                db.endRequest();
            }
        }
    }

    @Test
    void aValueLoadedAfterARequestsStampIsServedToItAsItIs() throws Exception {
        try (Database db = Database.open(dir)) {
            ReadCache<String, Long> cache = ReadCache.unverified(db, 10, null);
            AtomicInteger loads = new AtomicInteger();
            db.beginRequest();
            try {
                db.changeStamp();
                // meanwhile another request commits and loads the value at its newer stamp
                CompletableFuture.runAsync(() -> {
                    insert(db, "a");
                    cache.get("count", () -> municipalities(db, loads));
                }).get();
                assertThat(cache.get("count", () -> municipalities(db, loads))).isEqualTo(1);
                assertThat(loads).hasValue(1);
            } finally {
                db.endRequest();
            }
            // and it is still kept for the requests after
            db.beginRequest();
            try {
                assertThat(cache.get("count", () -> municipalities(db, loads))).isEqualTo(1);
                assertThat(loads).hasValue(1);
            } finally {
                db.endRequest();
            }
        }
    }

    private static long municipalities(Database db, AtomicInteger loads) {
        loads.incrementAndGet();
        return db.read(handle -> handle.createQuery("SELECT count(*) FROM municipality").mapTo(Long.class).one());
    }

    private static void insert(Database db, String slug) {
        db.write(handle -> handle.execute("INSERT INTO municipality (slug, name) VALUES (?, ?)", slug, slug.toUpperCase()));
    }
}

package nl.afsprakenwiki.db;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadCacheTest {

    @TempDir
    Path dir;

    @Test
    void aCachedValueIsServedUntilAnyCommitAndThenReloaded() {
        try (Database db = Database.open(dir)) {
            ReadCache<String, Integer> cache = ReadCache.unverified(db, 10, null);
            AtomicInteger loads = new AtomicInteger();
            assertThat(cache.get("k", loads::incrementAndGet)).isEqualTo(1);
            assertThat(cache.get("k", loads::incrementAndGet)).isEqualTo(1);
            db.write(handle -> handle.execute("INSERT INTO municipality (slug, name) VALUES ('a', 'A')"));
            assertThat(cache.get("k", loads::incrementAndGet)).isEqualTo(2);
            assertThat(cache.get("k", loads::incrementAndGet)).isEqualTo(2);
            // a rolled-back write changes nothing, so nothing is reloaded
            try {
                db.write(handle -> {
                    handle.execute("INSERT INTO municipality (slug, name) VALUES ('b', 'B')");
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertThat(cache.get("k", loads::incrementAndGet)).isEqualTo(2);
        }
    }

    @Test
    void aWeighedCacheDropsTheLeastRecentlyUsedWhileItWeighsTooMuchAndKeepsNothingHeavierThanItAll() {
        try (Database db = Database.open(dir)) {
            ReadCache<String, String> cache = ReadCache.weighedUnverified(db, 100, String::length, 10);
            AtomicInteger loads = new AtomicInteger();
            cache.get("a", () -> "a" + loads.incrementAndGet() + "xx");
            cache.get("b", () -> "b" + loads.incrementAndGet() + "xx");
            assertThat(cache.weight()).isEqualTo(8);
            cache.get("a", () -> "never");
            // "a" was used last, so "b" is the one dropped for "c"
            cache.get("c", () -> "c" + loads.incrementAndGet() + "xx");
            assertThat(cache.weight()).isEqualTo(8);
            assertThat(cache.get("a", () -> "again")).isEqualTo("a1xx");
            assertThat(cache.get("b", () -> "b" + loads.incrementAndGet() + "xx")).isEqualTo("b4xx");
            assertThat(loads).hasValue(4);
            // a value heavier than the whole cache is served but not kept, and drops nothing
            assertThat(cache.get("big", () -> "x".repeat(11))).hasSize(11);
            assertThat(cache.get("big", () -> "y".repeat(11))).startsWith("y");
            assertThat(cache.weight()).isEqualTo(8);
            // a value loaded again after a commit replaces the old one's weight
            db.write(handle -> handle.execute("INSERT INTO municipality (slug, name) VALUES ('w', 'W')"));
            cache.get("b", () -> "b5");
            assertThat(cache.weight()).isEqualTo(6);
        }
    }

    @Test
    void requestsThatMissTogetherWaitForOneLoad() throws Exception {
        try (Database db = Database.open(dir)) {
            ReadCache<String, Integer> cache = ReadCache.unverified(db, 10, null);
            AtomicInteger loads = new AtomicInteger();
            java.util.concurrent.CountDownLatch inLoad = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.function.Supplier<Integer> slowLoad = () -> {
                inLoad.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return loads.incrementAndGet();
            };
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var first = pool.submit(() -> cache.get("k", slowLoad));
                inLoad.await();
                java.util.List<java.util.concurrent.Future<Integer>> others = new java.util.ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    others.add(pool.submit(() -> cache.get("k", slowLoad)));
                }
                Thread.sleep(200); // let the others arrive while the first is still loading
                release.countDown();
                assertThat(first.get()).isEqualTo(1);
                for (var other : others) {
                    assertThat(other.get()).isEqualTo(1);
                }
                assertThat(loads).hasValue(1);
                // a loader that fails fails every request that waited for it, and the next one loads again
                assertThatThrownBy(() -> cache.get("bad", () -> {
                    throw new IllegalArgumentException("broken");
                })).isInstanceOf(IllegalArgumentException.class);
                assertThat(cache.get("bad", () -> 5)).isEqualTo(5);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theLeastRecentlyUsedEntriesAreDroppedBeyondTheLimit() {
        try (Database db = Database.open(dir)) {
            ReadCache<Integer, Integer> cache = ReadCache.unverified(db, 2, null);
            AtomicInteger loads = new AtomicInteger();
            cache.get(1, loads::incrementAndGet);
            cache.get(2, loads::incrementAndGet);
            cache.get(1, loads::incrementAndGet);
            cache.get(3, loads::incrementAndGet);
            assertThat(loads).hasValue(3);
            cache.get(1, loads::incrementAndGet);
            assertThat(loads).hasValue(3);
            cache.get(2, loads::incrementAndGet);
            assertThat(loads).hasValue(4);
        }
    }

    @Test
    void aWriteByAnotherProcessIsVisibleToTheServerAtOnce() {
        try (TestApp app = TestApp.start(dir)) {
            app.koppelzone("Koppelzone Test", "Teststad");
            long koppelzone = app.services.koppelzones().bySlug("koppelzone-test").orElseThrow().id();
            AgreementService served = app.services.agreements();
            TestApp.Client member = app.signIn(app.member("koppelzone-test", "lezer", Role.LEZER));
            long id = app.services.editing().create(koppelzone, new AgreementInput.Draft("Eerste", "tekst",
                    new AgreementInput.Details(Set.of("wijkteam-teststad"), Set.of(), null), ""), Author.system("A")).agreementId();
            assertThat(member.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt()).isEqualTo(1);
            assertThat(served.version(id, null, TestApp.BEHEERDER)).isSameAs(served.version(id, null, TestApp.BEHEERDER));

            // like a command-line import: another connection to the same file, with its own caches
            try (Database other = Database.open(dir)) {
                Services cli = Services.create(Settings.forTests(dir), other, Clock.systemUTC());
                cli.editing().save(id, new AgreementInput.Edit(1, "Eerste", "tekst van elders", "", null, null),
                        Author.system("CLI"));
            }
            assertThat(member.get("/api/v1/agreements/" + id).json().get("body").asText()).isEqualTo("tekst van elders");
            assertThat(member.get("/afspraken/" + id).body()).contains("tekst van elders");
        }
    }
}

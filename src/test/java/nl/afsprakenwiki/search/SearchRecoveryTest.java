package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.db.DiskFull;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full disk under the search index: nothing saved is lost, the health check says so while it lasts,
 * and once there is room again the index reopens and catches up by itself - no restart.
 */
class SearchRecoveryTest {

    @TempDir
    Path dir;

    private static long total(TestApp app, String text) {
        return app.services.search().service()
                .search(new SearchRequest(text, Map.of(), Order.RELEVANCE, 0, 20), TestApp.BEHEERDER).total();
    }

    private static void create(TestApp app, String slug, String title) {
        var created = app.bearer("marieke").postJson("/api/v1/koppelzones/" + slug + "/agreements", Map.of(
                "title", title, "body", "Afspraken over het " + title.toLowerCase() + ".",
                "parties", List.of("wijkteam-xstad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theIndexRecoversFromAFullDiskWithoutARestartAndTheHealthCheckTellsMeanwhile() throws Exception {
        FillableDisk disk = new FillableDisk();
        try (TestApp app = TestApp.start(dir, disk)) {
            String slug = app.koppelzone("Koppelzone Xstad", "Xstad");
            app.account("marieke");
            app.member(slug, "marieke", Role.PRAKTIJKEXPERT);
            create(app, slug, "Pelikaanoverleg");
            app.awaitSearch();
            assertThat(app.get("/api/v1/health").status()).isEqualTo(200);

            disk.fill();
            create(app, slug, "Flamingoberaad");
            await("the health check reports the index broken", () -> app.get("/api/v1/health").status() == 503);
            assertThat(app.get("/api/v1/health").json().get("index").asBoolean()).isFalse();
            assertThat(total(app, "flamingoberaad")).isZero();
            assertThat(total(app, "pelikaanoverleg")).as("searches go on from the last good snapshot").isEqualTo(1);
            Thread.sleep(1_500);
            assertThat(app.get("/api/v1/health").status()).as("still full: still broken").isEqualTo(503);

            disk.free();
            await("the index caught up", () -> total(app, "flamingoberaad") == 1);
            await("the health check is green again", () -> app.get("/api/v1/health").status() == 200);
            assertThat(total(app, "pelikaanoverleg")).isEqualTo(1);
            assertThat(app.services.search().index().documentCount()).isEqualTo(2);
        }
        // what the recovered index committed is what a restart finds
        try (TestApp again = TestApp.start(dir)) {
            assertThat(total(again, "flamingoberaad")).isEqualTo(1);
            assertThat(again.services.search().index().indexedChange()).isPositive();
        }
    }

    @Test
    void aCatchUpOnAFullDiskFailsAsADiskFullAndTheNextOneAfterwardsSucceeds() throws Exception {
        FillableDisk disk = new FillableDisk();
        try (TestApp app = TestApp.start(dir, disk)) {
            String slug = app.koppelzone("Koppelzone Xstad", "Xstad");
            app.account("marieke");
            app.member(slug, "marieke", Role.PRAKTIJKEXPERT);
            app.awaitSearch();
            SearchIndex index = app.services.search().index();
            disk.fill();
            create(app, slug, "Ooievaarsoverleg");
            assertThatThrownBy(() -> index.catchUp(Progress.NONE))
                    .satisfies(e -> assertThat(DiskFull.causedBy(e)).as(e.toString()).isTrue());
            assertThat(index.answers()).isFalse();

            disk.free();
            await("caught up", () -> {
                index.catchUp(Progress.NONE);
                return total(app, "ooievaarsoverleg") == 1;
            });
            assertThat(index.answers()).isTrue();
        }
    }
}

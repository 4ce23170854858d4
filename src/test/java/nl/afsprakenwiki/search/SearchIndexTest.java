package nl.afsprakenwiki.search;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index's life: told after each commit, it makes changes searchable within a second; it
 * remembers what it has seen and catches up at start-up on what others committed meanwhile; it can
 * be rebuilt from the database; and only one process holds it.
 */
class SearchIndexTest {

    @TempDir
    Path dir;

    private static SearchRequest request(String text) {
        return new SearchRequest(text, Map.of(), Order.RELEVANCE, 0, 20);
    }

    private static long total(TestApp app, String text) {
        return app.services.search().service().search(request(text), TestApp.BEHEERDER).total();
    }

    @Test
    void aSavedChangeIsSearchableWithinASecondOfTheCommit() throws InterruptedException {
        try (TestApp app = TestApp.start(dir)) {
            String slug = app.koppelzone("Koppelzone Xstad", "Xstad");
            app.account("marieke");
            app.member(slug, "marieke", Role.PRAKTIJKEXPERT);
            app.awaitSearch();
            var created = app.bearer("marieke").postJson("/api/v1/koppelzones/" + slug + "/agreements", Map.of(
                    "title", "Pelikaanoverleg", "body", "Afspraken over het pelikaanoverleg.",
                    "parties", List.of("wijkteam-xstad")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long deadline = System.nanoTime() + 1_000_000_000L;
            long found = 0;
            while (found == 0 && System.nanoTime() < deadline) {
                found = total(app, "pelikaanoverleg");
                Thread.sleep(5);
            }
            assertThat(found).as("searchable within a second").isEqualTo(1);
        }
    }

    @Test
    void theIndexCatchesUpAtStartUpOnWhatWasCommittedWhileItWasClosed() {
        Path data = dir.resolve("data");
        try (TestApp app = TestApp.start(data)) {
            app.koppelzone("Koppelzone Xstad", "Xstad");
            app.agreement("Koppelzone Xstad", "Xstad", "eerste", "Eerste ooievaarafspraak", "bekrachtigd");
            app.awaitSearch();
            assertThat(total(app, "ooievaarafspraak")).isEqualTo(1);
        }
        // another process (the import command, say) commits while no server holds the index
        try (Database db = Database.open(data)) {
            Services services = Services.create(Settings.forTests(data), db, Clock.systemUTC());
            TestApp.importAgreement(services, data, "Koppelzone Xstad", "Xstad", "tweede", "Tweede ooievaarafspraak");
        }
        try (TestApp app = TestApp.start(data)) {
            app.awaitSearch();
            assertThat(total(app, "ooievaarafspraak")).isEqualTo(2);
            assertThat(app.services.search().index().indexedChange())
                    .isEqualTo(app.db.read(handle -> handle.createQuery("SELECT max(change_seq) FROM agreement")
                            .mapTo(Long.class).one()));
        }
    }

    @Test
    void whatAnotherProcessCommitsWhileTheServerRunsIsPickedUpByItsPoll() throws InterruptedException {
        Path data = dir.resolve("data");
        try (TestApp app = TestApp.start(data)) {
            app.koppelzone("Koppelzone Xstad", "Xstad");
            app.awaitSearch();
            // a second connection to the same database, as the import command in another process has;
            // nothing tells this server's index, so only its poll of the data version can notice
            try (Database db = Database.open(data)) {
                Services other = Services.create(Settings.forTests(data), db, Clock.systemUTC());
                TestApp.importAgreement(other, data, "Koppelzone Xstad", "Xstad", "van-buiten", "Reigerafspraak van buiten");
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            long found = 0;
            while (found == 0 && System.nanoTime() < deadline) {
                found = total(app, "reigerafspraak");
                Thread.sleep(20);
            }
            assertThat(found).isEqualTo(1);
        }
    }

    @Test
    void renamingAMunicipalityReachesTheIndexedAgreements() {
        try (TestApp app = TestApp.start(dir)) {
            app.koppelzone("Koppelzone Xstad", "Xstad");
            app.agreement("Koppelzone Xstad", "Xstad", "eerste", "Eerste afspraak", "bekrachtigd");
            app.awaitSearch();
            app.db.write(handle -> handle.execute("UPDATE municipality SET name = 'Nieuwstad' WHERE slug = 'xstad'"));
            app.awaitSearch();
            SearchResult result = app.services.search().service().search(request("afspraak"), Viewer.ANONYMOUS);
            assertThat(result.hits().get(0).municipality()).isEqualTo("Nieuwstad");
        }
    }

    @Test
    void aRebuildFromTheDatabaseGivesTheSameAnswers() {
        try (TestApp app = TestApp.startWithDemo(dir)) {
            app.awaitSearch();
            SearchResult before = app.services.search().service().search(request("huisarts"), Viewer.ANONYMOUS);
            int documents = app.services.search().index().documentCount();
            int rebuilt = app.services.search().index().rebuild(Progress.NONE);
            assertThat(rebuilt).isEqualTo(app.db.read(handle -> handle.createQuery("SELECT count(*) FROM agreement")
                    .mapTo(Integer.class).one()));
            assertThat(app.services.search().index().documentCount()).isEqualTo(documents);
            SearchResult after = app.services.search().service().search(request("huisarts"), Viewer.ANONYMOUS);
            assertThat(after.hits().stream().map(SearchResult.Hit::id).toList())
                    .isEqualTo(before.hits().stream().map(SearchResult.Hit::id).toList());
        }
    }

    @Test
    void anIndexAheadOfItsDatabaseARestoredBackupStartsOver() throws java.io.IOException {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup.db");
        try (TestApp app = TestApp.start(data)) {
            app.koppelzone("Koppelzone Xstad", "Xstad");
            app.agreement("Koppelzone Xstad", "Xstad", "eerste", "Eerste kraanvogelafspraak", "bekrachtigd");
            app.db.backupTo(backup);
            app.agreement("Koppelzone Xstad", "Xstad", "tweede", "Tweede kraanvogelafspraak", "bekrachtigd");
            app.awaitSearch();
            assertThat(total(app, "kraanvogelafspraak")).isEqualTo(2);
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            java.nio.file.Files.deleteIfExists(data.resolve(Database.FILE_NAME + suffix));
        }
        java.nio.file.Files.copy(backup, data.resolve(Database.FILE_NAME));
        try (TestApp app = TestApp.start(data)) {
            app.awaitSearch();
            // the second agreement is not in the restored database, so it must not be found either
            assertThat(total(app, "kraanvogelafspraak")).isEqualTo(1);
            assertThat(app.services.search().index().rebuild(Progress.NONE)).isEqualTo(1);
        }
    }

    @Test
    void onlyOneProcessHoldsTheIndex() {
        try (TestApp app = TestApp.start(dir)) {
            try (Database db = Database.open(dir)) {
                Services other = Services.create(Settings.forTests(dir), db, Clock.systemUTC());
                assertThatThrownBy(() -> other.search().index()).isInstanceOf(SearchIndex.Locked.class);
            }
            assertThat(app.get("/api/v1/health").status()).isEqualTo(200);
        }
    }
}

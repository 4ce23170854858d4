package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts per koppelzone that the database keeps (V035) are always what counting the agreements
 * gives, through the demo's whole history and every kind of change to what is counted; a save of an
 * agreement's text does not touch them, so the home page's kept counts survive it.
 */
class KoppelzoneCountsTest {

    @TempDir
    Path dir;

    private static List<Map<String, Object>> kept(Database db) {
        return db.read(handle -> handle.createQuery("""
                SELECT koppelzone_id, all_count, published FROM koppelzone_agreement_count
                WHERE all_count > 0 ORDER BY koppelzone_id""").mapToMap().list());
    }

    private static List<Map<String, Object>> counted(Database db) {
        return db.read(handle -> handle.createQuery("""
                SELECT koppelzone_id, count(*) AS all_count,
                       sum(CASE WHEN endorsed_revision IS NOT NULL AND status IN ('bekrachtigd', 'ter_bekrachtiging') THEN 1 ELSE 0 END) AS published
                FROM agreement GROUP BY koppelzone_id ORDER BY koppelzone_id""").mapToMap().list());
    }

    @Test
    void theKeptCountsAreTheCountedOnesAfterEveryKindOfChange() {
        try (TestApp app = TestApp.startWithDemo(dir)) {
            Database db = app.services.db();
            assertThat(counted(db)).hasSizeGreaterThan(3);
            assertThat(kept(db)).isEqualTo(counted(db));
            List<Long> ids = db.read(handle -> handle.createQuery(
                    "SELECT id FROM agreement WHERE endorsed_revision IS NOT NULL ORDER BY id").mapTo(Long.class).list());
            long zone = db.read(handle -> handle.createQuery("SELECT koppelzone_id FROM agreement WHERE id = :id")
                    .bind("id", ids.get(0)).mapTo(Long.class).one());
            long otherZone = db.read(handle -> handle.createQuery(
                    "SELECT id FROM koppelzone WHERE id <> :z ORDER BY id LIMIT 1").bind("z", zone).mapTo(Long.class).one());

            // a new concept
            String party = db.read(handle -> handle.createQuery("""
                    SELECT o.slug FROM agreement_party p JOIN organisation o ON o.id = p.organisation_id
                    WHERE p.agreement_id = :id LIMIT 1""").bind("id", ids.get(0)).mapTo(String.class).one());
            app.services.editing().create(zone, new AgreementInput.Draft("Nieuw concept", "tekst",
                    new AgreementInput.Details(Set.of(party), Set.of(), null), ""), Author.system("T"));
            assertThat(kept(db)).isEqualTo(counted(db));

            // a save of the text: the counts table is not touched (so the kept counts stay)
            long before = db.read(handle -> handle.createQuery("SELECT max(seq) FROM change_log").mapTo(Long.class).one());
            long agreement = ids.get(1);
            int current = db.read(handle -> handle.createQuery("SELECT current_revision FROM agreement WHERE id = :id")
                    .bind("id", agreement).mapTo(Integer.class).one());
            app.services.editing().save(agreement, new AgreementInput.Edit(current, "Een nieuwe titel", "een nieuwe tekst", "", null, null),
                    Author.system("T"));
            List<String> logged = db.read(handle -> handle.createQuery("SELECT changed FROM change_log WHERE seq > :s")
                    .bind("s", before).mapTo(String.class).list());
            assertThat(logged).isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain("koppelzone_agreement_count"));
            assertThat(kept(db)).isEqualTo(counted(db));

            // status, endorsed revision and koppelzone, each on its own and together; and a removal
            db.write(handle -> handle.execute("UPDATE agreement SET status = 'vervallen' WHERE id = ?", ids.get(2)));
            assertThat(kept(db)).isEqualTo(counted(db));
            db.write(handle -> handle.execute("UPDATE agreement SET endorsed_revision = NULL WHERE id = ?", ids.get(3)));
            assertThat(kept(db)).isEqualTo(counted(db));
            db.write(handle -> handle.execute("UPDATE agreement SET koppelzone_id = ? WHERE id = ?", otherZone, ids.get(4)));
            assertThat(kept(db)).isEqualTo(counted(db));
            db.write(handle -> handle.execute("UPDATE agreement SET koppelzone_id = ?, status = 'ter_bekrachtiging' "
                    + "WHERE id = ?", zone, ids.get(4)));
            assertThat(kept(db)).isEqualTo(counted(db));
            // an agreement row added and removed again (the application never removes one; the schema keeps count anyway)
            db.write(handle -> handle.execute("INSERT INTO agreement (slug, koppelzone_id, status, current_revision, "
                    + "endorsed_revision, created_at, updated_at) VALUES ('los', ?, 'concept', 0, NULL, "
                    + "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", otherZone));
            assertThat(kept(db)).isEqualTo(counted(db));
            db.write(handle -> handle.execute("DELETE FROM agreement WHERE slug = 'los' AND koppelzone_id = ?", otherZone));
            assertThat(kept(db)).isEqualTo(counted(db));
        }
    }
}

package nl.afsprakenwiki.db;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept reads survive commits that did not touch what they were read from, and only those: every
 * commit through the application logs its changed tables and agreements (V034), a server reads them,
 * and anything it cannot account for counts as a change of everything.
 */
class ChangeLogTest {

    @TempDir
    Path dir;

    /** The newest title of an agreement, read as a per-agreement cache reads it; counts its loads. */
    private static final class Titles {
        final AtomicInteger loads = new AtomicInteger();
        final ReadCache<Long, String> cache;
        final Database db;

        Titles(Database db, boolean perAgreement) {
            this.db = db;
            this.cache = ReadCache.unverified(db, 100, perAgreement ? id -> id : null);
        }

        String of(long agreement) {
            return cache.get(agreement, () -> {
                loads.incrementAndGet();
                return db.read(handle -> handle.createQuery("""
                                SELECT r.title || ' / ' || z.name FROM revision r
                                JOIN agreement a ON a.id = r.agreement_id JOIN koppelzone z ON z.id = a.koppelzone_id
                                WHERE r.agreement_id = :id ORDER BY r.number DESC LIMIT 1""")
                        .bind("id", agreement).mapTo(String.class).one());
            });
        }
    }

    /** A koppelzone in a fresh test wiki, with the party the agreements name. */
    private static long koppelzone(TestApp app) {
        app.koppelzone("Koppelzone Test", "Teststad");
        return app.services.koppelzones().bySlug("koppelzone-test").orElseThrow().id();
    }

    private static long create(TestApp app, long koppelzone, String title) {
        return app.services.editing().create(koppelzone, new AgreementInput.Draft(title, "tekst",
                new AgreementInput.Details(Set.of("wijkteam-teststad"), Set.of(), null), ""), Author.system("T")).agreementId();
    }

    private static void save(Services services, long id, int base, String title) {
        services.editing().save(id, new AgreementInput.Edit(base, title, "tekst " + title, "", null, null), Author.system("T"));
    }

    @Test
    void aPerAgreementValueSurvivesSavesOfOtherAgreementsAndIsReloadedWhenItsOwnOrAWholeTableChanges() {
        try (TestApp app = TestApp.start(dir)) {
            long koppelzone = koppelzone(app);
            long one = create(app, koppelzone, "Een");
            long two = create(app, koppelzone, "Twee");
            Titles scoped = new Titles(app.services.db(), true);
            Titles whole = new Titles(app.services.db(), false);
            assertThat(scoped.of(one)).isEqualTo("Een / Koppelzone Test");
            assertThat(whole.of(one)).isEqualTo("Een / Koppelzone Test");

            save(app.services, two, 1, "Twee bis");
            assertThat(scoped.of(one)).isEqualTo("Een / Koppelzone Test");
            assertThat(scoped.loads).as("another agreement's save leaves it").hasValue(1);
            assertThat(whole.of(one)).isEqualTo("Een / Koppelzone Test");
            assertThat(whole.loads).as("a cache that did not say it reads one agreement reloads").hasValue(2);

            save(app.services, one, 1, "Een bis");
            assertThat(scoped.of(one)).isEqualTo("Een bis / Koppelzone Test");
            assertThat(scoped.loads).hasValue(2);

            // koppelzone is read as a whole: any change of it reaches every agreement's value
            app.services.db().write(handle -> handle.execute("UPDATE koppelzone SET name = 'Andere naam' WHERE id = ?", koppelzone));
            assertThat(scoped.of(one)).isEqualTo("Een bis / Andere naam");
            assertThat(scoped.loads).hasValue(3);

            // a write that changes a table the value did not read leaves it
            app.services.db().write(handle -> handle.execute("INSERT INTO municipality (slug, name) VALUES ('elders', 'Elders')"));
            assertThat(scoped.of(one)).isEqualTo("Een bis / Andere naam");
            assertThat(scoped.loads).hasValue(3);
        }
    }

    @Test
    void anotherProcessesCommitsAreLoggedAndAChangeMadeAroundTheApplicationChangesEverything() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            long koppelzone = koppelzone(app);
            long one = create(app, koppelzone, "Een");
            long two = create(app, koppelzone, "Twee");
            Titles scoped = new Titles(app.services.db(), true);
            scoped.of(one);
            scoped.of(two);

            // like a command-line import: another connection, with its own change log writer
            try (Database other = Database.open(dir)) {
                Services cli = Services.create(Settings.forTests(dir), other, Clock.systemUTC());
                save(cli, two, 1, "Twee van elders");
            }
            assertThat(scoped.of(one)).isEqualTo("Een / Koppelzone Test");
            assertThat(scoped.of(two)).isEqualTo("Twee van elders / Koppelzone Test");
            assertThat(scoped.loads).hasValue(3);

            // a change around the application (no log row): nothing can be assumed untouched
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
                 Statement statement = raw.createStatement()) {
                statement.execute("INSERT INTO municipality (slug, name) VALUES ('rauw', 'Rauw')");
            }
            assertThat(scoped.of(one)).isEqualTo("Een / Koppelzone Test");
            assertThat(scoped.loads).hasValue(4);

            // a gap in the log (rows pruned before this server read them) is a change of everything too
            scoped.of(two);
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
                 Statement statement = raw.createStatement()) {
                statement.execute("INSERT INTO change_log (seq, changed) VALUES ((SELECT max(seq) FROM change_log) + 5, 'municipality')");
            }
            scoped.of(one);
            scoped.of(two);
            assertThat(scoped.loads).hasValue(7);
        }
    }

    @Test
    void aValueBuiltFromAnotherKeptValueDependsOnWhatThatOneRead() {
        try (TestApp app = TestApp.start(dir)) {
            long koppelzone = koppelzone(app);
            long one = create(app, koppelzone, "Een");
            Database db = app.services.db();
            ReadCache<String, Integer> inner = ReadCache.unverified(db, 10, null);
            ReadCache<String, String> outer = ReadCache.unverified(db, 10, null);
            AtomicInteger outerLoads = new AtomicInteger();
            java.util.function.Supplier<Integer> count = () -> inner.get("n", () -> db.read(handle ->
                    handle.createQuery("SELECT count(*) FROM municipality").mapTo(Integer.class).one()));
            count.get(); // the inner value is kept before the outer one is loaded: a hit inside the load
            java.util.function.Supplier<String> page = () -> outer.get("page", () -> {
                outerLoads.incrementAndGet();
                return "gemeenten: " + count.get();
            });
            assertThat(page.get()).isEqualTo("gemeenten: 1");
            db.write(handle -> handle.execute("UPDATE revision SET title = title WHERE 0"));
            save(app.services, one, 1, "Een bis");
            assertThat(page.get()).isEqualTo("gemeenten: 1");
            assertThat(outerLoads).hasValue(1);
            db.write(handle -> handle.execute("INSERT INTO municipality (slug, name) VALUES ('elders', 'Elders')"));
            assertThat(page.get()).isEqualTo("gemeenten: 2");
            assertThat(outerLoads).hasValue(2);
        }
    }

    @Test
    void theVerifyingModeCatchesACacheThatReadsMoreThanItsScopeSays() {
        try (TestApp app = TestApp.start(dir)) {
            long koppelzone = koppelzone(app);
            long one = create(app, koppelzone, "Een");
            long two = create(app, koppelzone, "Twee");
            Database db = app.services.db();
            // says it reads agreement one's rows, but reads agreement two's title
            ReadCache<Long, String> lying = ReadCache.verifying(db, 10, id -> id);
            java.util.function.Supplier<String> load = () -> db.read(handle -> handle.createQuery(
                    "SELECT title FROM revision WHERE agreement_id = :two ORDER BY number DESC LIMIT 1")
                    .bind("two", two).mapTo(String.class).one());
            assertThat(lying.get(one, load)).isEqualTo("Twee");
            save(app.services, two, 1, "Twee bis");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lying.get(one, load))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("stale");
        }
    }

    @Test
    void theLogNamesTheTablesAndTheAgreementsEachCommitChanged() {
        try (TestApp app = TestApp.start(dir)) {
            long koppelzone = koppelzone(app);
            long one = create(app, koppelzone, "Een");
            Database db = app.services.db();
            long before = db.read(handle -> handle.createQuery("SELECT max(seq) FROM change_log").mapTo(Long.class).one());
            save(app.services, one, 1, "Een bis");
            Map<String, Object> row = db.read(handle -> handle.createQuery("SELECT seq, changed FROM change_log "
                    + "WHERE seq > :before").bind("before", before).mapToMap().one());
            Change change = Change.parse((String) row.get("changed"));
            assertThat(change.format()).contains("revision:" + one).contains("agreement:" + one);
            assertThat(change.touches(scopedRead("revision", one))).isTrue();
            assertThat(change.touches(scopedRead("revision", one + 1))).isFalse();
            // an upsert that meets its conflict inside the same transaction (its conflict handling would
            // reach into the notes' triggers if they relied on one)
            db.write(handle -> {
                for (int i = 0; i < 2; i++) {
                    handle.execute("INSERT INTO municipality (slug, name) VALUES ('dubbel', 'Dubbel') "
                            + "ON CONFLICT (slug) DO UPDATE SET name = excluded.name");
                }
                return null;
            });
            long afterUpsert = db.read(handle -> handle.createQuery("SELECT max(seq) FROM change_log").mapTo(Long.class).one());
            // a transaction that changed nothing writes no row
            db.write(handle -> handle.execute("UPDATE revision SET title = title WHERE 0"));
            long afterNothing = db.read(handle -> handle.createQuery("SELECT max(seq) FROM change_log").mapTo(Long.class).one());
            assertThat(afterNothing).isEqualTo(afterUpsert);
            // a transaction that changed nothing writes no row
            db.write(handle -> handle.execute("UPDATE revision SET title = title WHERE 0"));
            int rows = db.read(handle -> handle.createQuery("SELECT count(*) FROM change_log WHERE seq > :before")
                    .bind("before", before).mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(2);
        }
    }

    private static Reads scopedRead(String table, long agreement) {
        return Reads.record(Set.of(agreement), () -> {
            Reads.statement(tablesOf(table), "SELECT * FROM " + table);
            return 0;
        }).reads();
    }

    private static Tables tablesOf(String table) {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE agreement (id INTEGER PRIMARY KEY)");
            statement.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, agreement_id INTEGER REFERENCES agreement (id))");
            return Tables.read(raw);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

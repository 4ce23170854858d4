package nl.afsprakenwiki;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.attachments.SampleFiles;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.DatabaseServer;
import nl.afsprakenwiki.discussion.Comment;
import nl.afsprakenwiki.discussion.Comments;
import nl.afsprakenwiki.testing.Postgres;
import nl.afsprakenwiki.testing.TestDisk;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code migrate --to}: the demo wiki on SQLite, with an attachment, moved into an empty PostgreSQL
 * database - every row, every revision's hash and the file's bytes - and the wiki working on the copy;
 * a target that is not empty refused untouched; a failure in the middle leaving only the empty schema.
 */
class MigrateToPostgresTest {

    /** Never shown: the test cluster trusts local connections, so any password passes. */
    private static final String PASSWORD = "geheim-Wachtwoord-7391";

    @TempDir
    static Path shared;
    /** The demo wiki's data directory on SQLite, with one attachment; the tests only read it. */
    private static Path source;
    private static String attachment;

    @TempDir
    Path temp;

    private record Run(int code, String out, String err) {
    }

    private record Row(long id, String sha256, String body) {
    }

    @BeforeAll
    static void demoWikiOnSqliteWithAnAttachment() throws Exception {
        source = shared.resolve("data");
        try (Database db = Database.open(source, Database.Durability.PROCESS_KILL)) {
            Services services = Services.create(Settings.forTests(source), db, Clock.systemUTC(), TestDisk.INDEX);
            try {
                services.demo().loadIfEmpty(Progress.NONE);
                long[] agreement = db.read(handle -> handle.createQuery(
                                "SELECT id, current_revision FROM agreement WHERE status <> 'vervallen' ORDER BY id LIMIT 1")
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
                SaveOutcome saved = services.attachments().upload(agreement[0], (int) agreement[1], "formulier.pdf",
                        new ByteArrayInputStream(SampleFiles.PDF), Author.system("test"));
                assertThat(saved).isInstanceOf(SaveOutcome.Saved.class);
                // a reply refers to a comment of the same table: a cycle of references, set after the rows
                Map<String, Object> member = db.read(handle -> handle.createQuery("SELECT g.id, a.username FROM agreement g "
                                + "JOIN membership m ON m.koppelzone_id = g.koppelzone_id JOIN account a ON a.id = m.account_id "
                                + "WHERE g.status <> 'vervallen' ORDER BY g.id, a.id LIMIT 1").mapToMap().one());
                Viewer viewer = services.accounts().viewer((String) member.get("username")).orElseThrow();
                Agreement commented = services.agreements().find(((Number) member.get("id")).longValue(), viewer).orElseThrow();
                Comment question = services.comments().post(commented,
                        new Comments.Input("Geldt dit ook in de vakanties?", null, null, null), viewer);
                services.comments().post(commented, new Comments.Input("Ja, het hele jaar.", null, null, question.id()), viewer);
            } finally {
                services.search().close();
                services.outbox().close();
                services.daily().close();
            }
        }
        attachment = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(SampleFiles.PDF));
    }

    @Test
    void copiesEveryRowRevisionAndFileAndTheWikiWorksOnTheCopy() throws Exception {
        DatabaseServer server = emptyDatabase();
        Map<String, Long> counts = sqliteCounts(source);
        List<Row> revisions = sqliteRevisions(source);
        assertThat(counts.get("revision")).isGreaterThan(10);

        Run run = migrate(server, source);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("alle " + revisions.size() + " revisies hebben dezelfde SHA-256",
                "de bijlage past bij haar SHA-256");
        assertThat(run.err()).contains("tabel revision: " + revisions.size() + "/" + revisions.size());
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
        try (Database target = Database.open(server)) {
            assertThat(postgresCounts(target, counts.keySet())).isEqualTo(counts);
            List<Row> copied = target.read(handle -> handle.createQuery("SELECT id, sha256, body FROM revision ORDER BY id")
                    .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
            assertThat(copied).isEqualTo(revisions);
            List<String> replies = target.read(handle -> handle.createQuery(
                    "SELECT id || ' -> ' || reply_to FROM comment WHERE reply_to IS NOT NULL ORDER BY id").mapTo(String.class).list());
            assertThat(replies).hasSize(1).isEqualTo(sqliteReplies(source));
            byte[] file = target.read(handle -> handle.createQuery("SELECT content FROM stored_file WHERE sha256 = :s")
                    .bind("s", attachment).mapTo(byte[].class).one());
            assertThat(file).isEqualTo(SampleFiles.PDF);

            // the schema's rules are on again: history cannot be rewritten
            long first = revisions.get(0).id();
            assertThatThrownBy(() -> target.write(handle -> handle.execute("UPDATE revision SET body = 'anders' WHERE id = ?", first)))
                    .hasMessageContaining("revisions are append-only");

            Services services = Services.create(Settings.forTests(temp.resolve("instance")).withDatabase(Optional.of(server)),
                    target, Clock.systemUTC(), TestDisk.INDEX);
            try {
                long koppelzone = target.read(handle -> handle.createQuery("SELECT min(id) FROM koppelzone").mapTo(Long.class).one());
                long highestChange = target.read(handle -> handle.createQuery("SELECT max(change_seq) FROM agreement")
                        .mapTo(Long.class).one());
                String party = target.read(handle -> handle.createQuery("SELECT o.slug FROM koppelzone_party p "
                        + "JOIN organisation o ON o.id = p.organisation_id WHERE p.koppelzone_id = :k ORDER BY o.slug LIMIT 1")
                        .bind("k", koppelzone).mapTo(String.class).one());
                Revision created = services.editing().create(koppelzone, new AgreementInput.Draft("Afspraak na de verhuizing",
                        "Gemaakt op PostgreSQL.", new AgreementInput.Details(Set.of(party), Set.of(), null), ""),
                        Author.system("test"));
                assertThat(created.agreementId()).isEqualTo(sqliteMax(source, "agreement") + 1);
                assertThat(created.id()).isEqualTo(revisions.get(revisions.size() - 1).id() + 1);
                long change = target.read(handle -> handle.createQuery("SELECT change_seq FROM agreement WHERE id = :id")
                        .bind("id", created.agreementId()).mapTo(Long.class).one());
                assertThat(change).isGreaterThan(highestChange);
                // a new instance's data directory gets the file from the database
                Path fetched = services.files().find(attachment).orElseThrow();
                assertThat(fetched).startsWith(temp.resolve("instance")).hasBinaryContent(SampleFiles.PDF);
            } finally {
                services.search().close();
            }
        }
    }

    @Test
    void refusesATargetThatIsNotEmptyAndChangesNothingThere() throws Exception {
        DatabaseServer server = emptyDatabase();
        assertThat(migrate(server, source).code()).isZero();
        Map<String, Long> before;
        try (Database target = Database.open(server)) {
            before = postgresCounts(target, sqliteCounts(source).keySet());
        }

        Run again = migrate(server, source);

        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).startsWith("Fout: de database op " + server.shownUrl() + " is niet leeg (")
                .contains("Er is niets veranderd.").doesNotContain(PASSWORD);
        assertThat(again.out()).isEmpty();
        try (Database target = Database.open(server)) {
            assertThat(postgresCounts(target, before.keySet())).isEqualTo(before);
        }
    }

    @Test
    void aFailureInTheMiddleRollsBackToTheEmptySchema() throws Exception {
        Path data = temp.resolve("kapot");
        copyTree(source, data);
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement statement = sqlite.createStatement()) {
            // SQLite keeps a text in an INTEGER column; PostgreSQL's bigint cannot
            statement.execute("INSERT INTO login_failure (subject, at) VALUES ('u:iemand', 'gisteren')");
        }
        DatabaseServer server = emptyDatabase();

        Run run = migrate(server, data);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(System.lineSeparator() + "Fout: tabel login_failure, kolom at: een waarde die geen geheel getal is")
                .contains("Alles is teruggedraaid").doesNotContain(PASSWORD);
        try (Database target = Database.open(server)) {
            Map<String, Long> counts = postgresCounts(target, List.of("revision", "agreement", "stored_file", "template",
                    "change_counter", "login_failure"));
            assertThat(counts).containsEntry("revision", 0L).containsEntry("agreement", 0L).containsEntry("stored_file", 0L)
                    .containsEntry("template", 1L).containsEntry("change_counter", 1L).containsEntry("login_failure", 0L);
            long disabled = target.read(handle -> handle.createQuery(
                    "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'").mapTo(Long.class).one());
            assertThat(disabled).as("no trigger left disabled").isZero();
        }
    }

    @Test
    void aRevisionWhoseTextDoesNotMatchItsHashIsReportedByTheCheck() throws Exception {
        Path data = temp.resolve("veranderd");
        copyTree(source, data);
        long changed = sqliteRevisions(data).get(3).id();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement statement = sqlite.createStatement()) {
            // around the wiki, as a damaged or hand-edited file could be
            statement.execute("DROP TRIGGER revision_no_update");
            statement.execute("UPDATE revision SET body = body || ' (erbij)' WHERE id = " + changed);
        }
        DatabaseServer server = emptyDatabase();

        Run run = migrate(server, data);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Fout: de controle vond 1 verschil(len) tussen SQLite en PostgreSQL: de tekst van revisie "
                + changed + " past niet bij haar SHA-256. De kopie is vastgelegd, maar gebruik haar niet");
        assertThat(run.out()).contains("Gekopieerd naar").doesNotContain("Gecontroleerd");
    }

    @Test
    void aMalformedTargetIsAUsageError() {
        Run run = run("migrate", "--to", "postgresql://localhost/wiki", "--data", source.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("Fout: --to moet een adres van de vorm jdbc:postgresql://host:5432/database zijn")
                .contains(Main.USAGE);
        Run without = run("migrate", "--data", source.toString());
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.err()).startsWith("Fout: migrate heeft --to jdbc:postgresql://host:5432/database nodig");
    }

    @Test
    void aDataDirectoryWithoutDatabaseIsRefused() {
        Path empty = temp.resolve("leeg");

        Run run = run("migrate", "--to", "jdbc:postgresql://127.0.0.1:1/wiki", "--data", empty.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Fout: er is geen database in " + empty.toAbsolutePath().normalize()
                + System.lineSeparator());
    }

    private static DatabaseServer emptyDatabase() {
        PGSimpleDataSource empty = Postgres.freshDatabase();
        String url = empty.getUrl();
        return new DatabaseServer(url.contains("?") ? url.substring(0, url.indexOf('?')) : url, empty.getUser(),
                empty.getPassword() == null ? PASSWORD : empty.getPassword());
    }

    /** {@code migrate --to} the server's URL, its user and password in the environment as in production. */
    private static Run migrate(DatabaseServer server, Path data) {
        return run(Map.of("AFSPRAKENWIKI_DATABASE_USER", server.user(), "AFSPRAKENWIKI_DATABASE_PASSWORD", server.password()),
                "migrate", "--to", server.url(), "--data", data.toString());
    }

    private static Run run(String... args) {
        return run(Map.of("AFSPRAKENWIKI_DATABASE_PASSWORD", PASSWORD), args);
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, () -> null).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every table of the SQLite database but Flyway's history, with its number of rows. */
    private static Map<String, Long> sqliteCounts(Path data) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement statement = sqlite.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite%' AND name <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static List<String> sqliteReplies(Path data) throws SQLException {
        List<String> replies = new ArrayList<>();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement statement = sqlite.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id || ' -> ' || reply_to FROM comment WHERE reply_to IS NOT NULL ORDER BY id")) {
            while (rows.next()) {
                replies.add(rows.getString(1));
            }
        }
        return replies;
    }

    private static long sqliteMax(Path data, String table) throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement statement = sqlite.createStatement();
             ResultSet rows = statement.executeQuery("SELECT max(id) FROM " + table)) {
            return rows.getLong(1);
        }
    }

    private static List<Row> sqliteRevisions(Path data) throws SQLException {
        List<Row> revisions = new ArrayList<>();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement statement = sqlite.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, sha256, body FROM revision ORDER BY id")) {
            while (rows.next()) {
                revisions.add(new Row(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
        }
        return revisions;
    }

    private static Map<String, Long> postgresCounts(Database db, java.util.Collection<String> tables) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, db.read(handle -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one()));
        }
        return counts;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }
}

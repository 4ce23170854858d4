package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.transfer.ImportFailed;
import nl.afsprakenwiki.transfer.Importer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class CorpusGeneratorTest {

    /** One corpus of 1,000 agreements for the tests that only read what was written. */
    @TempDir
    static Path sharedDir;
    private static Path shared;

    @BeforeAll
    static void writeSharedCorpus() {
        shared = sharedDir.resolve("corpus");
        new CorpusGenerator(11).write(shared, 1000);
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}’'-]*");

    @TempDir
    Path temp;

    @Test
    void aGeneratedCorpusImportsThroughTheRealImporterWithEveryAgreement() {
        Path corpus = temp.resolve("corpus");
        CorpusGenerator.Summary summary = new CorpusGenerator(42).write(corpus, 300);

        Path dataDir = temp.resolve("data");
        try (Database db = Database.open(dataDir)) {
            Services services = Services.create(Settings.forTests(dataDir), db, Clock.systemUTC());
            try {
                Importer.Report report = services.importer().importFolder(corpus, "test", Progress.NONE);

                assertThat(report.created()).isEqualTo(300);
                assertThat(report.koppelzones()).isEqualTo(summary.koppelzones());
                assertThat(report.revisions()).isEqualTo(300 + summary.historyRevisions());
                assertThat(count(db, "SELECT count(*) FROM agreement")).isEqualTo(300);
                assertThat(count(db, "SELECT count(*) FROM koppelzone")).isEqualTo(summary.koppelzones());
                assertThat(count(db, "SELECT count(*) FROM municipality")).isEqualTo(summary.municipalities());
                assertThat(count(db, "SELECT count(*) FROM organisation")).isEqualTo(summary.organisations());
                assertThat(count(db, "SELECT count(DISTINCT kind) FROM organisation")).isEqualTo(9);
                assertThat(count(db, "SELECT count(DISTINCT status) FROM agreement")).isEqualTo(4);
                assertThat(count(db, "SELECT count(*) FROM agreement WHERE status = 'bekrachtigd'")).isBetween(170, 240);
                assertThat(count(db, "SELECT count(*) FROM agreement WHERE status = 'bekrachtigd' AND endorsed_revision IS NULL"))
                        .isZero();
                assertThat(count(db, "SELECT count(DISTINCT theme) FROM agreement_theme")).isBetween(12, 16);
            } catch (ImportFailed e) {
                fail("the importer refused the corpus:\n" + String.join("\n", e.problems()));
            } finally {
                services.search().close();
            }
        }
        assertThat(summary.municipalities()).isBetween(150, 350);
        assertThat(summary.jeugdregios()).isBetween(35, 45);
        assertThat(summary.files()).isEqualTo(summary.koppelzones() + 300 + summary.historyRevisions());
    }

    @Test
    void theSameSeedWritesByteIdenticalFilesAndAnotherSeedDifferentOnes() {
        new CorpusGenerator(7).write(temp.resolve("a"), 150);
        new CorpusGenerator(7).write(temp.resolve("b"), 150);
        new CorpusGenerator(8).write(temp.resolve("c"), 150);

        Map<String, String> a = files(temp.resolve("a"));
        assertThat(a).hasSizeGreaterThan(150);
        assertThat(files(temp.resolve("b"))).isEqualTo(a);
        assertThat(files(temp.resolve("c"))).isNotEqualTo(a);
    }

    @Test
    void aLargerCorpusStartsWithTheAgreementsOfASmallerOneWithTheSameSeed() {
        new CorpusGenerator(3).write(temp.resolve("small"), 40);
        new CorpusGenerator(3).write(temp.resolve("large"), 80);

        assertThat(files(temp.resolve("large"))).containsAllEntriesOf(files(temp.resolve("small")));
    }

    @Test
    void bodiesHaveRealisticLengthsWithALongTail() {
        List<Integer> lengths = new ArrayList<>(bodies(shared).stream().map(String::length).toList());
        Collections.sort(lengths);

        assertThat(lengths).hasSize(1000);
        assertThat(lengths.get(500)).as("median").isBetween(2000, 4500);
        long typical = lengths.stream().filter(n -> n >= 1500 && n <= 5000).count();
        assertThat(typical).as("bodies of 1,500-5,000 characters").isGreaterThan(700);
        assertThat(lengths.get(0)).as("shortest").isGreaterThan(900);
        assertThat(lengths.get(990)).as("99th percentile").isGreaterThan(8000);
        assertThat(lengths.get(999)).as("longest").isLessThan(18_000);
    }

    @Test
    void bodiesUseTheDomainVocabularyWithItsSpellingVariantsAndAreNotFiller() {
        List<String> bodies = bodies(shared);
        String all = String.join("\n", bodies);

        assertThat(all).contains("GI’s", "regio’s", "jeugd- en opvoedhulp", "op- en afschalen", "coördinatie", "cliënt",
                "jeugd-ggz", "jeugd GGZ", "JGGZ", "POH-jeugd", "EED", "LVB", "samenwerkingsafspraken",
                "wachtlijstbemiddeling", "huisartsenpraktijk", "jeugdhulpaanbieder", "ernstige enkelvoudige dyslexie",
                "licht verstandelijke beperking", "## Waardelek", "## Afspraken", "## Wie doet wat", "## Termijnen",
                "## Evaluatie", "|---|", "\n- ", "\n1. ", "**");
        assertThat(all.toLowerCase(Locale.ROOT)).doesNotContain("lorem", "ipsum");
        assertThat(all).doesNotContain("{", "}", "PARAGRAAF", "  ");
        List<String> domainTerms = List.of("jeugdhulp", "jeugdige", "jongere", "ouders", "gezin", "aanbieder",
                "koppelzone", "overdracht", "afspraak", "verwijz", "team", "behandel");
        for (String body : bodies) {
            String lower = body.toLowerCase(Locale.ROOT);
            assertThat(domainTerms.stream().filter(lower::contains).count()).as(body).isGreaterThanOrEqualTo(4);
        }

        Map<String, Integer> frequencies = new HashMap<>();
        var matcher = WORD.matcher(all);
        while (matcher.find()) {
            frequencies.merge(matcher.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        assertThat(frequencies.size()).as("distinct words").isGreaterThan(2500);
        List<Integer> counts = new ArrayList<>(frequencies.values());
        counts.sort(Collections.reverseOrder());
        assertThat(counts.get(0)).as("the most frequent word is much more frequent than the tenth")
                .isGreaterThan(3 * counts.get(9));
        long hapaxes = counts.stream().filter(n -> n == 1).count();
        assertThat(hapaxes).as("words that occur once").isGreaterThan(200);
    }

    @Test
    void titlesAreUniqueWithinTheirKoppelzoneAndSlugsMatchTheFileNames() {
        Map<Path, Set<String>> titles = new HashMap<>();
        for (Path file : agreementFiles(shared)) {
            String text = read(file);
            String title = text.lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow().substring(7);
            assertThat(titles.computeIfAbsent(file.getParent(), k -> new HashSet<>()).add(title)).as(title).isTrue();
            assertThat(file.getFileName().toString()).matches("[a-z0-9]+(-[a-z0-9]+)*\\.md");
            assertThat(title.length()).isLessThanOrEqualTo(200);
        }
    }

    @Test
    void aFolderThatIsNotEmptyIsRefused() throws IOException {
        Files.writeString(temp.resolve("existing.txt"), "x");

        assertThatThrownBy(() -> new CorpusGenerator(1).write(temp, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
    }

    // --- helpers --------------------------------------------------------------------------------

    private static int count(Database db, String sql) {
        return db.read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static Map<String, String> files(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> files.put(root.relativize(file).toString(), read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<Path> agreementFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".md") && !p.getParent().toString().endsWith(".history"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bodies (text after the front matter) of the current revisions. */
    private static List<String> bodies(Path root) {
        return agreementFiles(root).stream().map(CorpusGeneratorTest::read)
                .map(text -> text.substring(text.indexOf("\n---\n", 3) + 5)).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

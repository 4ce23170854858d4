package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.RevisionEntry;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.Party;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestDisk;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.text.Slugs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportExportTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2030, 6, 1);
    private static final List<String> TABLES = List.of("municipality", "organisation", "koppelzone", "koppelzone_party",
            "agreement", "agreement_party", "agreement_theme", "revision", "audit_event");

    @TempDir
    Path temp;

    // --- the demo corpus ------------------------------------------------------------------------

    @Test
    void theDemoFolderImportsIntoAnEmptyDatabaseExactlyAsItsFilesSay() {
        Path demo = demoFolder();
        List<Path> agreementFiles = agreementFiles(demo);
        int historyFiles = (int) files(demo).keySet().stream().filter(path -> path.contains(".history/")).count();
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            Importer.Report report = wiki.importFolder(demo);

            assertThat(agreementFiles).hasSize(52);
            assertThat(report).isEqualTo(new Importer.Report(10, 52, 0, 0, 52 + historyFiles));
            assertThat(wiki.count("agreement")).isEqualTo(52);
            assertThat(wiki.count("revision")).isEqualTo(52 + historyFiles);
            assertThat(wiki.count("koppelzone")).isEqualTo(10);
            assertThat(wiki.count("municipality")).isEqualTo(8);
            for (Path file : agreementFiles) {
                assertAgreementAsInFile(wiki, demo, file);
            }
            for (Path file : files(demo).keySet().stream().filter(path -> path.endsWith("koppelzone.yaml"))
                    .map(demo::resolve).toList()) {
                assertKoppelzoneAsInFile(wiki, file);
            }
        }
    }

    @Test
    void concreteDemoAgreementsHaveTheirHistoryStatusReviewDatePartiesAndThemes() {
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(demoFolder());

            Agreement warm = wiki.agreement("koppelzone-jeugd-tilburg", "warme-overdracht-bij-afschaling");
            assertThat(warm.status()).isEqualTo(AgreementStatus.BEKRACHTIGD);
            assertThat(warm.currentRevision()).isEqualTo(2);
            assertThat(warm.endorsedRevision()).isEqualTo(2);
            assertThat(warm.reviewDate()).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(warm.koppelzone().municipality().name()).isEqualTo("Tilburg");
            assertThat(names(warm.parties())).containsExactlyInAnyOrder("Jeugdhulp De Horizon", "GGZ Jeugd Brabant-Midden",
                    "Wijkteam Tilburg");
            assertThat(warm.themes()).containsExactly("afschaling", "uitstroom en nazorg");
            List<RevisionEntry> history = wiki.agreements().history(warm.id(), TestApp.BEHEERDER);
            assertThat(history).extracting(RevisionEntry::number).containsExactly(2, 1);
            assertThat(history.get(1).authorName()).isEqualTo("Ruud Schellekens");
            assertThat(history.get(1).createdAt()).isEqualTo(Instant.parse("2024-09-30T12:00:00Z"));
            assertThat(history.get(1).summary()).isEqualTo("Eerste versie");
            assertThat(history.get(0).authorName()).isEqualTo("Marieke de Vries");
            assertThat(history.get(0).createdAt()).isEqualTo(Instant.parse("2025-06-12T10:15:00Z"));

            Agreement poh = wiki.agreement("koppelzone-jeugd-nijmegen", "poh-jeugd-route-huisartsenpraktijk");
            assertThat(poh.currentRevision()).isEqualTo(4);
            assertThat(wiki.agreements().history(poh.id(), TestApp.BEHEERDER)).extracting(RevisionEntry::authorName)
                    .containsExactly("Marloes Janssen", "Thijs Peters", "Bram Hendriks", "Marloes Janssen");
            assertThat(poh.reviewDate()).isEqualTo(LocalDate.of(2027, 1, 15));
            assertThat(poh.koppelzone().level().code()).isEqualTo("regionaal");

            Agreement vervallen = wiki.agreement("koppelzone-jeugd-eindhoven", "bekostiging-crisisbedden-per-bezet-bed");
            assertThat(vervallen.status()).isEqualTo(AgreementStatus.VERVALLEN);
            assertThat(vervallen.reviewDate()).isNull();
            assertThat(vervallen.endorsedRevision()).isNull();
            assertThat(vervallen.themes()).containsExactly("administratie", "crisis");
            assertThat(wiki.agreements().version(vervallen.id(), null, TestApp.BEHEERDER).orElseThrow().revision().body())
                    .startsWith("> **Vervallen per 1 juli 2025.** Deze afspraak is vervangen");

            Agreement quoted = wiki.agreement("koppelzone-jeugd-eindhoven", "gezinshuisplaatsing-aanmelding-en-matching");
            assertThat(quoted.status()).isEqualTo(AgreementStatus.CONCEPT);
            assertThat(quoted.endorsedRevision()).isNull();
            assertThat(wiki.agreements().version(quoted.id(), null, TestApp.BEHEERDER).orElseThrow().revision().title())
                    .isEqualTo("Plaatsing in een gezinshuis: aanmelding, matching en kennismaking");

            Agreement transition = wiki.agreement("koppelzone-jeugd-amsterdam-nieuw-west", "overgang-18-min-18-plus");
            assertThat(transition.themes()).containsExactlyInAnyOrder("18-/18+", "uitstroom en nazorg", "verblijf");

            Agreement proposed = wiki.agreement("koppelzone-jeugd-en-gezin-groningen", "warme-overdracht-na-jeugd-ggz-behandeling");
            assertThat(proposed.status()).isEqualTo(AgreementStatus.TER_BEKRACHTIGING);
            assertThat(proposed.currentRevision()).isEqualTo(2);

            KoppelzoneService.Details tilburg = wiki.koppelzones().details("koppelzone-jeugd-tilburg").orElseThrow();
            assertThat(tilburg.koppelzone().chair().name()).isEqualTo("Wijkteam Tilburg");
            assertThat(tilburg.koppelzone().municipality().jeugdregio()).isEqualTo("Hart van Brabant");
            assertThat(tilburg.koppelzone().description()).startsWith("In de Koppelzone Jeugd Tilburg stemmen praktijkexperts");
            assertThat(tilburg.parties()).extracting(p -> p.organisation().name() + "|" + p.organisation().kind().code()
                            + "|" + p.joinedOn())
                    .contains("Wijkteam Tilburg|lokaal_team|2024-01-15", "Huisartsencoöperatie Tilburg e.o.|huisarts|2024-02-05",
                            "Dyslexiezorg Taalbrug|aanbieder|2026-03-02", "Zorgverzekeraar Zuid|zorgverzekeraar|2024-06-03");
            Koppelzone regional = wiki.koppelzones().bySlug("regionale-koppelzone-hart-van-brabant").orElseThrow();
            assertThat(regional.level().code()).isEqualTo("regionaal");
            assertThat(regional.municipality().slug()).isEqualTo("tilburg");

            assertThat(wiki.queryInt("SELECT count(*) FROM agreement WHERE status = 'bekrachtigd'")).isEqualTo(33);
            assertThat(wiki.queryInt("""
                    SELECT count(*) FROM agreement
                    WHERE (status = 'bekrachtigd' AND endorsed_revision = current_revision)
                       OR (status <> 'bekrachtigd' AND endorsed_revision IS NULL)
                    """)).isEqualTo(52);
        }
    }

    @Test
    void theDemoCorpusRoundTripsByteForByte() {
        assertRoundTrip(demoFolder());
    }

    // --- generated corpora ----------------------------------------------------------------------

    @ParameterizedTest(name = "a corpus generated from seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 42, 2026, 31_337, 8_675_309})
    void aGeneratedCorpusImportsKeepsEverythingAndRoundTripsByteForByte(long seed) {
        Path folder = temp.resolve("generated");
        RandomCorpus corpus = RandomCorpus.write(seed, folder);
        Path first = temp.resolve("first");
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            Importer.Report report = wiki.importFolder(folder);

            assertThat(report.created()).isEqualTo(corpus.agreements.size());
            assertThat(report.revisions()).isEqualTo(corpus.agreements.stream().mapToInt(a -> a.revisions().size()).sum());
            assertThat(wiki.count("agreement")).isEqualTo(corpus.agreements.size());
            assertThat(wiki.count("koppelzone")).isEqualTo(corpus.koppelzones.size());
            assertThat(wiki.count("municipality")).isEqualTo(corpus.municipalities.size());
            for (RandomCorpus.Agreement expected : corpus.agreements) {
                assertGeneratedAgreement(wiki, expected);
            }
            for (RandomCorpus.Koppelzone expected : corpus.koppelzones) {
                assertGeneratedKoppelzone(wiki, corpus, expected);
            }
            Set<String> named = new HashSet<>();
            corpus.agreements.forEach(a -> named.addAll(a.parties()));
            corpus.koppelzones.forEach(k -> k.declaredParties().forEach(p -> named.add(p.name())));
            assertThat(wiki.count("organisation")).isEqualTo(named.size());
            for (String name : named) {
                assertThat(wiki.organisationKind(name)).as("kind of %s", name).isEqualTo(corpus.kinds.get(name).code());
            }

            wiki.exportTo(first);
        }
        for (RandomCorpus.Agreement expected : corpus.agreements) {
            assertExported(first, expected);
        }
        assertReimportReproduces(first);
    }

    // --- a hand-written folder ------------------------------------------------------------------

    @Test
    void aMinimalHandWrittenFolderWithoutKoppelzoneFilesCreatesEverythingInfersKindsAndSkipsOtherFiles() {
        Path folder = temp.resolve("handwritten");
        write(folder.resolve("notities/2026/warme-overdracht.md"), """
                ---
                title: Warme overdracht
                municipality: Súdwest-Fryslân
                koppelzone: Koppelzone Jeugd Súdwest-Fryslân
                parties: [Gebiedsteam Sneek, Jeugdhulp Friesland, Huisartsenpraktijk De Marne]
                themes: [Afschaling, "uitstroom en nazorg"]
                status: ter bekrachtiging
                review_date: 2027-01-31
                date: 2026-02-03
                ---
                # Warme overdracht

                De tekst.
                """);
        write(folder.resolve("losse bestanden/crisisroute.md"), """
                ---
                title: "Crisisroute: wie belt wie?"
                municipality: "'s-Hertogenbosch"
                koppelzone: Koppelzone Jeugd 's-Hertogenbosch
                parties:
                  - Veilig Thuis Brabant Noordoost
                  - Jeugdbescherming Brabant
                  - name: Stichting Halt
                    kind: gecertificeerde_instelling
                  - Basisschool De Kameleon
                  - Gemeente 's-Hertogenbosch
                  - Zorgverzekeraar VGZ
                  - Stichting Kwadraad
                status: bekrachtigd
                date: 2026-03-04T09:15:00+01:00
                ---
                Bel eerst Veilig Thuis.
                """);
        write(folder.resolve(".obsidian/kapot.md"), "geen front matter: verborgen mappen tellen niet mee");
        write(folder.resolve("LEESMIJ.txt"), "alleen .md-bestanden zijn afspraken");
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            Importer.Report report = wiki.importFolder(folder);

            assertThat(report).isEqualTo(new Importer.Report(0, 2, 0, 0, 2));
            assertThat(wiki.koppelzones().all()).extracting(k -> k.slug() + "|" + k.name() + "|" + k.municipality().name()
                            + "|" + k.level().code() + "|" + k.description() + "|" + k.chair())
                    .containsExactlyInAnyOrder(
                            "koppelzone-jeugd-sudwest-fryslan|Koppelzone Jeugd Súdwest-Fryslân|Súdwest-Fryslân|lokaal||null",
                            "koppelzone-jeugd-s-hertogenbosch|Koppelzone Jeugd 's-Hertogenbosch|'s-Hertogenbosch|lokaal||null");
            assertThat(wiki.strings("SELECT slug || '|' || name FROM municipality ORDER BY slug"))
                    .containsExactly("s-hertogenbosch|'s-Hertogenbosch", "sudwest-fryslan|Súdwest-Fryslân");
            assertThat(wiki.strings("SELECT name || '|' || kind FROM organisation ORDER BY name"))
                    .containsExactlyInAnyOrder("Gebiedsteam Sneek|lokaal_team", "Jeugdhulp Friesland|aanbieder",
                            "Huisartsenpraktijk De Marne|huisarts", "Veilig Thuis Brabant Noordoost|veilig_thuis",
                            "Jeugdbescherming Brabant|gecertificeerde_instelling", "Stichting Halt|gecertificeerde_instelling",
                            "Basisschool De Kameleon|onderwijs", "Gemeente 's-Hertogenbosch|gemeente",
                            "Zorgverzekeraar VGZ|zorgverzekeraar", "Stichting Kwadraad|overig");

            Agreement warm = wiki.agreement("koppelzone-jeugd-sudwest-fryslan", "warme-overdracht");
            assertThat(warm.status()).isEqualTo(AgreementStatus.TER_BEKRACHTIGING);
            assertThat(warm.endorsedRevision()).isNull();
            assertThat(warm.reviewDate()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(warm.themes()).containsExactly("afschaling", "uitstroom en nazorg");
            assertThat(names(warm.parties())).containsExactlyInAnyOrder("Gebiedsteam Sneek", "Jeugdhulp Friesland",
                    "Huisartsenpraktijk De Marne");
            var warmVersion = wiki.agreements().version(warm.id(), null, TestApp.BEHEERDER).orElseThrow().revision();
            assertThat(warmVersion.createdAt()).isEqualTo(Instant.parse("2026-02-03T00:00:00Z"));
            assertThat(warmVersion.authorName()).isEqualTo("Import");
            assertThat(warmVersion.summary()).isEmpty();
            assertThat(warmVersion.body()).isEqualTo("# Warme overdracht\n\nDe tekst.\n");

            Agreement crisis = wiki.agreement("koppelzone-jeugd-s-hertogenbosch", "crisisroute");
            assertThat(crisis.status()).isEqualTo(AgreementStatus.BEKRACHTIGD);
            assertThat(crisis.endorsedRevision()).isEqualTo(1);
            assertThat(crisis.reviewDate()).isNull();
            assertThat(crisis.themes()).isEmpty();
            var crisisVersion = wiki.agreements().version(crisis.id(), null, TestApp.BEHEERDER).orElseThrow().revision();
            assertThat(crisisVersion.title()).isEqualTo("Crisisroute: wie belt wie?");
            assertThat(crisisVersion.createdAt()).isEqualTo(Instant.parse("2026-03-04T08:15:00Z"));

            assertThat(wiki.koppelzones().details("koppelzone-jeugd-sudwest-fryslan").orElseThrow().parties())
                    .extracting(p -> p.organisation().name() + "|" + p.joinedOn())
                    .containsExactlyInAnyOrder("Gebiedsteam Sneek|2026-02-03", "Jeugdhulp Friesland|2026-02-03",
                            "Huisartsenpraktijk De Marne|2026-02-03");
            assertThat(wiki.koppelzones().details("koppelzone-jeugd-s-hertogenbosch").orElseThrow().parties())
                    .hasSize(7).allSatisfy(p -> assertThat(p.joinedOn()).isEqualTo(LocalDate.of(2026, 3, 4)));
        }
        assertRoundTrip(folder);
    }

    // --- errors and atomicity -------------------------------------------------------------------

    @Test
    void aFolderWithBadFilesReportsEveryProblemWithFileAndLineAndChangesNothing() throws IOException {
        Path folder = temp.resolve("bad");
        write(folder.resolve("a-goed/koppelzone.yaml"), """
                name: Koppelzone Goed
                municipality: Goedstad
                parties:
                  - Wijkteam Goedstad
                """);
        write(folder.resolve("a-goed/een.md"), agreement("Een", "Goedstad", "Koppelzone Goed", "Nieuwe tekst."));
        write(folder.resolve("a-goed/twee.md"), agreement("Twee", "Nieuwstad", "Koppelzone Nieuw", "Nog een tekst."));
        write(folder.resolve("fout/zonder-titel.md"), """
                ---
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties: [Wijkteam Goedstad]
                ---
                Tekst.
                """);
        write(folder.resolve("fout/niet-afgesloten.md"), """
                ---
                title: Niet afgesloten
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties: [Wijkteam Goedstad]
                Tekst zonder afsluitende streepjes.
                """);
        write(folder.resolve("fout/tab.md"), """
                ---
                title: Tab
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties:
                \t- Wijkteam Goedstad
                ---
                Tekst.
                """);
        write(folder.resolve("fout/status.md"), """
                ---
                title: Status
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties:
                  - Wijkteam Goedstad
                status: goedgekeurd
                ---
                Tekst.
                """);
        write(folder.resolve("fout/datum.md"), """
                ---
                title: Datum
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties:
                  - Wijkteam Goedstad
                status: concept
                review_date: 2026-02-30
                ---
                Tekst.
                """);
        write(folder.resolve("fout/sleutel.md"), """
                ---
                title: Sleutel
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties: [Wijkteam Goedstad]
                eigenaar: Piet
                ---
                Tekst.
                """);
        write(folder.resolve("fout/gat.md"), agreement("Gat", "Goedstad", "Koppelzone Goed", "Derde versie."));
        write(folder.resolve("fout/gat.history/1.md"), history("Gat", "2024-01-01T10:00:00Z", "Eerste versie."));
        write(folder.resolve("fout/gat.history/3.md"), history("Gat", "2024-03-01T10:00:00Z", "Derde versie?"));
        write(folder.resolve("fout/terug.md"), """
                ---
                title: Terug
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties: [Wijkteam Goedstad]
                date: 2024-01-01T10:00:00Z
                ---
                Tweede versie.
                """);
        write(folder.resolve("fout/terug.history/1.md"), history("Terug", "2025-01-01T10:00:00Z", "Eerste versie."));
        write(folder.resolve("fout/leeg.md"), """
                ---
                title: Leeg
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties:
                  - Wijkteam Goedstad
                ---

                \s\s
                """);
        write(folder.resolve("fout/soort-a.md"), """
                ---
                title: Soort A
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties: [{name: Stichting Dubbel, kind: aanbieder}]
                ---
                Tekst.
                """);
        write(folder.resolve("fout/soort-b.md"), """
                ---
                title: Soort B
                municipality: Goedstad
                koppelzone: Koppelzone Goed
                parties:
                  - name: stichting dubbel
                    kind: onderwijs
                ---
                Tekst.
                """);
        write(folder.resolve("fout/dubbel/koppelzone.yaml"), """
                name: Koppelzone Goed
                municipality: Goedstad
                """);
        Files.write(folder.resolve("fout/latin1.md"), agreement("Café", "Goedstad", "Koppelzone Goed", "Tekst.")
                .getBytes(StandardCharsets.ISO_8859_1));
        write(folder.resolve("fout/andere-gemeente.md"), agreement("Andere gemeente", "Andersstad", "Koppelzone Goed", "Tekst."));

        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(seedFolder());
            Map<String, Integer> before = wiki.counts();

            ImportFailed failed = wiki.failureOf(folder);

            assertThat(failed).isNotNull();
            assertThat(failed.problems()).contains(
                    "fout/zonder-titel.md:1: 'title' ontbreekt",
                    "fout/niet-afgesloten.md:1: de front matter wordt niet afgesloten met een regel '---'",
                    "fout/status.md:7: status 'goedgekeurd' bestaat niet; kies concept, ter_bekrachtiging, bekrachtigd of vervallen",
                    "fout/datum.md:8: '2026-02-30' is geen datum; schrijf JJJJ-MM-DD",
                    "fout/sleutel.md:6: onbekende sleutel 'eigenaar'; toegestaan zijn accepted_findings, attachments, author, date, endorsed_revision, koppelzone, municipality, "
                            + "parties, review_date, status, summary, themes, title",
                    "fout/gat.history/3.md: revisie 2 ontbreekt in de geschiedenis",
                    "fout/terug.md: de datum ligt vóór die van de vorige revisie",
                    "fout/leeg.md:8: de tekst van de afspraak is leeg",
                    "fout/soort-b.md: organisatie 'stichting dubbel' heeft hier soort onderwijs, maar in fout/soort-a.md aanbieder",
                    "fout/dubbel/koppelzone.yaml: koppelzone 'Koppelzone Goed' (slug koppelzone-goed) is ook beschreven in a-goed/koppelzone.yaml",
                    "fout/latin1.md: het bestand is geen geldige UTF-8-tekst",
                    "fout/andere-gemeente.md: koppelzone 'Koppelzone Goed' hoort bij Goedstad, niet bij Andersstad");
            assertThat(failed.problems()).anySatisfy(problem -> assertThat(problem).startsWith("fout/tab.md:6: ongeldige YAML"));
            assertThat(failed.problems()).hasSize(13).noneMatch(problem -> problem.startsWith("a-goed/"));
            assertThat(wiki.counts()).isEqualTo(before);
        }
    }

    @Test
    void aConflictWithTheDatabaseFoundWhileWritingRollsBackEverythingWrittenBeforeIt() {
        Path wrongMunicipality = temp.resolve("conflict-municipality");
        write(wrongMunicipality.resolve("a/koppelzone.yaml"), """
                name: Koppelzone Nieuw
                municipality: Nieuwstad
                chair: Wijkteam Nieuwstad
                parties:
                  - name: Wijkteam Nieuwstad
                    joined: 2025-01-01
                """);
        write(wrongMunicipality.resolve("a/nieuw.md"), agreement("Nieuw", "Nieuwstad", "Koppelzone Nieuw", "Tekst."));
        write(wrongMunicipality.resolve("b/ook-nieuw.md"), agreement("Ook nieuw", "Ergens", "Koppelzone Ergens", "Tekst."));
        write(wrongMunicipality.resolve("c/begin.md"), agreement("Begin", "Beginstad", "Koppelzone Beginstad", "Andere tekst."));
        write(wrongMunicipality.resolve("z/verkeerd.md"), agreement("Verkeerd", "Anderstad", "Koppelzone Beginstad", "Tekst."));
        Path takenSlug = temp.resolve("conflict-slug");
        write(takenSlug.resolve("a/koppelzone.yaml"), """
                name: Koppelzone Nieuw
                municipality: Nieuwstad
                parties: [Wijkteam Nieuwstad]
                """);
        write(takenSlug.resolve("a/nieuw.md"), agreement("Nieuw", "Nieuwstad", "Koppelzone Nieuw", "Tekst."));
        write(takenSlug.resolve("z/koppelzone.yaml"), """
                name: Andere koppelzone
                slug: koppelzone-beginstad
                municipality: Anderstad
                """);
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(seedFolder());
            Map<String, Integer> before = wiki.counts();

            ImportFailed municipality = wiki.failureOf(wrongMunicipality);
            ImportFailed slug = wiki.failureOf(takenSlug);

            assertThat(municipality).isNotNull();
            assertThat(municipality.problems()).containsExactly(
                    "z/verkeerd.md: koppelzone 'Koppelzone Beginstad' hoort bij gemeente Beginstad, niet bij Anderstad");
            assertThat(slug).isNotNull();
            assertThat(slug.problems()).containsExactly(
                    "z/koppelzone.yaml: koppelzone 'koppelzone-beginstad' bestaat al bij gemeente Beginstad");
            assertThat(wiki.counts()).isEqualTo(before);
            Agreement begin = wiki.agreement("koppelzone-beginstad", "begin");
            assertThat(begin.currentRevision()).isEqualTo(1);
            assertThat(wiki.agreements().version(begin.id(), null, TestApp.BEHEERDER).orElseThrow().revision().body()).isEqualTo("Begintekst.\n");
        }
    }

    // --- importing again ------------------------------------------------------------------------

    @Test
    void importingTheSameFolderTwiceChangesNothingTheSecondTime() {
        Path demo = demoFolder();
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(demo);
            Map<String, Integer> before = wiki.counts();
            wiki.exportTo(temp.resolve("after-first"));

            Importer.Report second = wiki.importFolder(demo);

            assertThat(second).isEqualTo(new Importer.Report(10, 0, 0, 52, 0));
            Map<String, Integer> after = wiki.counts();
            assertThat(after.get("audit_event")).isEqualTo(before.get("audit_event") + 1);
            after.remove("audit_event");
            before.remove("audit_event");
            assertThat(after).isEqualTo(before);
            wiki.exportTo(temp.resolve("after-second"));
        }
        assertSameFiles(temp.resolve("after-first"), temp.resolve("after-second"));
    }

    @Test
    void changingOneBodyAndImportingAgainAppendsExactlyOneRevisionToThatAgreement() throws IOException {
        Path folder = temp.resolve("demo-copy");
        copy(demoFolder(), folder);
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(folder);
            int revisions = wiki.count("revision");
            Agreement before = wiki.agreement("koppelzone-jeugd-tilburg", "warme-overdracht-bij-afschaling");
            assertThat(wiki.agreements().version(before.id(), null, TestApp.BEHEERDER).orElseThrow().revision().number()).isEqualTo(2);
            Path file = folder.resolve("tilburg/koppelzone-jeugd-tilburg/warme-overdracht-bij-afschaling.md");
            String text = Files.readString(file);
            Files.writeString(file, text + "\n6. Na een jaar evalueert de koppelzone deze afspraak.\n");

            Importer.Report report = wiki.importFolder(folder);

            assertThat(report).isEqualTo(new Importer.Report(10, 0, 1, 51, 1));
            assertThat(wiki.count("revision")).isEqualTo(revisions + 1);
            Agreement after = wiki.agreement("koppelzone-jeugd-tilburg", "warme-overdracht-bij-afschaling");
            assertThat(after.currentRevision()).isEqualTo(before.currentRevision() + 1).isEqualTo(3);
            assertThat(after.endorsedRevision()).isEqualTo(3);
            var revision = wiki.agreements().version(after.id(), null, TestApp.BEHEERDER).orElseThrow().revision();
            assertThat(revision.body()).endsWith("\n6. Na een jaar evalueert de koppelzone deze afspraak.\n");
            assertThat(revision.title()).isEqualTo("Warme overdracht bij afschaling naar het wijkteam");
            assertThat(revision.authorName()).isEqualTo("Marieke de Vries");
            assertThat(revision.createdAt()).isEqualTo(NOW);
            assertThat(revision.baseNumber()).isEqualTo(2);
            assertThat(wiki.agreements().version(after.id(), 2, TestApp.BEHEERDER).orElseThrow().revision().body())
                    .doesNotContain("Na een jaar evalueert");
            assertThat(wiki.queryInt("SELECT count(*) FROM audit_event WHERE action = 'agreement.save'")).isEqualTo(1);
        }
    }

    // --- export ---------------------------------------------------------------------------------

    @Test
    void exportRefusesAFolderThatIsNotEmptyAndWritesNothingIntoIt() {
        Path target = temp.resolve("target");
        write(target.resolve("notities.txt"), "van iemand anders");
        Path file = temp.resolve("een-bestand.txt");
        write(file, "geen map");
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(seedFolder());

            assertThatThrownBy(() -> wiki.exportTo(target)).isInstanceOf(TransferRefused.class)
                    .hasMessageContaining("is niet leeg");
            assertThatThrownBy(() -> wiki.exportTo(file)).isInstanceOf(TransferRefused.class)
                    .hasMessageContaining("is geen map");
            assertThat(files(target).keySet()).containsExactly("notities.txt");

            Exporter.Report report = wiki.exportTo(temp.resolve("new/nested"));
            assertThat(report).isEqualTo(new Exporter.Report(1, 1, 2));
            assertThat(files(temp.resolve("new/nested")).keySet())
                    .containsExactlyInAnyOrder("beginstad/koppelzone-beginstad/koppelzone.yaml",
                            "beginstad/koppelzone-beginstad/begin.md");
        }
    }

    // --- bugs -----------------------------------------------------------------------------------

    // Was a bug at c009d27 (fixed by Yaml.needsEscape): Yaml.text wrote a description containing U+2028, U+2029 or
    // U+0085 as a literal block, which YAML reads as line breaks, so the export no longer imported.
    @Test
    void aKoppelzoneDescriptionWithUnicodeLineSeparatorsRoundTrips() {
        Path folder = temp.resolve("separators");
        write(folder.resolve("koppelzone.yaml"), """
                name: Koppelzone Scheiding
                municipality: Scheidstad
                description: "Eerste regel\\nmet een\\u2028regelscheiding en een\\u0085volgende regel\\n"
                parties:
                  - Wijkteam Scheidstad
                """);
        write(folder.resolve("afspraak.md"), agreement("Afspraak", "Scheidstad", "Koppelzone Scheiding", "Tekst."));
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(folder);
            assertThat(wiki.koppelzones().bySlug("koppelzone-scheiding").orElseThrow().description())
                    // NEL is a control character: entered text keeps it as the newline it means (CleanText.text)
                    .isEqualTo("Eerste regel\nmet een\u2028regelscheiding en een\nvolgende regel\n");
        }
        assertRoundTrip(folder);
    }

    // Was a bug at c009d27 (fixed by Yaml.needsEscape): Yaml.quote wrote U+FFFE and U+FFFF raw, which SnakeYAML
    // refuses ("special characters are not allowed"), so the title did not import from its own export.
    @Test
    void aTitleWithAUnicodeNonCharacterRoundTrips() {
        Path folder = temp.resolve("non-character");
        write(folder.resolve("afspraak.md"), agreement("\"Titel \\uFFFE en \\uFFFF\"", "Tekenstad", "Koppelzone Teken", "Tekst."));
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(folder);
            Agreement agreement = wiki.agreement("koppelzone-teken", "afspraak");
            assertThat(wiki.agreements().version(agreement.id(), null, TestApp.BEHEERDER).orElseThrow().revision().title())
                    .isEqualTo("Titel \uFFFE en \uFFFF");
        }
        assertRoundTrip(folder);
    }

    @Test
    void aFolderThatImportsGivesAnExportThatImportsEvenWhenAnEarlyRevisionHasNoDate() {
        Path folder = temp.resolve("dateless");
        write(folder.resolve("afspraak.md"), """
                ---
                title: Afspraak
                municipality: Datumstad
                koppelzone: Koppelzone Datum
                parties: [Wijkteam Datumstad]
                date: 2025-05-01T10:00:00Z
                ---
                Tweede versie.
                """);
        write(folder.resolve("afspraak.history/1.md"), """
                ---
                title: Afspraak
                ---
                Eerste versie.
                """);
        Path export = temp.resolve("export");
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            try {
                wiki.services().importer().importFolder(folder, "test", Progress.NONE);
            } catch (ImportFailed refused) {
                return; // refusing such a folder up front is a fine fix as well
            }
            wiki.exportTo(export);
        }
        try (Wiki wiki = Wiki.open(temp.resolve("data-2"))) {
            assertThat(wiki.importFolder(export).created()).isEqualTo(1);
        }
    }

    @Test
    void reImportingAnUnchangedTextAsBekrachtigdEndorsesTheCurrentRevision() throws IOException {
        Path folder = temp.resolve("status");
        Path file = folder.resolve("afspraak.md");
        write(file, agreement("Afspraak", "Statusstad", "Koppelzone Status", "Tekst."));
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(folder);
            write(file, Files.readString(file).replace("status: concept", "status: bekrachtigd"));

            Importer.Report report = wiki.importFolder(folder);

            assertThat(report.unchanged()).isEqualTo(1);
            Agreement agreement = wiki.agreement("koppelzone-status", "afspraak");
            assertThat(agreement.status()).isEqualTo(AgreementStatus.BEKRACHTIGD);
            assertThat(agreement.endorsedRevision()).isEqualTo(agreement.currentRevision());
        }
    }

    @Test
    void aMunicipalityOrKoppelzoneNameWithoutLettersIsReportedAsAProblemWithItsLine() {
        Path folder = temp.resolve("no-letters");
        write(folder.resolve("gemeente.md"), agreement("Gemeente", "—", "Koppelzone Streep", "Tekst."));
        write(folder.resolve("koppelzone.md"), agreement("Koppelzone", "Puntstad", "???", "Tekst."));
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            Map<String, Integer> before = wiki.counts();

            ImportFailed failed = wiki.failureOf(folder);

            assertThat(failed.problems()).anySatisfy(problem -> assertThat(problem).startsWith("gemeente.md:3: "));
            assertThat(failed.problems()).anySatisfy(problem -> assertThat(problem).startsWith("koppelzone.md:4: "));
            assertThat(wiki.counts()).isEqualTo(before);
        }
    }

    @Test
    void aKoppelzoneWhoseNameGivesAnotherKoppelzonesSlugRoundTrips() {
        Path folder = temp.resolve("renamed");
        write(folder.resolve("a/koppelzone.yaml"), """
                name: Koppelzone Jeugd Tilburg (oud)
                slug: koppelzone-jeugd-tilburg
                municipality: Tilburg
                parties: [Wijkteam Tilburg]
                """);
        write(folder.resolve("a/oude-afspraak.md"), agreement("Oud", "Tilburg", "koppelzone-jeugd-tilburg", "Oude tekst."));
        write(folder.resolve("b/koppelzone.yaml"), """
                name: Koppelzone Jeugd Tilburg
                slug: kjt
                municipality: Tilburg
                parties: [Wijkteam Tilburg]
                """);
        write(folder.resolve("b/nieuwe-afspraak.md"), agreement("Nieuw", "Tilburg", "kjt", "Nieuwe tekst."));
        try (Wiki wiki = Wiki.open(temp.resolve("data"))) {
            wiki.importFolder(folder);
            assertThat(wiki.agreement("koppelzone-jeugd-tilburg", "oude-afspraak").koppelzone().name())
                    .isEqualTo("Koppelzone Jeugd Tilburg (oud)");
            assertThat(wiki.agreement("kjt", "nieuwe-afspraak").koppelzone().name()).isEqualTo("Koppelzone Jeugd Tilburg");
        }
        assertRoundTrip(folder);
    }

    // --- checks ---------------------------------------------------------------------------------

    private void assertAgreementAsInFile(Wiki wiki, Path root, Path file) {
        Document document = Document.read(file);
        Map<String, Object> front = document.front();
        String slug = file.getFileName().toString().replaceFirst("\\.md$", "");
        String reference = (String) front.get("koppelzone");
        Koppelzone koppelzone = wiki.koppelzones().all().stream()
                .filter(k -> k.name().equals(reference) || k.slug().equals(reference)).findFirst().orElseThrow();
        Agreement agreement = wiki.agreement(koppelzone.slug(), slug);
        String where = root.relativize(file).toString();
        Path historyDir = file.resolveSibling(slug + ".history");
        int history = Files.isDirectory(historyDir) ? files(historyDir).size() : 0;

        assertThat(agreement.currentRevision()).as("revisions of %s", where).isEqualTo(history + 1);
        assertThat(wiki.agreements().history(agreement.id(), TestApp.BEHEERDER)).as(where).hasSize(history + 1);
        assertThat(agreement.koppelzone().municipality().name()).as(where).isEqualTo(front.get("municipality"));
        AgreementStatus status = AgreementStatus.fromCode((String) front.getOrDefault("status", "concept")).orElseThrow();
        assertThat(agreement.status()).as(where).isEqualTo(status);
        assertThat(agreement.endorsedRevision()).as(where)
                .isEqualTo(status == AgreementStatus.BEKRACHTIGD ? agreement.currentRevision() : null);
        Object review = front.get("review_date");
        assertThat(agreement.reviewDate()).as(where).isEqualTo(review == null ? null : LocalDate.parse((String) review));
        assertThat(names(agreement.parties())).as(where).containsExactlyInAnyOrderElementsOf(partyNames(front.get("parties")));
        @SuppressWarnings("unchecked")
        List<String> themes = (List<String>) front.getOrDefault("themes", List.of());
        assertThat(agreement.themes()).as(where).containsExactlyInAnyOrderElementsOf(
                themes.stream().map(theme -> theme.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        for (int number = 1; number <= history + 1; number++) {
            Document revisionFile = number <= history ? Document.read(historyDir.resolve(number + ".md")) : document;
            var revision = wiki.agreements().version(agreement.id(), number, TestApp.BEHEERDER).orElseThrow().revision();
            assertThat(revision.title()).as("%s revision %d", where, number).isEqualTo(revisionFile.front().get("title"));
            assertThat(revision.body()).as("%s revision %d", where, number).isEqualTo(revisionFile.body());
            assertThat(revision.authorName()).as(where).isEqualTo(revisionFile.front().getOrDefault("author", "Import"));
            assertThat(revision.createdAt()).as(where).isEqualTo(Instant.parse((String) revisionFile.front().get("date")));
            assertThat(revision.summary()).as(where).isEqualTo(revisionFile.front().getOrDefault("summary", ""));
        }
    }

    private void assertKoppelzoneAsInFile(Wiki wiki, Path file) {
        Map<String, Object> yaml = Document.yaml(readString(file));
        Koppelzone koppelzone = wiki.koppelzones().all().stream().filter(k -> k.name().equals(yaml.get("name")))
                .findFirst().orElseThrow();
        String where = file.toString();
        assertThat(koppelzone.municipality().name()).as(where).isEqualTo(yaml.get("municipality"));
        assertThat(koppelzone.municipality().jeugdregio()).as(where).isEqualTo(yaml.get("jeugdregio"));
        assertThat(koppelzone.level().code()).as(where).isEqualTo(yaml.getOrDefault("level", "lokaal"));
        assertThat(koppelzone.chair() == null ? null : koppelzone.chair().name()).as(where).isEqualTo(yaml.get("chair"));
        assertThat(koppelzone.description()).as(where).isEqualTo(yaml.getOrDefault("description", ""));
        if (yaml.containsKey("slug")) {
            assertThat(koppelzone.slug()).as(where).isEqualTo(yaml.get("slug"));
        }
        List<Party> parties = wiki.koppelzones().details(koppelzone.slug()).orElseThrow().parties();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> declared = (List<Map<String, String>>) yaml.get("parties");
        assertThat(parties).extracting(p -> p.organisation().name() + "|" + p.organisation().kind().code() + "|" + p.joinedOn())
                .as(where).containsAll(declared.stream()
                        .map(p -> p.get("name") + "|" + p.get("kind") + "|" + p.get("joined")).toList());
    }

    private void assertGeneratedAgreement(Wiki wiki, RandomCorpus.Agreement expected) {
        String where = expected.file();
        Agreement agreement = wiki.agreement(expected.koppelzone().slug(), expected.slug());
        List<RandomCorpus.Revision> revisions = expected.revisions();
        assertThat(agreement.currentRevision()).as(where).isEqualTo(revisions.size());
        assertThat(agreement.status().code()).as(where).isEqualTo(expected.status());
        assertThat(agreement.endorsedRevision()).as(where)
                .isEqualTo(expected.status().equals("bekrachtigd") ? revisions.size() : null);
        assertThat(agreement.reviewDate()).as(where).isEqualTo(expected.reviewDate());
        assertThat(agreement.themes()).as(where).containsExactlyInAnyOrderElementsOf(expected.themes());
        assertThat(names(agreement.parties())).as(where).containsExactlyInAnyOrderElementsOf(expected.parties());
        assertThat(agreement.koppelzone().municipality().name()).as(where).isEqualTo(expected.koppelzone().municipality());
        for (int i = 0; i < revisions.size(); i++) {
            RandomCorpus.Revision want = revisions.get(i);
            var got = wiki.agreements().version(agreement.id(), i + 1, TestApp.BEHEERDER).orElseThrow().revision();
            String revision = where + " revision " + (i + 1);
            assertThat(got.title()).as(revision).isEqualTo(want.title());
            assertThat(got.body()).as(revision).isEqualTo(want.body());
            assertThat(got.authorName()).as(revision).isEqualTo(want.author() == null ? "Import" : want.author());
            assertThat(got.summary()).as(revision).isEqualTo(want.summary() == null ? "" : want.summary());
            assertThat(got.createdAt()).as(revision).isEqualTo(expectedDate(revisions, i));
        }
    }

    /**
     * A revision without a date gets the date of the revision before it; the first, without one,
     * the first date given later; with no dates at all, the time of the import.
     */
    private static Instant expectedDate(List<RandomCorpus.Revision> revisions, int index) {
        for (int i = index; i >= 0; i--) {
            if (revisions.get(i).date() != null) {
                return revisions.get(i).date();
            }
        }
        return revisions.stream().map(RandomCorpus.Revision::date).filter(java.util.Objects::nonNull).findFirst().orElse(NOW);
    }

    private void assertGeneratedKoppelzone(Wiki wiki, RandomCorpus corpus, RandomCorpus.Koppelzone expected) {
        KoppelzoneService.Details details = wiki.koppelzones().details(expected.slug()).orElseThrow();
        Koppelzone koppelzone = details.koppelzone();
        String where = expected.name();
        assertThat(koppelzone.name()).as(where).isEqualTo(expected.name());
        assertThat(koppelzone.municipality().name()).as(where).isEqualTo(expected.municipality());
        assertThat(koppelzone.municipality().slug()).as(where).isEqualTo(Slugs.of(expected.municipality(), 80));
        assertThat(koppelzone.municipality().jeugdregio()).as(where).isEqualTo(corpus.jeugdregio.get(expected.municipality()));
        assertThat(koppelzone.level().code()).as(where).isEqualTo(expected.level());
        assertThat(koppelzone.description()).as(where).isEqualTo(expected.description());
        assertThat(koppelzone.chair() == null ? null : koppelzone.chair().name()).as(where).isEqualTo(expected.chair());
        assertThat(details.parties()).extracting(p -> p.organisation().name() + "|" + p.joinedOn()).as(where)
                .containsAll(expected.declaredParties().stream()
                        .map(p -> p.name() + "|" + (p.joined() == null ? TODAY : p.joined())).toList());
        Set<String> agreementParties = new HashSet<>();
        corpus.agreements.stream().filter(a -> a.koppelzone().equals(expected)).forEach(a -> agreementParties.addAll(a.parties()));
        assertThat(names(details.parties().stream().map(Party::organisation).toList())).as(where)
                .containsAll(agreementParties);
    }

    private void assertExported(Path export, RandomCorpus.Agreement expected) {
        Path directory = export.resolve(Slugs.of(expected.koppelzone().municipality(), 80)).resolve(expected.koppelzone().slug());
        List<RandomCorpus.Revision> revisions = expected.revisions();
        Path historyDir = directory.resolve(expected.slug() + ".history");
        assertThat(Files.isDirectory(historyDir) ? files(historyDir).keySet() : Set.of()).as(expected.file())
                .hasSize(revisions.size() - 1);
        for (int i = 0; i < revisions.size(); i++) {
            Path file = i == revisions.size() - 1 ? directory.resolve(expected.slug() + ".md") : historyDir.resolve((i + 1) + ".md");
            Document document = Document.read(file);
            RandomCorpus.Revision revision = revisions.get(i);
            Map<String, Object> front = document.front();
            String where = file.toString();
            assertThat(front.get("title")).as(where).isEqualTo(revision.title());
            assertThat(document.body()).as(where).isEqualTo(revision.body());
            assertThat(front.get("author")).as(where).isEqualTo(revision.author() == null ? "Import" : revision.author());
            assertThat(Instant.parse((String) front.get("date"))).as(where).isEqualTo(expectedDate(revisions, i));
            assertThat(front.get("summary")).as(where).isEqualTo(revision.summary());
            if (i == revisions.size() - 1) {
                assertThat(front.get("status")).as(where).isEqualTo(expected.status());
                assertThat(front.get("review_date")).as(where)
                        .isEqualTo(expected.reviewDate() == null ? null : expected.reviewDate().toString());
                assertThat(partyNames(front.get("parties"))).as(where).containsExactlyInAnyOrderElementsOf(expected.parties());
                @SuppressWarnings("unchecked")
                List<String> themes = (List<String>) front.getOrDefault("themes", List.of());
                assertThat(themes).as(where).containsExactlyInAnyOrderElementsOf(expected.themes());
            }
        }
    }

    /** Imports {@code folder} into an empty database, exports, imports that export, exports again: same bytes. */
    private void assertRoundTrip(Path folder) {
        Path first = temp.resolve("round-trip-1");
        try (Wiki wiki = Wiki.open(temp.resolve("round-trip-data-1"))) {
            wiki.importFolder(folder);
            wiki.exportTo(first);
        }
        assertReimportReproduces(first);
    }

    private void assertReimportReproduces(Path export) {
        Path second = temp.resolve("round-trip-2");
        try (Wiki wiki = Wiki.open(temp.resolve("round-trip-data-2"))) {
            wiki.importFolder(export);
            wiki.exportTo(second);
        }
        assertSameFiles(export, second);
    }

    private static void assertSameFiles(Path expected, Path actual) {
        Map<String, byte[]> want = files(expected);
        Map<String, byte[]> got = files(actual);
        assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
        want.forEach((path, bytes) -> {
            assertThat(new String(got.get(path), StandardCharsets.UTF_8)).as(path).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            assertThat(got.get(path)).as(path).isEqualTo(bytes);
        });
    }

    // --- fixtures -------------------------------------------------------------------------------

    /** The database and services of one test, on real SQLite in a temporary folder. */
    private record Wiki(Database db, Services services) implements AutoCloseable {

        static Wiki open(Path dataDir) {
            Database db = TestDisk.open(dataDir);
            return new Wiki(db, TestDisk.shareAnalysis(Services.create(Settings.forTests(dataDir), db, CLOCK, TestDisk.INDEX)));
        }

        Importer.Report importFolder(Path folder) {
            try {
                return services.importer().importFolder(folder, "test", Progress.NONE);
            } catch (ImportFailed e) {
                throw new ImportFailedUnchecked(e);
            }
        }

        /** The problems of an import that must fail. */
        ImportFailed failureOf(Path folder) {
            try {
                Importer.Report report = services.importer().importFolder(folder, "test", Progress.NONE);
                throw new AssertionError("the import of " + folder + " succeeded: " + report);
            } catch (ImportFailed e) {
                return e;
            }
        }

        Exporter.Report exportTo(Path folder) {
            return services.exporter().exportTo(folder, Progress.NONE);
        }

        AgreementService agreements() {
            return services.agreements();
        }

        KoppelzoneService koppelzones() {
            return services.koppelzones();
        }

        Agreement agreement(String koppelzoneSlug, String slug) {
            Long id = db.read(handle -> handle.createQuery("""
                            SELECT a.id FROM agreement a JOIN koppelzone k ON k.id = a.koppelzone_id
                            WHERE k.slug = :koppelzone AND a.slug = :slug
                            """)
                    .bind("koppelzone", koppelzoneSlug).bind("slug", slug).mapTo(Long.class).one());
            return services.agreements().find(id, TestApp.BEHEERDER).orElseThrow();
        }

        int count(String table) {
            return queryInt("SELECT count(*) FROM " + table);
        }

        Map<String, Integer> counts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            TABLES.forEach(table -> counts.put(table, count(table)));
            return counts;
        }

        int queryInt(String sql) {
            Integer result = db.read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
            return result;
        }

        List<String> strings(String sql) {
            List<String> result = db.read(handle -> handle.createQuery(sql).mapTo(String.class).list());
            return result;
        }

        String organisationKind(String name) {
            String kind = db.read(handle -> handle.createQuery("SELECT kind FROM organisation WHERE slug = :slug")
                    .bind("slug", Slugs.of(name, 120)).mapTo(String.class).one());
            return kind;
        }

        @Override
        public void close() {
            db.close();
        }
    }

    /** Lets tests that expect success call the importer without a throws clause; failures keep their problems. */
    private static final class ImportFailedUnchecked extends RuntimeException {
        ImportFailedUnchecked(ImportFailed cause) {
            super(String.join("\n", cause.problems()), cause);
        }
    }

    /** A markdown file split into its front matter (every scalar read as text, independently of FrontMatter) and body. */
    private record Document(Map<String, Object> front, String body) {

        private static final org.yaml.snakeyaml.Yaml STRINGS = new org.yaml.snakeyaml.Yaml(
                new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()), new DumperOptions(),
                new LoaderOptions(), new Resolver() {
                    @Override
                    protected void addImplicitResolvers() {
                        // no implicit types: dates, numbers and booleans stay the text that was written
                    }
                });

        static Document read(Path file) {
            String text = readString(file).replace("\r\n", "\n");
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            assertThat(text).as(file.toString()).startsWith("---\n");
            int end = text.indexOf("\n---\n", 3);
            assertThat(end).as(file.toString()).isPositive();
            return new Document(yaml(text.substring(4, end + 1)), text.substring(end + 5));
        }

        static Map<String, Object> yaml(String text) {
            Map<String, Object> map = STRINGS.load(text);
            return map == null ? Map.of() : map;
        }
    }

    private static List<String> partyNames(Object parties) {
        List<String> names = new ArrayList<>();
        for (Object party : (List<?>) parties) {
            names.add(party instanceof Map<?, ?> map ? (String) map.get("name") : (String) party);
        }
        return names;
    }

    private static List<String> names(List<Organisation> organisations) {
        return organisations.stream().map(Organisation::name).toList();
    }

    private Path demoFolder() {
        try {
            return Path.of(getClass().getResource("/demo").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database to start from: one agreement in Beginstad. */
    private Path seedFolder() {
        Path folder = temp.resolve("seed");
        if (!Files.exists(folder)) {
            write(folder.resolve("begin.md"), agreement("Begin", "Beginstad", "Koppelzone Beginstad", "Begintekst."));
        }
        return folder;
    }

    private static String agreement(String title, String municipality, String koppelzone, String body) {
        return """
                ---
                title: %s
                municipality: %s
                koppelzone: %s
                parties:
                  - Wijkteam %s
                status: concept
                ---
                %s
                """.formatted(title, municipality, koppelzone, municipality, body);
    }

    private static String history(String title, String date, String body) {
        return """
                ---
                title: %s
                date: %s
                ---
                %s
                """.formatted(title, date, body);
    }

    private static List<Path> agreementFiles(Path root) {
        return files(root).keySet().stream()
                .filter(path -> path.endsWith(".md") && !path.contains(".history/"))
                .map(root::resolve).toList();
    }

    /** Every regular file under {@code root} by its relative path ('/'-separated), sorted. */
    private static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void copy(Path from, Path to) throws IOException {
        for (var entry : files(from).entrySet()) {
            Path target = to.resolve(entry.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, entry.getValue());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.agreements.Attachment;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.attachments.SampleFiles;
import nl.afsprakenwiki.testing.TestServices;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Export writes each revision's files beside the markdown, import reads them back: the round trip keeps every byte. */
class AttachmentTransferTest {

    @TempDir
    Path temp;

    /** An agreement whose file changed over its history: revision 2 had another stroomschema.png than revision 3. */
    private Path handWritten() {
        Path folder = temp.resolve("bron/teststad/kz");
        write(folder.resolve("overdracht.history/1.md"), """
                ---
                title: Overdracht
                author: Anna
                date: 2026-01-01T10:00:00Z
                ---
                Eerste tekst.
                """);
        write(folder.resolve("overdracht.history/2.md"), """
                ---
                title: Overdracht
                author: Anna
                date: 2026-01-02T10:00:00Z
                attachments:
                  - stroomschema.png
                ---
                Eerste tekst.
                """);
        write(folder.resolve("overdracht.history/2.bijlagen/stroomschema.png"), SampleFiles.PNG);
        write(folder.resolve("overdracht.md"), """
                ---
                title: Overdracht
                municipality: Teststad
                koppelzone: Koppelzone Teststad
                parties: [Wijkteam Teststad]
                status: bekrachtigd
                author: Bert
                date: 2026-01-03T10:00:00Z
                attachments: [stroomschema.png, formulier.pdf]
                ---
                Zie ![Stroomschema](bijlage:stroomschema.png).
                """);
        write(folder.resolve("overdracht.bijlagen/stroomschema.png"), SampleFiles.OTHER_PNG);
        write(folder.resolve("overdracht.bijlagen/formulier.pdf"), SampleFiles.PDF);
        return temp.resolve("bron");
    }

    @Test
    void exportImportExportIsByteIdenticalWithTheFilesOfEveryRevision() throws Exception {
        Path first = temp.resolve("first");
        try (TestServices wiki = TestServices.open(temp.resolve("data1"))) {
            wiki.services.importer().importFolder(handWritten(), "test", Progress.NONE);
            Map<Integer, List<Attachment>> files = files(wiki);
            assertThat(files.get(1)).isEmpty();
            assertThat(files.get(2)).extracting(Attachment::name, Attachment::type).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("stroomschema.png", "png"));
            assertThat(files.get(3)).extracting(Attachment::name).containsExactly("formulier.pdf", "stroomschema.png");
            assertThat(files.get(2).get(0).sha256()).isNotEqualTo(files.get(3).get(1).sha256());
            wiki.services.exporter().exportTo(first, Progress.NONE);
        }
        Path agreement = first.resolve("teststad/koppelzone-teststad");
        assertThat(Files.readAllBytes(agreement.resolve("overdracht.bijlagen/stroomschema.png"))).isEqualTo(SampleFiles.OTHER_PNG);
        assertThat(Files.readAllBytes(agreement.resolve("overdracht.history/2.bijlagen/stroomschema.png"))).isEqualTo(SampleFiles.PNG);
        assertThat(Files.readString(agreement.resolve("overdracht.md"))).contains("attachments:\n  - formulier.pdf\n  - stroomschema.png\n");

        Path second = temp.resolve("second");
        try (TestServices wiki = TestServices.open(temp.resolve("data2"))) {
            wiki.services.importer().importFolder(first, "test", Progress.NONE);
            wiki.services.exporter().exportTo(second, Progress.NONE);
        }
        assertThat(contents(second)).isEqualTo(contents(first)).containsKey("teststad/koppelzone-teststad/overdracht.bijlagen/formulier.pdf");
    }

    @Test
    void badFilesRefuseTheWholeImportNamingEachOne() {
        Path folder = temp.resolve("slecht/kz");
        write(folder.resolve("a.md"), """
                ---
                title: A
                municipality: Teststad
                koppelzone: Koppelzone Teststad
                parties: [Wijkteam Teststad]
                attachments: [schema.pdf, tekening.svg, pagina.html, weg.pdf, groot.pdf, ../geheim.pdf]
                ---
                Tekst.
                """);
        write(folder.resolve("a.bijlagen/schema.pdf"), SampleFiles.PNG);
        write(folder.resolve("a.bijlagen/tekening.svg"), SampleFiles.SVG);
        write(folder.resolve("a.bijlagen/pagina.html"), SampleFiles.HTML);
        write(folder.resolve("a.bijlagen/groot.pdf"), SampleFiles.pdfOfSize(11 * 1024 * 1024));
        write(folder.resolve("b.md"), """
                ---
                title: B
                municipality: Teststad
                koppelzone: Koppelzone Teststad
                parties: [Wijkteam Teststad]
                ---
                Goed.
                """);
        try (TestServices wiki = TestServices.open(temp.resolve("data"))) {
            assertThatThrownBy(() -> wiki.services.importer().importFolder(temp.resolve("slecht"), "test", Progress.NONE))
                    .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.problems()).containsExactly(
                            "kz/a.md:6: bijlage 'schema.pdf': de naam past niet bij de inhoud, een PNG-bestand",
                            "kz/a.md:6: bijlage 'tekening.svg' is geen PDF, DOCX, XLSX, ODT, ODS, PNG of JPEG",
                            "kz/a.md:6: bijlage 'pagina.html' is geen PDF, DOCX, XLSX, ODT, ODS, PNG of JPEG",
                            "kz/a.md:6: bijlage 'weg.pdf' ontbreekt; verwacht in kz/a.bijlagen",
                            "kz/a.md:6: bijlage 'groot.pdf' is groter dan 10 MB",
                            "kz/a.md:6: bijlage '../geheim.pdf': een bijlagenaam heeft alleen letters, cijfers, '.', '_' en '-', en een extensie"));
            int agreements = wiki.db.read(handle -> handle.createQuery("SELECT count(*) FROM agreement").mapTo(Integer.class).one());
            assertThat(agreements).as("all or nothing").isZero();
        }
    }

    private static Map<Integer, List<Attachment>> files(TestServices wiki) {
        return wiki.db.read(handle -> {
            Map<Integer, List<Attachment>> files = new TreeMap<>();
            long id = handle.createQuery("SELECT id FROM agreement").mapTo(Long.class).one();
            for (Revision revision : new nl.afsprakenwiki.agreements.AgreementStore(new nl.afsprakenwiki.koppelzones.KoppelzoneStore())
                    .allRevisions(handle, id)) {
                files.put(revision.number(), new nl.afsprakenwiki.agreements.AgreementStore(
                        new nl.afsprakenwiki.koppelzones.KoppelzoneStore()).attachments(handle, revision.id()));
            }
            return files;
        });
    }

    /** Every file below {@code root} by its relative path, as text for readable failures (binary files as hex). */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        }
        return contents;
    }

    private static void write(Path file, String text) {
        write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

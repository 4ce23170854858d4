package nl.afsprakenwiki.files;

import nl.afsprakenwiki.attachments.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Types come from the content, never from the name; names come out safe for URLs, headers and folders. */
class FileTypeTest {

    @TempDir
    Path temp;

    private Optional<FileType> detect(byte[] content) throws IOException {
        Path file = Files.createTempFile(temp, "bestand", ".bin");
        Files.write(file, content);
        return FileType.detect(file);
    }

    @Test
    void eachAcceptedKindIsRecognisedByItsContent() throws IOException {
        assertThat(detect(SampleFiles.PDF)).contains(FileType.PDF);
        assertThat(detect(SampleFiles.PNG)).contains(FileType.PNG);
        assertThat(detect(SampleFiles.JPEG)).contains(FileType.JPEG);
        assertThat(detect(SampleFiles.docx())).contains(FileType.DOCX);
        assertThat(detect(SampleFiles.xlsx())).contains(FileType.XLSX);
        assertThat(detect(SampleFiles.odt())).contains(FileType.ODT);
        assertThat(detect(SampleFiles.ods())).contains(FileType.ODS);
    }

    @Test
    void svgHtmlTextAndOtherZipsAreNoneOfThem() throws IOException {
        assertThat(detect(SampleFiles.SVG)).isEmpty();
        assertThat(detect(SampleFiles.HTML)).isEmpty();
        assertThat(detect("gewoon tekst".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(detect(new byte[] {'P', 'K', 3, 4, 0, 0})).as("a broken zip").isEmpty();
        assertThat(detect(new byte[0])).isEmpty();
    }

    @Test
    void theExtensionMustSayTheTypeOfTheContent() {
        assertThat(FileType.PNG.matchesName("schema.png")).isTrue();
        assertThat(FileType.PNG.matchesName("schema.pdf")).isFalse();
        assertThat(FileType.JPEG.matchesName("foto.jpg")).isTrue();
        assertThat(FileType.JPEG.matchesName("foto.jpeg")).isTrue();
        assertThat(FileType.PDF.matchesName("pdf")).isFalse();
    }

    @Test
    void uploadedNamesBecomeSafeNames() {
        assertThat(FileNames.clean("C:\\Users\\an\\Stroomschema (v2).PNG")).contains("Stroomschema-v2.png");
        assertThat(FileNames.clean("../../etc/passwd.pdf")).contains("passwd.pdf");
        assertThat(FileNames.clean("Overdracht café.docx")).contains("Overdracht-cafe.docx");
        assertThat(FileNames.clean("\"><script>.pdf")).contains("script.pdf");
        assertThat(FileNames.clean("geen-extensie")).isEmpty();
        assertThat(FileNames.clean(".pdf")).isEmpty();
        assertThat(FileNames.clean("x".repeat(300) + ".pdf")).hasValueSatisfying(name -> assertThat(name).hasSize(100).endsWith(".pdf"));
        assertThat(FileNames.valid("../geheim.pdf")).isFalse();
        assertThat(FileNames.valid("a b.pdf")).isFalse();
    }
}

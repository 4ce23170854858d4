package nl.afsprakenwiki;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.attachments.SampleFiles;
import nl.afsprakenwiki.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backup} copies the attachment files beside the database copy, in the data directory's layout. */
class AttachmentBackupTest {

    @TempDir
    Path temp;

    @Test
    void aBackupIncludesEveryStoredFileSoARestoredWikiServesThem() throws Exception {
        Path data = temp.resolve("data");
        String sha;
        try (TestServices wiki = TestServices.open(data)) {
            String koppelzone = wiki.data.koppelzone("Koppelzone Teststad", "Teststad");
            var expert = wiki.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT, "wijkteam-teststad");
            long id = wiki.draft(koppelzone, expert, "Overdracht", "Tekst.", "wijkteam-teststad");
            var saved = wiki.services.attachments().upload(id, 1, "formulier.pdf", new ByteArrayInputStream(SampleFiles.PDF),
                    expert.author());
            sha = ((nl.afsprakenwiki.agreements.SaveOutcome.Saved) saved).revision().sha256();
        }
        Path backup = temp.resolve("kopie/wiki.db");
        Files.createDirectories(backup.getParent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                Map.of(), () -> null).run(new String[] {"backup", backup.toString(), "--data", data.toString()});

        assertThat(code).isZero();
        Path files = temp.resolve("kopie/wiki.db.bijlagen");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("de 1 bijlagen naar " + files.toAbsolutePath());
        String fileSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(SampleFiles.PDF));
        assertThat(files.resolve(fileSha.substring(0, 2)).resolve(fileSha.substring(2))).hasBinaryContent(SampleFiles.PDF);

        Path restored = temp.resolve("hersteld");
        Files.createDirectories(restored);
        Files.copy(backup, restored.resolve(nl.afsprakenwiki.db.Database.FILE_NAME));
        Files.move(files, restored.resolve("attachments"));
        try (TestServices wiki = TestServices.open(restored)) {
            var download = wiki.services.attachments().download(1, 2, "formulier.pdf", wiki.viewer("marieke"));
            assertThat(download).isPresent();
            assertThat(Files.readAllBytes(download.get().file())).isEqualTo(SampleFiles.PDF);
            String restoredSha = wiki.db.read(handle -> handle.createQuery("SELECT sha256 FROM revision WHERE number = 2")
                    .mapTo(String.class).one());
            assertThat(restoredSha).isEqualTo(sha);
        }
    }
}

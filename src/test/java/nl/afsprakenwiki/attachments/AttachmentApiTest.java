package nl.afsprakenwiki.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.agreements.RevisionContent;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments through the JSON API on the real app: bound to revisions (the revision's SHA-256 covers
 * them), visible as the revision is, checked by content, merged by name when someone saved meanwhile.
 */
class AttachmentApiTest {

    @TempDir
    Path dir;
    private TestApp app;
    private TestApp.Client expert;
    private TestApp.Client manager;
    private long id;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        String koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        expert = app.bearer(app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-teststad"));
        manager = app.bearer(app.member(koppelzone, "wim", Role.MANAGER, "wijkteam-teststad"));
        id = app.agreement("Koppelzone Jeugd Teststad", "Teststad", "warme-overdracht", "Warme overdracht", "bekrachtigd",
                "Zie het stroomschema.\n\n![Stroomschema](bijlage:stroomschema.png)\n");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Response upload(TestApp.Client client, int base, String name, byte[] content) {
        SampleFiles.Multipart body = SampleFiles.Multipart.of(Map.of("baseRevision", Integer.toString(base)), "file", name,
                "application/octet-stream", content);
        return client.sendBytes("POST", "/api/v1/agreements/" + id + "/attachments", body.contentType(), body.body(), Map.of());
    }

    private Response uploaded(TestApp.Client client, int base, String name, byte[] content) {
        Response response = upload(client, base, name, content);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private String sha256(int revision) {
        return expert.get("/api/v1/agreements/" + id + "/revisions/" + revision).json().get("sha256").asText();
    }

    @Test
    void aFileAddedToADraftStaysHiddenFromVisitorsUntilThatRevisionIsEndorsed() {
        Response added = uploaded(expert, 1, "stroomschema.png", SampleFiles.PNG);
        assertThat(added.json().get("revision").asInt()).isEqualTo(2);
        String download = "/api/v1/agreements/" + id + "/revisions/2/attachments/stroomschema.png";

        TestApp.Client visitor = app.newBrowser();
        JsonNode publicList = visitor.get("/api/v1/agreements/" + id + "/attachments").json();
        assertThat(publicList.get("revision").asInt()).as("a visitor reads the endorsed revision").isEqualTo(1);
        assertThat(publicList.get("attachments")).isEmpty();
        assertThat(visitor.get("/api/v1/agreements/" + id + "/attachments?revision=2").status()).isEqualTo(404);
        assertThat(visitor.get(download).status()).isEqualTo(404);
        assertThat(visitor.get("/afspraken/" + id + "/revisies/2/bijlagen/stroomschema.png").status()).isEqualTo(404);
        assertThat(visitor.get("/afspraken/" + id).body()).as("the endorsed text stays public, without the image")
                .contains("Zie het stroomschema.").doesNotContain("bijlagen/stroomschema.png");
        assertThat(expert.get(download).status()).as("members see the draft's file").isEqualTo(200);

        assertThat(expert.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", 2)).status()).isEqualTo(201);
        Response endorsed = manager.postJson("/api/v1/agreements/" + id + "/endorsements",
                Map.of("revision", 2, "decision", "endorse"));
        assertThat(endorsed.json().get("status").asText()).as(endorsed.body()).isEqualTo("bekrachtigd");

        JsonNode nowPublic = visitor.get("/api/v1/agreements/" + id + "/attachments").json();
        assertThat(nowPublic.get("revision").asInt()).isEqualTo(2);
        assertThat(nowPublic.get("attachments").get(0).get("name").asText()).isEqualTo("stroomschema.png");
        assertThat(visitor.get(download).status()).isEqualTo(200);
        assertThat(visitor.get("/afspraken/" + id).body())
                .contains("<img src=\"/afspraken/" + id + "/revisies/2/bijlagen/stroomschema.png\" alt=\"Stroomschema\" />");
    }

    @Test
    void addingOrReplacingAFileChangesTheRevisionsSha256AndTheEndorsementBindsToIt() throws Exception {
        JsonNode first = expert.get("/api/v1/agreements/" + id + "/revisions/1").json();
        String before = first.get("sha256").asText();
        String title = first.get("title").asText();
        String body = first.get("body").asText();
        assertThat(before).as("a revision without files hashes as it always did: title, newline, body")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                        (title + "\n" + body).getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(RevisionContent.of(title, body).sha256());

        String added = uploaded(expert, 1, "stroomschema.png", SampleFiles.PNG).json().get("sha256").asText();
        String replaced = uploaded(expert, 2, "stroomschema.png", SampleFiles.OTHER_PNG).json().get("sha256").asText();

        assertThat(added).isNotEqualTo(before).isEqualTo(sha256(2));
        assertThat(replaced).isNotEqualTo(added).isEqualTo(sha256(3));
        JsonNode three = expert.get("/api/v1/agreements/" + id + "/revisions/3").json();
        assertThat(three.get("body").asText()).as("the text is the same").contains("Zie het stroomschema.");
        assertThat(three.get("summary").asText()).isEqualTo("Bijlage stroomschema.png vervangen");

        Response unchanged = upload(expert, 3, "stroomschema.png", SampleFiles.OTHER_PNG);
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json().get("unchanged").asBoolean()).isTrue();

        assertThat(expert.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", 3)).status()).isEqualTo(201);
        manager.postJson("/api/v1/agreements/" + id + "/endorsements", Map.of("revision", 3, "decision", "endorse"));
        String endorsedSha = app.db.read(handle -> handle.createQuery(
                "SELECT sha256 FROM endorsement WHERE revision_number = 3").mapTo(String.class).findOne().orElse(null));
        assertThat(endorsedSha).as("what was endorsed covers the file").isEqualTo(replaced);
    }

    @Test
    void filesAreServedAsDownloadsWithTheTypeOfTheirContent() {
        uploaded(expert, 1, "Overdrachtsformulier (v2).PDF", SampleFiles.PDF);
        Response file = expert.get("/api/v1/agreements/" + id + "/revisions/2/attachments/Overdrachtsformulier-v2.pdf");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"Overdrachtsformulier-v2.pdf\"");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.body()).isEqualTo(new String(SampleFiles.PDF, StandardCharsets.US_ASCII));
        assertThat(Files.exists(dir.resolve("attachments").resolve(
                sha256Of(SampleFiles.PDF).substring(0, 2)).resolve(sha256Of(SampleFiles.PDF).substring(2))))
                .as("stored by the hash of its content").isTrue();
    }

    @Test
    void filesOfEachAcceptedKindAreRecognisedByTheirContent() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("verslag.docx", SampleFiles.docx());
        files.put("planning.xlsx", SampleFiles.xlsx());
        files.put("notitie.odt", SampleFiles.odt());
        files.put("tabel.ods", SampleFiles.ods());
        files.put("foto.jpg", SampleFiles.JPEG);
        int base = 1;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            base = uploaded(expert, base, file.getKey(), file.getValue()).json().get("revision").asInt();
        }
        JsonNode list = expert.get("/api/v1/agreements/" + id + "/attachments").json().get("attachments");
        assertThat(list.findValuesAsText("type")).containsExactly("jpeg", "odt", "xlsx", "ods", "docx");
    }

    @Test
    void aPngNamedPdfAnSvgAnHtmlFileAndAnElevenMegabyteFileAreRefusedInDutch() {
        assertRefused(upload(expert, 1, "schema.pdf", SampleFiles.PNG), 400, "De naam schema.pdf past niet bij de inhoud");
        assertRefused(upload(expert, 1, "schema.svg", SampleFiles.SVG), 400, "is geen PDF, DOCX, XLSX, ODT, ODS, PNG of JPEG");
        assertRefused(upload(expert, 1, "schema.png", SampleFiles.SVG), 400, "is geen PDF, DOCX, XLSX, ODT, ODS, PNG of JPEG");
        assertRefused(upload(expert, 1, "pagina.html", SampleFiles.HTML), 400, "is geen PDF");
        assertRefused(upload(expert, 1, "groot.pdf", SampleFiles.pdfOfSize(11 * 1024 * 1024)), 400,
                "Het bestand groot.pdf is te groot: een bijlage mag hoogstens 10 MB zijn.");
        assertRefused(upload(expert, 1, "enorm.pdf", SampleFiles.pdfOfSize(13 * 1024 * 1024)), 413,
                "een bijlage mag hoogstens 10 MB zijn");
        assertThat(expert.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt())
                .as("nothing was written").isEqualTo(1);
    }

    @Test
    void anOversizedUploadWithoutALengthIsCutOffWithoutAServerError() throws Exception {
        String token = app.services.tokens().createToken("marieke", "chunked", nl.afsprakenwiki.access.Author.system("test")).token();
        SampleFiles.Multipart body = SampleFiles.Multipart.of(Map.of("baseRevision", "1"), "file", "enorm.pdf",
                "application/pdf", SampleFiles.pdfOfSize(13 * 1024 * 1024));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(app.baseUrl + "/api/v1/agreements/" + id + "/attachments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                // an input stream of unknown length: sent chunked, without Content-Length
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.body())))
                .build();
        int status;
        try {
            status = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (java.io.IOException e) {
            status = 413; // the server may close the connection while the client is still sending
        }
        assertThat(status).isIn(400, 413);
        assertThat(expert.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotReallyMultipartIsABadRequestNotAServerError() {
        String broken = "--grens\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-zonder einde";
        Response api = expert.send("POST", "/api/v1/agreements/" + id + "/attachments", "multipart/form-data; boundary=grens",
                broken);
        assertThat(api.status()).as(api.body()).isEqualTo(400);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");

        TestApp.Client member = app.signIn("marieke");
        Response page = member.send("POST", "/afspraken/" + id + "/bijlagen", "multipart/form-data; boundary=grens", broken);
        assertThat(page.status()).isEqualTo(400);
    }

    private static void assertRefused(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    @Test
    void anUploadNeedsABaseRevisionAndAFile() {
        SampleFiles.Multipart noBase = SampleFiles.Multipart.of(Map.of(), "file", "a.pdf", "application/pdf", SampleFiles.PDF);
        Response missingBase = expert.sendBytes("POST", "/api/v1/agreements/" + id + "/attachments", noBase.contentType(),
                noBase.body(), Map.of());
        assertThat(missingBase.status()).isEqualTo(400);
        assertThat(missingBase.json().get("detail").asText()).contains("baseRevision");

        SampleFiles.Multipart noFile = SampleFiles.Multipart.of(Map.of("baseRevision", "1"), null, null, null, null);
        Response missingFile = expert.sendBytes("POST", "/api/v1/agreements/" + id + "/attachments", noFile.contentType(),
                noFile.body(), Map.of());
        assertThat(missingFile.status()).isEqualTo(400);
        assertThat(missingFile.json().get("detail").asText()).isEqualTo("Kies een bestand om toe te voegen.");

        Response notMultipart = expert.postJson("/api/v1/agreements/" + id + "/attachments", Map.of("baseRevision", 1));
        assertThat(notMultipart.status()).isEqualTo(415);
    }

    @Test
    void changesOnAnOlderBaseMergeByNameAndTheSameNameChangedOnBothSidesIsAConflict() {
        uploaded(expert, 1, "formulier.pdf", SampleFiles.PDF);
        Response stale = uploaded(expert, 1, "stroomschema.png", SampleFiles.PNG);
        assertThat(stale.json().get("merged").asBoolean()).isTrue();
        assertThat(stale.json().get("attachments").findValuesAsText("name")).containsExactly("formulier.pdf", "stroomschema.png");

        Response conflict = upload(expert, 1, "formulier.pdf", SampleFiles.pdfOfSize(200));
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.json().get("names").get(0).asText()).isEqualTo("formulier.pdf");
        assertThat(conflict.json().get("currentRevision").asInt()).isEqualTo(3);

        Response removed = expert.delete("/api/v1/agreements/" + id + "/attachments/formulier.pdf?baseRevision=3");
        assertThat(removed.status()).as(removed.body()).isEqualTo(201);
        assertThat(removed.json().get("attachments").findValuesAsText("name")).containsExactly("stroomschema.png");
        assertThat(expert.get("/api/v1/agreements/" + id + "/revisions/2/attachments/formulier.pdf").status())
                .as("an earlier revision keeps its file").isEqualTo(200);
    }

    @Test
    void aTextEditKeepsTheFilesAndRestoringARevisionBringsBackItsFiles() {
        uploaded(expert, 1, "formulier.pdf", SampleFiles.PDF);
        Response saved = expert.putJson("/api/v1/agreements/" + id, Map.of("title", "Warme overdracht",
                "body", "Nieuwe tekst.", "baseRevision", 1, "summary", "tekst"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("merged").asBoolean()).as("merged with the file's revision").isTrue();
        JsonNode three = expert.get("/api/v1/agreements/" + id + "/revisions/3").json();
        assertThat(three.get("attachments").findValuesAsText("name")).containsExactly("formulier.pdf");

        Response restored = expert.postJson("/api/v1/agreements/" + id + "/restore", Map.of("revision", 1));
        assertThat(restored.status()).as(restored.body()).isBetween(200, 201);
        JsonNode four = expert.get("/api/v1/agreements/" + id + "/revisions/4").json();
        assertThat(four.get("attachments")).isEmpty();
        assertThat(four.get("sha256").asText()).isEqualTo(sha256(1));
    }

    @Test
    void anAdoptedAgreementStartsWithTheFilesOfTheEndorsedSourceRevision() {
        uploaded(expert, 1, "stroomschema.png", SampleFiles.PNG);
        expert.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", 2));
        manager.postJson("/api/v1/agreements/" + id + "/endorsements", Map.of("revision", 2, "decision", "endorse"));
        String elders = app.koppelzone("Koppelzone Elders", "Elders");
        TestApp.Client adopter = app.bearer(app.member(elders, "olga", Role.PRAKTIJKEXPERT));

        Response adopted = adopter.postJson("/api/v1/agreements/" + id + "/adopt", Map.of("koppelzone", elders));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        long copy = adopted.json().get("id").asLong();

        JsonNode first = adopter.get("/api/v1/agreements/" + copy + "/revisions/1").json();
        assertThat(first.get("attachments").findValuesAsText("name")).containsExactly("stroomschema.png");
        assertThat(first.get("sha256").asText()).as("the same text and files: the same content")
                .isEqualTo(sha256(2));
        assertThat(adopter.get("/api/v1/agreements/" + copy + "/revisions/1/attachments/stroomschema.png").status())
                .isEqualTo(200);
        assertThat(first.get("html").asText()).contains("/afspraken/" + copy + "/revisies/1/bijlagen/stroomschema.png");
    }

    @Test
    void visitorsAndMembersOfOtherKoppelzonesCannotChangeFiles() {
        assertThat(upload(app.newBrowser(), 1, "a.pdf", SampleFiles.PDF).status()).isIn(401, 403);
        app.koppelzone("Koppelzone Elders", "Elders");
        TestApp.Client outsider = app.bearer(app.member("koppelzone-elders", "olga", Role.PRAKTIJKEXPERT));
        assertThat(upload(outsider, 1, "a.pdf", SampleFiles.PDF).status()).isEqualTo(403);
    }

    private static String sha256Of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

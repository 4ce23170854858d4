package nl.afsprakenwiki.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.javalin.http.HandlerType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.web.SecurityHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/openapi.json} by the Dutch API Design Rules: valid OpenAPI (checked by swagger-parser),
 * listing exactly the {@code /api/v1} routes of the route table, and describing real answers: a sample of
 * them is validated against the document's own schemas (JSON Schema 2020-12, with networknt's validator).
 * Every answer of the API carries {@code API-Version}, errors included.
 */
class OpenApiTest {

    private static final String API = SecurityHeaders.API_ROOT;
    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @TempDir
    static Path dir;
    static TestApp app;
    static JsonNode document;
    static String koppelzone;
    static long agreement;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Beschreven", "Beschrijfstad");
        agreement = app.agreement("Koppelzone Beschreven", "Beschrijfstad", "terugbellen", "Terugbellen na aanmelding",
                "bekrachtigd", "# Afspraak\n\nHet wijkteam belt binnen vijf werkdagen terug.\n");
        Response served = app.get(API + "/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        // other sites' tools (a developer portal, an online viewer) may read it from the browser
        assertThat(served.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(served.header("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        document = served.json();
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theDocumentIsValidOpenApi() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toString(), null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(parsed.getOpenAPI().getServers()).singleElement().extracting(server -> server.getUrl()).isEqualTo(API);
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("bearerToken", "session", "csrfToken");
        assertThat(document.at("/info/version").asText()).as("info.version is the API-Version header")
                .isEqualTo(SecurityHeaders.API_VERSION);
        // every operation names its answers, and every error answer is problem+json
        List<String> missing = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().get("responses");
            if (responses == null || responses.isEmpty() || operation.getValue().get("operationId") == null) {
                missing.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertThat(missing).as("operations without responses or operationId").isEmpty();
        document.at("/components/responses").properties().forEach(response -> {
            if (response.getValue().has("content") && response.getValue().get("content").has("application/problem+json")) {
                assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                        .isEqualTo("#/components/schemas/Problem");
            }
        });
    }

    @Test
    void theDocumentListsExactlyTheApiRoutesOfTheRouteTable() {
        Set<String> routes = app.server().unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> METHODS.contains(endpoint.method) && endpoint.path.startsWith(API + "/"))
                .map(endpoint -> endpoint.method.name().toUpperCase(Locale.ROOT) + " " + endpoint.path.substring(API.length()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertThat(routes).as("the route table has %d API routes", routes.size()).hasSizeGreaterThan(40);
        assertThat(new TreeSet<>(routes)).as("routes in the route table but not in openapi.yaml")
                .isSubsetOf(documented);
        assertThat(documented).as("operations in openapi.yaml that the route table does not have").isSubsetOf(routes);
    }

    @Test
    void realAnswersMatchTheSchemasOfTheDocument() {
        TestApp.Client expert = app.bearer(app.member(koppelzone, "expert", Role.PRAKTIJKEXPERT));
        conforms("/agreements", "get", app.get(API + "/agreements"));
        conforms("/agreements/{id}", "get", app.get(API + "/agreements/" + agreement));
        conforms("/agreements/{id}", "get", expert.get(API + "/agreements/" + agreement));
        conforms("/search", "get", app.get(API + "/search?q=terugbellen+wijkteam"));
        conforms("/search", "get", app.get(API + "/search?q=terugbelen&municipality=Beschrijfstad&status=bekrachtigd"));
        conforms("/search/suggest", "get", app.get(API + "/search/suggest?q=terug"));
        conforms("/koppelzones", "get", app.get(API + "/koppelzones"));
        conforms("/koppelzones/{slug}", "get", app.get(API + "/koppelzones/" + koppelzone));
        conforms("/koppelzones/{slug}/chain", "get", app.get(API + "/koppelzones/" + koppelzone + "/chain"));
        conforms("/koppelzones/{slug}/health", "get", expert.get(API + "/koppelzones/" + koppelzone + "/health"));
        conforms("/health", "get", app.get(API + "/health"));
        conforms("/spread", "get", app.get(API + "/spread"));
        conforms("/templates", "get", expert.get(API + "/templates?koppelzone=" + koppelzone));
        assertThat(conforms("/templates", "get", app.get(API + "/templates?koppelzone=bestaat-niet")).status()).isEqualTo(400);
        // errors, with the detail as it is
        Response notFound = app.get(API + "/agreements/987654");
        assertThat(conforms("/agreements/{id}", "get", notFound).status()).isEqualTo(404);
        Response badLimit = app.get(API + "/search?q=x&limit=0");
        assertThat(conforms("/search", "get", badLimit).status()).isEqualTo(400);
        assertThat(badLimit.json().get("detail").asText()).contains("limit");
        Response invalid = expert.postJson(API + "/koppelzones/" + koppelzone + "/agreements",
                Map.of("title", " ", "body", "Tekst.", "parties", List.of("wijkteam-beschrijfstad")));
        assertThat(conforms("/koppelzones/{slug}/agreements", "post", invalid).status()).isEqualTo(400);
        assertThat(invalid.json().at("/errors/title").asText()).isNotBlank();
        // mail preferences: as they are, changed, and a kind that does not exist
        conforms("/me/notifications", "get", expert.get(API + "/me/notifications"));
        assertThat(conforms("/me/notifications", "put", expert.putJson(API + "/me/notifications",
                Map.of("off", false, "kinds", Map.of("review.due", "off")))).status()).isEqualTo(200);
        assertThat(conforms("/me/notifications", "put", expert.putJson(API + "/me/notifications",
                Map.of("kinds", Map.of("nieuwsbrief", "off")))).status()).isEqualTo(400);
        Response unauthorized = app.get(API + "/me");
        assertThat(conforms("/me", "get", unauthorized).status()).isEqualTo(401);
        Response created = expert.postJson(API + "/koppelzones/" + koppelzone + "/agreements",
                Map.of("title", "Nieuw", "body", "Tekst.", "parties", List.of("wijkteam-beschrijfstad")));
        assertThat(conforms("/koppelzones/{slug}/agreements", "post", created).status()).isEqualTo(201);
        // an edit conflict: the conflicting blocks and the merged parts
        String edited = API + "/agreements/" + created.json().get("id").asLong();
        assertThat(conforms("/agreements/{id}", "put", expert.putJson(edited, Map.of("title", "Nieuw", "body", "Tekst A.",
                "baseRevision", 1))).status()).isEqualTo(200);
        Response conflict = conforms("/agreements/{id}", "put", expert.putJson(edited, Map.of("title", "Nieuw",
                "body", "Tekst B.", "baseRevision", 1)));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("conflicts").get(0).get("theirs").asText()).isEqualTo("Tekst A.");
        // a meeting moved, refused, cancelled and then refused as cancelled
        TestApp.Client chair = app.bearer(app.member(koppelzone, "voorzitter", Role.VOORZITTER));
        String date = java.time.LocalDate.now().plusMonths(2).toString();
        long meeting = chair.postJson(API + "/koppelzones/" + koppelzone + "/meetings", Map.of("date", date,
                "startTime", "10:00", "endTime", "11:00")).json().get("id").asLong();
        String path = API + "/meetings/" + meeting;
        Map<String, Object> move = Map.of("date", date, "startTime", "13:00", "endTime", "14:00", "location", "Online");
        assertThat(conforms("/meetings/{meeting}", "put", chair.putJson(path, move)).status()).isEqualTo(200);
        assertThat(conforms("/meetings/{meeting}", "put", chair.putJson(path, Map.of("date", date, "startTime", "13:00",
                "endTime", "12:00"))).status()).isEqualTo(400);
        assertThat(conforms("/meetings/{meeting}/close", "post", chair.postJson(path + "/close", Map.of())).status()).isEqualTo(409);
        assertThat(conforms("/meetings/{meeting}/cancel", "post", chair.postJson(path + "/cancel", Map.of("reason", "")))
                .status()).isEqualTo(400);
        assertThat(conforms("/meetings/{meeting}/cancel", "post", chair.postJson(path + "/cancel", Map.of("reason",
                "Verplaatst naar de regiodag."))).status()).isEqualTo(200);
        assertThat(conforms("/meetings/{meeting}", "put", chair.putJson(path, move)).status()).isEqualTo(409);
        // an organisation's listed numbers and domains (issue 17): changed, and refused with the line named
        app.admin("beschrijver");
        TestApp.Client beheerder = app.bearer("beschrijver");
        String organisation = API + "/organisations/wijkteam-beschrijfstad";
        int version = app.get(organisation + "/agreements").json().get("organisation").get("version").asInt();
        assertThat(conforms("/organisations/{slug}", "put", beheerder.putJson(organisation, Map.of(
                "phoneNumbers", List.of("013 000 41 10"), "emailDomains", List.of("wijkteam.example.nl"),
                "version", version))).status()).isEqualTo(200);
        assertThat(conforms("/organisations/{slug}", "put", beheerder.putJson(organisation, Map.of(
                "emailDomains", List.of("info@wijkteam.nl"), "version", version + 1))).status()).isEqualTo(400);
        // V030: a change based on an older version is refused, naming the current one
        assertThat(conforms("/organisations/{slug}", "put", beheerder.putJson(organisation, Map.of(
                "name", "Wijkteam Ouder", "version", version))).status()).isEqualTo(409);
        assertThat(conforms("/organisations/{slug}", "put", beheerder.putJson(organisation, Map.of(
                "name", "Wijkteam Zonder Versie"))).status()).isEqualTo(400);
    }

    @Test
    void discussionAnswersMatchTheSchemasOfTheDocument() {
        TestApp.Client member = app.bearer(app.member(koppelzone, "discussiant", Role.LEZER));
        String comments = API + "/agreements/" + agreement + "/comments";
        Response posted = member.postJson(comments, Map.of("text", "Vijf werkdagen is krap.", "block", 1));
        assertThat(conforms("/agreements/{id}/comments", "post", posted).status()).isEqualTo(201);
        long id = posted.json().get("id").asLong();
        assertThat(conforms("/agreements/{id}/comments", "post", member.postJson(comments, Map.of("text", "Eens.",
                "replyTo", id))).status()).isEqualTo(201);
        assertThat(conforms("/agreements/{id}/comments", "post", member.postJson(comments, Map.of("text", " ")))
                .status()).isEqualTo(400);
        assertThat(conforms("/agreements/{id}/comments", "get", member.get(comments)).status()).isEqualTo(200);
        assertThat(conforms("/agreements/{id}/comments", "get", app.get(comments)).status()).isEqualTo(401);
        assertThat(conforms("/comments/{comment}", "put", member.putJson(API + "/comments/" + id,
                Map.of("text", "Vijf werkdagen is te krap.")))).extracting(Response::status).isEqualTo(200);
        assertThat(conforms("/comments/{comment}/resolve", "post", member.postJson(API + "/comments/" + id + "/resolve",
                Map.of())).status()).isEqualTo(200);
        assertThat(conforms("/comments/{comment}/reopen", "post", member.postJson(API + "/comments/" + id + "/reopen",
                Map.of())).status()).isEqualTo(200);
        assertThat(conforms("/comments/{comment}/resolve", "post", member.postJson(API + "/comments/987654/resolve",
                Map.of())).status()).isEqualTo(404);
    }

    /** Validates {@code response} against what the document says {@code method path} answers with its status. */
    private static Response conforms(String path, String method, Response response) {
        String status = String.valueOf(response.status());
        JsonNode declared = document.at("/paths/" + pointer(path) + "/" + method + "/responses/" + status);
        assertThat(declared.isMissingNode()).as("%s %s documents status %s", method, path, status).isFalse();
        declared = resolve(declared);
        String contentType = response.header("Content-Type").split(";")[0].strip();
        JsonNode schema = declared.at("/content/" + pointer(contentType) + "/schema");
        assertThat(schema.isMissingNode()).as("%s %s %s documents %s; declared: %s", method, path, status, contentType,
                declared.get("content")).isFalse();
        ObjectNode wrapper = TestApp.JSON.createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.setAll((ObjectNode) schema.deepCopy());
        wrapper.set("components", document.get("components"));
        JsonSchema validator = SCHEMAS.getSchema(wrapper);
        Set<ValidationMessage> errors = validator.validate(response.json());
        assertThat(errors).as("%s %s → %s: %s", method, path, status, response.body()).isEmpty();
        assertThat(response.header("API-Version")).as("API-Version of %s %s", method, path).isEqualTo(SecurityHeaders.API_VERSION);
        return response;
    }

    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    @Test
    void everyApiAnswerCarriesTheApiVersionHeaderErrorsIncluded() {
        Map<String, Response> answers = Map.of(
                "200", app.get(API + "/agreements"),
                "HEAD 200", app.send("HEAD", API + "/health", null, null),
                "404 unknown path", app.get(API + "/bestaat-niet"),
                "404 unknown agreement", app.get(API + "/agreements/424242"),
                "400", app.get(API + "/search?limit=abc"),
                "401", app.get(API + "/me"),
                "415", app.send("POST", API + "/koppelzones", "text/plain", "x"),
                "413", app.send("POST", API + "/koppelzones", "application/json", "x".repeat(600 * 1024)),
                "the document", app.get(API + "/openapi.json"),
                "the web server's own 400 (invalid UTF-8 in the path)", app.get(API + "/agreements/%FF"));
        answers.forEach((what, response) -> assertThat(response.header("API-Version"))
                .as("%s (status %d)", what, response.status()).isEqualTo(SecurityHeaders.API_VERSION));
        assertThat(answers.get("404 unknown path").header("Content-Type")).startsWith("application/problem+json");
        assertThat(answers.get("the web server's own 400 (invalid UTF-8 in the path)").status()).isEqualTo(400);
        // the pages of the wiki are not the API, and the API's answers are for no other site's scripts
        assertThat(answers.get("200").header("Access-Control-Allow-Origin")).isNull();
        assertThat(app.get("/").header("API-Version")).isNull();
        assertThat(app.get("/api").header("API-Version")).isNull();
    }

    @Test
    void theDocumentDescribesWhatDocsApiMdDescribes() {
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(iterable(problem.fieldNames())).contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(document.at("/components/parameters/SearchLimit/schema/maximum").asInt()).isEqualTo(100);
        assertThat(document.at("/components/parameters/SearchOffset/schema/maximum").asInt()).isEqualTo(1000);
        assertThat(document.at("/components/securitySchemes/bearerToken/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/session/name").asText()).isEqualTo("aw_sessie");
        assertThat(document.at("/components/securitySchemes/csrfToken/name").asText()).isEqualTo("X-CSRF-Token");
        assertThat(document.at("/components/headers/ApiVersion").isMissingNode()).isFalse();
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}

package nl.afsprakenwiki.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import nl.afsprakenwiki.web.Assets;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Views;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The description of the JSON API: {@code openapi.yaml} (written by hand, checked against the route
 * table by a test) served as JSON at {@code /api/v1/openapi.json}, and the page {@code /api} that shows
 * it with Swagger UI from its WebJar.
 */
public final class ApiDocs {

    /** Where the document is served. */
    public static final String DOCUMENT = "/api/v1/openapi.json";

    private final Json json;
    private final Views views;
    /** Read and converted when first asked for: start-up need not wait for a YAML parser. */
    private byte[] document;

    public ApiDocs(Json json, Views views) {
        this.json = json;
        this.views = views;
    }

    private synchronized byte[] document() {
        if (document == null) {
            document = read(json);
        }
        return document;
    }

    private static byte[] read(Json json) {
        try (InputStream in = ApiDocs.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the classpath");
            }
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("openapi.yaml cannot be written as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code GET /api/v1/openapi.json}: OpenAPI 3.1, without an account. Readable by scripts of other sites
     * (API Design Rules /core/publish-openapi: tools such as a developer portal fetch it from the browser);
     * it holds nothing but the public description, and no cookie is ever sent with such a read.
     */
    public void document(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*").header("Cross-Origin-Resource-Policy", "cross-origin")
                .contentType("application/json; charset=utf-8").result(document());
    }

    /** The page for people: an introduction and the rendered document. */
    public void page(Context ctx) {
        views.render(ctx, "site/api.jte", new Page(DOCUMENT, Assets.SWAGGER_UI_CSS, Assets.SWAGGER_UI_JS));
    }

    public record Page(String document, String stylesheet, String script) {
    }
}

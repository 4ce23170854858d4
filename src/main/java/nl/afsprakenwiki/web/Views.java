package nl.afsprakenwiki.web;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

import java.util.Map;

/**
 * Renders jte templates (precompiled at build time from {@code web/templates}). Every page template
 * takes two parameters: {@code page} ({@link PageContext}) and {@code view} (its own view record).
 */
public final class Views {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Translations translations;
    private final Csrf csrf;

    public Views(Translations translations, Csrf csrf) {
        this.translations = translations;
        this.csrf = csrf;
    }

    public Texts texts(Context ctx) {
        return translations.forRequest(ctx);
    }

    /** The texts of files written for the record (exports), which are in Dutch whoever asks. */
    public Texts dutch() {
        return translations.dutch();
    }

    public PageContext pageContext(Context ctx) {
        String query = ctx.queryString();
        String path = query == null ? ctx.path() : ctx.path() + "?" + query;
        return new PageContext(texts(ctx), () -> csrf.token(ctx), path, Current.viewer(ctx));
    }

    /**
     * Renders a page and sends it as the response. The page is written straight into UTF-8 bytes
     * (static template text is precompiled to bytes): no page-sized string is built and encoded
     * again, which was a fifth of the agreement page's CPU time.
     */
    public void render(Context ctx, String template, Object view) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, Map.<String, Object>of("page", pageContext(ctx), "view", view), out);
        ctx.contentType("text/html; charset=utf-8").result(out.toByteArray());
    }

    /**
     * A template rendered into the page that includes it, when that page prints it ({@code ${content}}):
     * how a feature fills a slot of another feature's page without that page importing it.
     */
    public Content content(String template, Map<String, Object> parameters) {
        Map<String, Object> copy = Map.copyOf(parameters);
        return output -> engine.render(template, copy, output);
    }

    public String render(String template, PageContext page, Object view) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.<String, Object>of("page", page, "view", view), out);
        return out.toString();
    }
}

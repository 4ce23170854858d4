package nl.afsprakenwiki.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import nl.afsprakenwiki.auth.Csrf;

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

    public PageContext pageContext(Context ctx) {
        String query = ctx.queryString();
        String path = query == null ? ctx.path() : ctx.path() + "?" + query;
        return new PageContext(texts(ctx), () -> csrf.token(ctx), path, Current.viewer(ctx));
    }

    /** Renders a page and sends it as the response. */
    public void render(Context ctx, String template, Object view) {
        ctx.html(render(template, pageContext(ctx), view));
    }

    public String render(String template, PageContext page, Object view) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.<String, Object>of("page", page, "view", view), out);
        return out.toString();
    }
}

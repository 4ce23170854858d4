package nl.afsprakenwiki.site;

import io.javalin.http.Context;
import nl.afsprakenwiki.web.ClasspathFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The site's files: its own under {@code /static} (from web/static), the webjars' scripts and styles
 * under {@code /webjars} (versioned paths: a new version is a new address, so they are kept a year),
 * and what browsers ask for at the root of the site whatever the page says: {@code /favicon.ico}. The
 * icons themselves are in web/static/img (drawn by scripts/Icons.java).
 */
public final class SiteFiles {

    private final byte[] favicon;
    private final ClasspathFiles statics = new ClasspathFiles("static", "public, max-age=3600");
    private final ClasspathFiles webjars = new ClasspathFiles("META-INF/resources/webjars",
            "public, max-age=31536000, immutable");

    public SiteFiles() {
        this.favicon = read("/static/img/favicon.ico");
    }

    /** {@code /static/<path>}. */
    public void staticFile(Context ctx) {
        statics.handle(ctx);
    }

    /** {@code /webjars/<path>}. */
    public void webjar(Context ctx) {
        webjars.handle(ctx);
    }

    public void favicon(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=86400").contentType("image/x-icon").result(favicon);
    }

    private static byte[] read(String name) {
        try (InputStream in = SiteFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

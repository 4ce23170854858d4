package nl.afsprakenwiki.site;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Files browsers ask for at the root of the site whatever the page says: {@code /favicon.ico}. The
 * icons themselves are in web/static/img (drawn by scripts/Icons.java).
 */
public final class SiteFiles {

    private final byte[] favicon;

    public SiteFiles() {
        this.favicon = read("/static/img/favicon.ico");
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

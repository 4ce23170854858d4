package nl.afsprakenwiki.site;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.web.Csrf;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Translations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whole pages kept for visitors who are not signed in: every such visitor is shown the same page
 * of a path, in their language, so the page is rendered once and then sent as it is until a commit
 * changes what it was read from.
 *
 * <p>A kept page is a {@link ReadCache} value: it records the tables (and agreements) its rendering
 * read, and a commit that touched any of it ends it, so a kept page is never older than the last
 * commit. What a page shows that does not come from the database is part of its key
 * ({@code conditions}: the day, on which "onderhoud nodig" depends, and the state of the public
 * search index, from which "vergelijkbare afspraken" come).
 *
 * <p>A page is kept per scheme and host asked for, as well as per path and language: a feed's links
 * are absolute, and without a configured base URL they use the host of the request.
 *
 * <p>Only what all visitors would be sent alike is kept: a GET without a query string (notices and
 * choices live in the query) and without htmx, from a visitor who is not signed in; answered with
 * 200, without a cookie and without a CSRF token (a token belongs to one browser). Anything else is
 * rendered for its request as before. The headers the handler set are kept with the page.
 */
public final class PageCache {

    /** Pages kept: an agreement page is 12-14 KB, the home page of the national data set 220 KB. */
    private static final int PAGES = 2_000;
    /** At most this many bytes of pages are kept, the least recently sent dropped first. */
    private static final long BYTES = 32L * 1024 * 1024;

    /** {@code origin}: the scheme and host asked for, which a page's absolute links use (the feeds). */
    private record Key(String origin, String path, String language, Object conditions) {
    }

    /** A page as sent: its body and the headers its handler set. Equal by content (the cache's check compares them). */
    record Page(byte[] body, List<Map.Entry<String, String>> headers) {

        /** Marks a path whose answer is not the same for every visitor: it is rendered for each request. */
        static final Page PERSONAL = new Page(new byte[0], List.of());

        @Override
        public boolean equals(Object other) {
            return other instanceof Page page && Arrays.equals(body, page.body) && headers.equals(page.headers);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(body) + headers.hashCode();
        }

        @Override
        public String toString() {
            return this == PERSONAL ? "Page[personal]" : "Page[" + body.length + " bytes, " + headers + "]";
        }
    }

    /** A handler's checked exception, carried through the cache's loader and thrown again as it was. */
    private static final class Thrown extends RuntimeException {
        Thrown(Exception cause) {
            super(cause);
        }
    }

    private final ReadCache<Key, Page> pages;
    private final Translations translations;
    private final Supplier<Object> conditions;

    /**
     * {@code conditions}: everything besides the database that the kept pages may show, as a value
     * that changes when any of it does.
     */
    public PageCache(Database db, Translations translations, Supplier<Object> conditions) {
        this.pages = ReadCache.weighed(db, PAGES, page -> page.body().length, BYTES);
        this.translations = translations;
        this.conditions = conditions;
    }

    /** {@code handler}, its page kept for visitors who are not signed in. */
    public Handler forVisitors(Handler handler) {
        return ctx -> {
            if (!shared(ctx)) {
                handler.handle(ctx);
                return;
            }
            Key key = new Key(ctx.scheme() + "://" + ctx.host(), ctx.path(), translations.forRequest(ctx).language(),
                    conditions.get());
            boolean[] rendered = {false};
            Page page;
            try {
                page = pages.get(key, () -> {
                    rendered[0] = true;
                    return render(handler, ctx);
                });
            } catch (Thrown thrown) {
                throw (Exception) thrown.getCause();
            }
            if (rendered[0]) {
                return; // this request's own rendering is its answer already
            }
            if (page == Page.PERSONAL) {
                handler.handle(ctx);
                return;
            }
            send(page, ctx);
        };
    }

    /** Whether every visitor would be sent the same answer to this request. */
    private static boolean shared(Context ctx) {
        return ctx.method() == HandlerType.GET && ctx.queryString() == null && ctx.header("HX-Request") == null
                && !Current.viewer(ctx).authenticated() && !Csrf.issued(ctx);
    }

    /** Runs the handler on this request and returns what it answered, if that may be sent to everyone. */
    private static Page render(Handler handler, Context ctx) {
        Map<String, List<String>> before = headers(ctx);
        try {
            handler.handle(ctx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Thrown(e);
        }
        InputStream result = ctx.resultInputStream();
        if (ctx.statusCode() != 200 || result == null || Csrf.issued(ctx) || ctx.res().containsHeader("Set-Cookie")) {
            return Page.PERSONAL;
        }
        byte[] body;
        try {
            body = result.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.result(body);
        // what the handler set or changed (Javalin sets a default Content-Type before it runs)
        List<Map.Entry<String, String>> set = new ArrayList<>();
        headers(ctx).forEach((name, values) -> {
            if (!values.equals(before.get(name))) {
                values.forEach(value -> set.add(Map.entry(name, value)));
            }
        });
        return new Page(body, List.copyOf(set));
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : ctx.res().getHeaderNames()) {
            headers.put(name, List.copyOf(ctx.res().getHeaders(name)));
        }
        return headers;
    }

    private static void send(Page page, Context ctx) {
        ctx.status(200);
        for (Map.Entry<String, String> header : page.headers()) {
            ctx.res().setHeader(header.getKey(), null);
        }
        for (Map.Entry<String, String> header : page.headers()) {
            ctx.res().addHeader(header.getKey(), header.getValue());
        }
        ctx.result(page.body());
    }
}

package nl.afsprakenwiki.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many page and API reads the server works on at once; the rest wait their turn, in order of
 * arrival, without holding a thread. With every request at work at once, 64 concurrent visitors on
 * two cores meant 64 threads taking turns on the cores, each holding what it had taken (a database
 * connection, the markdown parser's shared lock, a place in the search queue) while it waited for a
 * core: the slowest requests took 1.3-1.5 s and some ran into clients' time-outs. Working on a few
 * at a time, each finishes in one go; under the load mix at 64 connections p99 fell to 0.43-0.44 s
 * with no time-outs, at the same or higher throughput (docs/BENCHMARKS.md).
 *
 * <p>Only GET and HEAD are limited, and not the routes the site declares unqueued: the files a page
 * loads (styles, scripts, icons), the attachments (a large file to a slow client would hold its
 * place for the whole download) and the health check (a load balancer must see an instance that is
 * busy as alive). Writes go through the database's one writer anyway. A request that has waited
 * {@link #MOST_WAIT} is answered 503 with {@code Retry-After}, as the wiki answers when its database
 * cannot be reached.
 */
public final class ActiveRequests {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}|<[^>/]+>");

    /** Longest a request waits for its turn before it is answered 503 (Service Unavailable). */
    public static final Duration MOST_WAIT = Duration.ofSeconds(20);

    private ActiveRequests() {
    }

    /** Eight per core, and at least 16: enough to keep the cores busy while some requests wait on the disk. */
    public static int defaultLimit() {
        return Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
    }

    /** The methods whose requests wait their turn: reads. Writes go through the database's one writer anyway. */
    private static final String[] QUEUED_METHODS = {"GET", "HEAD"};

    /** When to ask again after a 503 for having waited too long (seconds). */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * The handler that lets {@code limit} requests be worked on at once, except those whose path
     * matches one of the route paths {@code unqueued} (Javalin's syntax: {@code {name}} one segment,
     * {@code <name>} the rest of the path); insert it before the sessions.
     */
    public static QoSHandler handler(int limit, Collection<String> unqueued) {
        return handler(limit, unqueued, MOST_WAIT);
    }

    static QoSHandler handler(int limit, Collection<String> unqueued, Duration mostWait) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one request at a time, not " + limit);
        }
        QoSHandler handler = new QoSHandler() {
            @Override
            protected void expireSuspended(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
                super.expireSuspended(request, response, callback);
            }

            @Override
            protected void reject(Request request, Response response, Callback callback, int status) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
                super.reject(request, response, callback, status);
            }
        };
        handler.setMaxRequestCount(limit);
        handler.setMaxSuspend(mostWait);
        handler.includeMethod(QUEUED_METHODS);
        handler.excludePath(unqueued.stream().map(ActiveRequests::pattern).toArray(String[]::new));
        return handler;
    }

    /** The route paths {@code unqueued} as the patterns {@link #queued} takes. */
    static Pattern[] patterns(Collection<String> unqueued) {
        return unqueued.stream().map(path -> Pattern.compile(pattern(path))).toArray(Pattern[]::new);
    }

    /**
     * Whether a request waits its turn here: the same rule as the handler's, for what else orders
     * reads ({@link WorkTurns}).
     */
    static boolean queued(String method, String path, Pattern[] unqueued) {
        if (!Arrays.asList(QUEUED_METHODS).contains(method)) {
            return false;
        }
        for (Pattern pattern : unqueued) {
            if (pattern.matcher(path).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A route path as the regular expression Jetty matches request paths with: {@code {name}} one
     * segment, {@code <name>} one or more characters, slashes included, everything else literally.
     */
    static String pattern(String routePath) {
        StringBuilder regex = new StringBuilder("^");
        Matcher parameters = PARAMETER.matcher(routePath);
        int at = 0;
        while (parameters.find()) {
            regex.append(Pattern.quote(routePath.substring(at, parameters.start())));
            regex.append(parameters.group().startsWith("{") ? "[^/]+" : ".+");
            at = parameters.end();
        }
        return regex.append(Pattern.quote(routePath.substring(at))).append('$').toString();
    }
}

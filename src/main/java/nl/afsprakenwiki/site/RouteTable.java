package nl.afsprakenwiki.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes as data: method, path, handler and the one {@link Rule} each requires. Written with
 * {@link #path} groups per resource in {@link Routes}; registered with Javalin in one go, and walked
 * by the tests that send every route bad input. Every GET route also answers HEAD, with the same
 * rule and no body.
 */
public final class RouteTable {

    /**
     * One route. {@code path} is complete, e.g. {@code /afspraken/{id}/geschiedenis}. {@code unqueued}: a
     * read that does not wait its turn among the reads at work (see {@link #getUnqueued}).
     */
    public record Route(HandlerType method, String path, Handler handler, Rule rule, boolean unqueued) {
    }

    private final List<Route> routes = new ArrayList<>();
    private String prefix = "";

    /** Routes declared inside {@code group} start with {@code segment} (after the enclosing groups' segments). */
    public void path(String segment, Runnable group) {
        String outer = prefix;
        prefix = outer + segment;
        try {
            group.run();
        } finally {
            prefix = outer;
        }
    }

    public void get(String path, Handler handler, Rule rule) {
        add(HandlerType.GET, path, handler, rule, false);
    }

    /**
     * A GET route that does not wait its turn among the reads at work (web/ActiveRequests): a file or
     * download, whose transfer to a slow client would hold a turn for as long as it lasts, or the
     * health check, which a load balancer must see answered while the instance is busy.
     */
    public void getUnqueued(String path, Handler handler, Rule rule) {
        add(HandlerType.GET, path, handler, rule, true);
    }

    public void post(String path, Handler handler, Rule rule) {
        add(HandlerType.POST, path, handler, rule, false);
    }

    public void put(String path, Handler handler, Rule rule) {
        add(HandlerType.PUT, path, handler, rule, false);
    }

    public void patch(String path, Handler handler, Rule rule) {
        add(HandlerType.PATCH, path, handler, rule, false);
    }

    public void delete(String path, Handler handler, Rule rule) {
        add(HandlerType.DELETE, path, handler, rule, false);
    }

    private void add(HandlerType method, String path, Handler handler, Rule rule, boolean unqueued) {
        String full = prefix + path;
        if (full.isEmpty()) {
            full = "/";
        }
        String key = full;
        if (routes.stream().anyMatch(route -> route.method().equals(method) && route.path().equals(key))) {
            throw new IllegalStateException("route declared twice: " + method + " " + full);
        }
        routes.add(new Route(method, full, handler, rule, unqueued));
    }

    /** Every route in the order declared. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The paths of the routes declared with {@link #getUnqueued}, as declared ({@code {id}}, {@code <path>}). */
    public List<String> unqueuedPaths() {
        return routes.stream().filter(Route::unqueued).map(Route::path).toList();
    }

    /** Registers every route, and HEAD beside every GET. */
    public void register(RoutesConfig config) {
        for (Route route : routes) {
            config.addHttpHandler(route.method(), route.path(), route.handler(), route.rule());
            if (route.method().equals(HandlerType.GET)) {
                config.addHttpHandler(HandlerType.HEAD, route.path(), route.handler(), route.rule());
            }
        }
    }
}

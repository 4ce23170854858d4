package nl.afsprakenwiki.auth;

import io.javalin.http.Context;
import org.pac4j.core.context.FrameworkParameters;
import org.pac4j.jee.context.JEEContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * pac4j's view of a Javalin request. Parameters are read through Javalin: the servlet's own
 * getParameter would consume the body and leave Javalin's form parameters empty (STACK.md §13.7).
 */
final class JavalinWebContext extends JEEContext {

    private final Context context;

    JavalinWebContext(Context context) {
        super(context.req(), context.res());
        this.context = context;
    }

    Context context() {
        return context;
    }

    @Override
    public Optional<String> getRequestParameter(String name) {
        return Optional.ofNullable(context.formParam(name)).or(() -> Optional.ofNullable(context.queryParam(name)));
    }

    @Override
    public Map<String, String[]> getRequestParameters() {
        Map<String, List<String>> all = new HashMap<>(context.formParamMap());
        context.queryParamMap().forEach((key, values) -> all.merge(key, values,
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        return all.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toArray(new String[0])));
    }

    @Override
    public String getRemoteAddr() {
        return context.ip();
    }

    /** The framework parameters pac4j passes around: just the Javalin context. */
    record Parameters(Context context) implements FrameworkParameters {
    }
}

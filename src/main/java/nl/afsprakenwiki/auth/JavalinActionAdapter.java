package nl.afsprakenwiki.auth;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.core.exception.http.WithContentAction;
import org.pac4j.core.exception.http.WithLocationAction;
import org.pac4j.core.http.adapter.HttpActionAdapter;

/**
 * Turns pac4j's outcomes into Javalin responses: redirects, contents, or Javalin's HTTP exceptions
 * (so that errors go through the application's one error handler rather than the servlet's).
 */
final class JavalinActionAdapter implements HttpActionAdapter {

    @Override
    public Object adapt(HttpAction action, WebContext webContext) {
        var ctx = ((JavalinWebContext) webContext).context();
        int code = action.getCode();
        if (code == 401) {
            throw new UnauthorizedResponse();
        }
        if (code == 403) {
            throw new ForbiddenResponse();
        }
        if (code == 400) {
            throw new BadRequestResponse();
        }
        if (action instanceof WithLocationAction location) {
            ctx.redirect(location.getLocation(), HttpStatus.forStatus(code));
        } else if (action instanceof WithContentAction content) {
            ctx.status(code).html(content.getContent());
        } else {
            ctx.status(code);
        }
        return null;
    }
}

package nl.afsprakenwiki.web;

import io.javalin.http.Context;

/**
 * Where the wiki is reached from outside, for links that leave the site (feeds, calendar invitations):
 * the configured base URL ({@code AFSPRAKENWIKI_BASE_URL}), else what the request itself used.
 */
public record PublicAddress(String configured) {

    public String of(Context ctx) {
        String base = configured == null ? "" : configured.strip();
        if (!base.isEmpty()) {
            return base.replaceAll("/+$", "");
        }
        return ctx.scheme() + "://" + ctx.host();
    }
}

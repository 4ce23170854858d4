package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * The permission a route requires, declared for every route in {@link Routes}. A route without
 * one is refused, so forgetting to declare a rule fails closed.
 *
 * <p>Until accounts exist, everyone may read and everyone may edit after stating a name; the
 * accounts issue replaces {@link #permits} with the role matrix of docs/PERMISSIONS.md.
 */
public enum Access implements RouteRole {
    /** Anyone, including anonymous visitors. */
    ANYONE,
    /** Someone who may edit agreements. */
    EDITOR;

    static void check(Context ctx) {
        if (ctx.routeRoles().isEmpty()) {
            throw new IllegalStateException("route " + ctx.method() + " " + ctx.path() + " declares no access rule");
        }
    }
}

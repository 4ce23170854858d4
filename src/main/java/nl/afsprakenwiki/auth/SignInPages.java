package nl.afsprakenwiki.auth;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Views;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The login page, the sign-in end points, signing out, and the one-time setup of the first beheerder. */
public final class SignInPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));

    private final SignIn signIn;
    private final LoginThrottle throttle;
    private final AccountService accounts;
    private final FirstStart firstStart;
    private final Views views;

    public SignInPages(SignIn signIn, LoginThrottle throttle, AccountService accounts, FirstStart firstStart, Views views) {
        this.signIn = signIn;
        this.throttle = throttle;
        this.accounts = accounts;
        this.firstStart = firstStart;
        this.views = views;
    }

    /** The login page's content. */
    public record LoginView(String username, String error, String destination, boolean sso, String ssoLabel,
                            String notice) {
    }

    /** The first-beheerder form. */
    public record SetupView(String token, Map<String, String> values, Map<String, String> errors) {
    }

    public void loginPage(Context ctx) {
        if (Current.viewer(ctx).authenticated()) {
            ctx.redirect(local(ctx.queryParam("terug")).orElse("/"));
            return;
        }
        Texts t = views.texts(ctx);
        String error = null;
        if (ctx.queryParam("error") != null) {
            error = t.get("login.error.credentials");
        } else if ("sso".equals(ctx.queryParam("fout"))) {
            error = t.get("login.error.sso");
        } else if ("sso-mislukt".equals(ctx.queryParam("fout"))) {
            error = t.get("login.error.ssoFailed");
        }
        String notice = "account".equals(ctx.queryParam("melding")) ? t.get("login.notice.account") : null;
        views.render(ctx, "auth/login.jte", new LoginView(ctx.queryParamAsClass("username", String.class).getOrDefault(""),
                error, local(ctx.queryParam("terug")).orElse(""), signIn.ssoEnabled(), signIn.ssoLabel(), notice));
    }

    /** Both sign-in methods return here. A form login is refused (429) while the account or address is throttled. */
    public void callback(Context ctx) {
        if (SignIn.FORM_CLIENT.equals(ctx.queryParam("client_name")) && "POST".equals(ctx.method().name())) {
            String username = ctx.formParam("username");
            Optional<Instant> blocked = throttle.blockedUntil(username, ctx.ip());
            if (blocked.isPresent()) {
                Texts t = views.texts(ctx);
                long seconds = throttle.remaining(blocked.get()).toSeconds();
                ctx.status(429).header("Retry-After", String.valueOf(seconds));
                views.render(ctx, "auth/login.jte", new LoginView(username == null ? "" : username,
                        t.get("login.error.throttled", TIME.format(blocked.get())), local(ctx.formParam("terug")).orElse(""),
                        signIn.ssoEnabled(), signIn.ssoLabel(), null));
                return;
            }
            signIn.rememberDestination(ctx, ctx.formParam("terug"));
        }
        signIn.callback(ctx);
    }

    public void startSso(Context ctx) {
        if (!signIn.ssoEnabled()) {
            throw new NotFound("sso");
        }
        signIn.rememberDestination(ctx, ctx.queryParam("terug"));
        signIn.startSso(ctx);
    }

    public void logout(Context ctx) {
        signIn.logout(ctx, Current.viewer(ctx));
    }

    public void setupPage(Context ctx) {
        requireSetup(ctx);
        views.render(ctx, "auth/setup.jte", new SetupView(ctx.pathParam("token"), Map.of(), Map.of()));
    }

    public void setup(Context ctx) {
        requireSetup(ctx);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : new String[] {"username", "displayName", "email"}) {
            values.put(field, Optional.ofNullable(ctx.formParam(field)).orElse(""));
        }
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Map<String, String> errors = new LinkedHashMap<>();
        Texts t = views.texts(ctx);
        if (!password.equals(ctx.formParam("passwordAgain"))) {
            errors.put("passwordAgain", t.get("error.account.passwordsDiffer"));
        }
        try {
            if (errors.isEmpty() && firstStart.use()) {
                if (firstStart.createBeheerder(accounts, new AccountService.NewAccount(values.get("username"), values.get("displayName"),
                        values.get("email"), null, true, password), Author.system("setup")).isEmpty()) {
                    throw new NotFound("setup");
                }
                ctx.redirect("/login?melding=account&username="
                        + URLEncoder.encode(AccountService.normalise(values.get("username")), StandardCharsets.UTF_8));
                return;
            }
        } catch (InvalidInput e) {
            firstStartFailed();
            e.errors().forEach(error -> errors.merge(error.field(), t.message(error), (a, b) -> a + " " + b));
        }
        ctx.status(422);
        views.render(ctx, "auth/setup.jte", new SetupView(ctx.pathParam("token"), values, errors));
    }

    /** The link stays usable when the first attempt had errors. */
    private void firstStartFailed() {
        firstStart.release();
    }

    private void requireSetup(Context ctx) {
        if (!firstStart.matches(ctx.pathParam("token")) || !accounts.noAccounts()) {
            throw new NotFound("setup");
        }
    }

    private static Optional<String> local(String destination) {
        return Optional.ofNullable(destination)
                .filter(d -> d.startsWith("/") && !d.startsWith("//") && !d.contains("\\") && !d.startsWith("/login"));
    }
}

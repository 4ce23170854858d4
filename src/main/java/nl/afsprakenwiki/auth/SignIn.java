package nl.afsprakenwiki.auth;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.SsoAccounts;
import nl.afsprakenwiki.audit.AuditLog;
import org.pac4j.core.adapter.FrameworkAdapter;
import org.pac4j.core.client.Client;
import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.credentials.UsernamePasswordCredentials;
import org.pac4j.core.engine.DefaultCallbackLogic;
import org.pac4j.core.engine.DefaultLogoutLogic;
import org.pac4j.core.exception.CredentialsException;
import org.pac4j.core.exception.TechnicalException;
import org.pac4j.core.http.url.DefaultUrlResolver;
import org.pac4j.core.profile.CommonProfile;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.core.util.Pac4jConstants;
import org.pac4j.http.client.indirect.FormClient;
import org.pac4j.jee.context.session.JEESessionStoreFactory;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out, through pac4j: a login form checked against the accounts in the database,
 * and optionally OpenID Connect single sign-on. pac4j keeps the signed-in profile (just the username)
 * in the server-side session; everything else about the person is read from the database on each
 * request, so disabling an account takes effect at once.
 */
public final class SignIn {

    static final String FORM_CLIENT = "FormClient";
    static final String OIDC_CLIENT = "OidcClient";
    private static final String REFUSED = "aw.sso.refused";
    private static final String SSO_FAILED = "/login?fout=sso-mislukt";
    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);

    private final AccountService accounts;
    private final SsoAccounts ssoAccounts;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Config config;
    private final SessionStore sessionStore = JEESessionStoreFactory.INSTANCE.newSessionStore(null);
    private final Optional<OidcSettings> oidc;

    public SignIn(String baseUrl, Optional<OidcSettings> oidc, AccountService accounts, SsoAccounts ssoAccounts,
                  LoginThrottle throttle, AuditLog audit) {
        this.accounts = accounts;
        this.ssoAccounts = ssoAccounts;
        this.throttle = throttle;
        this.audit = audit;
        this.oidc = oidc;
        List<Client> clients = new ArrayList<>();
        clients.add(new FormClient("/login", this::checkPassword));
        oidc.ifPresent(sso -> clients.add(oidcClient(sso)));
        Clients all = new Clients(baseUrl + "/callback", clients);
        all.setUrlResolver(new DefaultUrlResolver(true));
        this.config = new Config(all);
        config.setWebContextFactory(parameters -> new JavalinWebContext(((JavalinWebContext.Parameters) parameters).context()));
        config.setSessionStoreFactory(JEESessionStoreFactory.INSTANCE);
        config.setHttpActionAdapter(new JavalinActionAdapter());
        config.setCallbackLogic(new DefaultCallbackLogic());
        config.setLogoutLogic(new DefaultLogoutLogic());
        // the rest (profile manager factory, matchers, authorizers) from pac4j's Jakarta EE defaults
        FrameworkAdapter.INSTANCE.applyDefaultSettingsIfUndefined(config);
    }

    public boolean ssoEnabled() {
        return oidc.isPresent();
    }

    public String ssoLabel() {
        return oidc.map(OidcSettings::label).orElse("");
    }

    /** The username pac4j keeps for this session, if someone signed in. Never creates a session. */
    public Optional<String> signedIn(Context ctx) {
        if (ctx.req().getSession(false) == null) {
            return Optional.empty();
        }
        return new ProfileManager(new JavalinWebContext(ctx), sessionStore).getProfile().map(UserProfile::getId);
    }

    /** Ends the session of someone who may no longer be signed in (account disabled or removed). */
    public void forget(Context ctx) {
        var session = ctx.req().getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Where to go after signing in; only paths on this site are accepted. */
    public void rememberDestination(Context ctx, String destination) {
        if (destination != null && destination.startsWith("/") && !destination.startsWith("//") && !destination.contains("\\")) {
            ctx.req().getSession(true).setAttribute(Pac4jConstants.REQUESTED_URL, destination);
        }
    }

    /** The end point both sign-in methods return to; pac4j renews the session id on success. */
    public void callback(Context ctx) {
        String clientName = ctx.queryParam("client_name");
        // pac4j refuses a blank name with an exception of its own; it is a bad request like an unknown one
        if (clientName == null || clientName.isBlank() || config.getClients().findClient(clientName).isEmpty()) {
            throw new BadRequestResponse();
        }
        boolean sso = OIDC_CLIENT.equalsIgnoreCase(clientName);
        try {
            config.getCallbackLogic().perform(config, "/", true, null, new JavalinWebContext.Parameters(ctx));
        } catch (TechnicalException e) {
            if (!sso) {
                throw e;
            }
            // no pac4j state in this session (expired, another browser) or a code used twice (back button)
            LOG.warn("single sign-on callback failed from {}: {}", ctx.ip(), e.getMessage());
            ctx.redirect(SSO_FAILED);
            return;
        }
        if (ctx.attribute(REFUSED) != null) {
            ctx.redirect("/login?fout=sso");
        } else if (sso && ctx.queryParam("error") != null) {
            // the identity provider answered with an error (the person cancelled, or was refused there)
            ctx.redirect(SSO_FAILED);
        }
    }

    /** Sends the browser to the identity provider. */
    public void startSso(Context ctx) {
        OidcClient client = config.getClients().findClient(OIDC_CLIENT).map(OidcClient.class::cast).orElseThrow();
        var webContext = new JavalinWebContext(ctx);
        var action = client.getRedirectionAction(new CallContext(webContext, sessionStore)).orElseThrow();
        config.getHttpActionAdapter().adapt(action, webContext);
    }

    /** Signs out: the profile is removed and the session destroyed. */
    public void logout(Context ctx, Viewer viewer) {
        if (viewer.authenticated()) {
            audit.recordNow(viewer.author(), "logout", "account:" + viewer.username(), Map.of());
        }
        config.getLogoutLogic().perform(config, "/?melding=uitgelogd", null, true, true, false,
                new JavalinWebContext.Parameters(ctx));
    }

    /** The FormClient's authenticator: the password is checked against the database, failures are counted. */
    private Optional<Credentials> checkPassword(CallContext callContext, Credentials credentials) {
        var login = (UsernamePasswordCredentials) credentials;
        Context ctx = ((JavalinWebContext) callContext.webContext()).context();
        String username = AccountService.normalise(login.getUsername());
        Optional<Account> account = accounts.verifyPassword(username, login.getPassword());
        if (account.isEmpty()) {
            throttle.failed(username, ctx.ip());
            audit.recordNow(Author.system(username), "login.failed", "account:" + username, Map.of("address", ctx.ip()));
            throw new CredentialsException("wrong username or password");
        }
        throttle.succeeded(username);
        accounts.recordLogin(account.get(), "wachtwoord", ctx.ip());
        login.setUserProfile(profile(account.get()));
        return Optional.of(login);
    }

    private OidcClient oidcClient(OidcSettings sso) {
        OidcConfiguration configuration = new OidcConfiguration();
        configuration.setClientId(sso.clientId());
        configuration.setSecret(sso.clientSecret());
        configuration.setDiscoveryURI(sso.discoveryUrl());
        configuration.setScope(sso.scopes());
        OidcClient client = new OidcClient(configuration);
        client.setName(OIDC_CLIENT);
        // The identity provider's profile is exchanged for the account it belongs to; pac4j keeps only that.
        client.addAuthorizationGenerator((callContext, profile) -> {
            Context ctx = ((JavalinWebContext) callContext.webContext()).context();
            Optional<Account> account = ssoAccounts.resolveSso(profile.getId(), claim(profile, sso.usernameClaim()),
                    claim(profile, sso.emailClaim()), claim(profile, "name"));
            if (account.isEmpty()) {
                ctx.attribute(REFUSED, true);
                audit.recordNow(Author.system("sso:" + profile.getId()), "login.failed", "sso:" + profile.getId(),
                        Map.of("address", ctx.ip(), "reason", "no account"));
                return Optional.empty();
            }
            accounts.recordLogin(account.get(), "sso", ctx.ip());
            return Optional.of(profile(account.get()));
        });
        return client;
    }

    private static String claim(UserProfile profile, String name) {
        Object value = profile.getAttribute(name);
        return value == null ? null : value.toString();
    }

    private static UserProfile profile(Account account) {
        CommonProfile profile = new CommonProfile();
        profile.setId(account.username());
        return profile;
    }
}

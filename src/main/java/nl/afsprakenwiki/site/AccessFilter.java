package nl.afsprakenwiki.site;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.security.RouteRole;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.auth.Authentication;
import nl.afsprakenwiki.discussion.Comment;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.leaks.Leak;
import nl.afsprakenwiki.leaks.Leaks;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.meetings.Current;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.web.Csrf;
import nl.afsprakenwiki.web.RequestParts;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place where permissions are enforced. For every matched route it establishes the viewer,
 * finds the koppelzone the route concerns, checks the route's {@link Rule} against the matrix and
 * checks the CSRF token of state-changing requests.
 *
 * <ul>
 *   <li>A draft (or any agreement) the viewer may not read answers 404, so its existence is not revealed.</li>
 *   <li>Anonymous visitors who need to sign in get a redirect to the login page, or 401 from the API.</li>
 *   <li>Signed-in accounts without the permission get 403.</li>
 *   <li>CSRF: every form, and API writes made with a login session; API writes with a bearer token need none,
 *   nor does the one-click unsubscribe ({@code POST /afmelden/{token}}, rule PUBLIC): its signed token
 *   is the authority, it changes only the preference the token names, and a mail client that posts it
 *   (RFC 8058) has no cookie.</li>
 * </ul>
 */
public final class AccessFilter {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The one form authorised by a signed token in its path instead of a session. */
    private static final String UNSUBSCRIBE = "/afmelden/";

    private final Authentication authentication;
    private final Csrf csrf;
    private final KoppelzoneService koppelzones;
    private final AgreementService agreements;
    private final Function<Long, Optional<Meeting>> meetings;
    private final Function<Long, Optional<Comment>> comments;
    private final Function<Long, Optional<Leak>> leaks;

    public AccessFilter(Authentication authentication, Csrf csrf, KoppelzoneService koppelzones, AgreementService agreements,
                        Function<Long, Optional<Meeting>> meetings, Function<Long, Optional<Comment>> comments,
                        Function<Long, Optional<Leak>> leaks) {
        this.leaks = leaks;
        this.meetings = meetings;
        this.comments = comments;
        this.authentication = authentication;
        this.csrf = csrf;
        this.koppelzones = koppelzones;
        this.agreements = agreements;
    }

    /** Thrown for an anonymous visitor on a page that needs an account; answered with a redirect to the login page. */
    public static final class LoginRequired extends RuntimeException {
        public LoginRequired() {
            super("login required");
        }
    }

    void check(Context ctx) {
        Rule rule = rule(ctx);
        Viewer viewer = authentication.resolve(ctx);
        Current.VIEWER.set(ctx, viewer);
        Long koppelzoneId = koppelzoneOf(ctx, rule, viewer);
        if (!viewer.can(rule.permission(), koppelzoneId)) {
            if (!viewer.authenticated()) {
                if (ErrorHandling.isApi(ctx)) {
                    throw new Authentication.Unauthenticated("sign in or send an API token");
                }
                throw new LoginRequired();
            }
            throw new ForbiddenResponse("permission");
        }
        boolean tokenAuthorised = (ErrorHandling.isApi(ctx) && viewer.via() == Viewer.Via.TOKEN)
                || (rule == Rule.PUBLIC && ctx.path().startsWith(UNSUBSCRIBE));
        if (UNSAFE.contains(ctx.method().name()) && !tokenAuthorised) {
            csrf.check(ctx);
        }
    }

    private static Rule rule(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.size() != 1 || !(roles.iterator().next() instanceof Rule rule)) {
            throw new IllegalStateException("route " + ctx.method() + " " + ctx.path() + " declares no single access rule");
        }
        return rule;
    }

    /**
     * Finds the subject the route concerns, keeps it for the handler ({@code Current.koppelzone},
     * {@code Current.agreement}, {@code Current.meeting}, {@code Current.comment}) and returns its koppelzone. A missing
     * subject, or one the viewer may not read, is "not found".
     */
    private Long koppelzoneOf(Context ctx, Rule rule, Viewer viewer) {
        return switch (rule.scope()) {
            case NONE -> null;
            case KOPPELZONE -> {
                Koppelzone koppelzone = koppelzones.bySlug(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("koppelzone"));
                Current.KOPPELZONE.set(ctx, koppelzone);
                yield koppelzone.id();
            }
            case AGREEMENT -> {
                // the viewer's own view: a draft only for members, a visitor gets the published state
                Agreement agreement = RequestParts.optionalId(ctx, "id").flatMap(id -> agreements.find(id, viewer))
                        .orElseThrow(() -> new NotFound("agreement"));
                Current.AGREEMENT.set(ctx, agreement);
                Current.KOPPELZONE.set(ctx, agreement.koppelzone());
                yield agreement.koppelzone().id();
            }
            case MEETING -> {
                // a meeting exists only for the members of its koppelzone
                Meeting meeting = RequestParts.optionalId(ctx, "meeting").flatMap(meetings)
                        .filter(found -> viewer.can(Permission.READ_DRAFTS, found.koppelzone().id()))
                        .orElseThrow(() -> new NotFound("meeting"));
                Current.MEETING.set(ctx, meeting);
                Current.KOPPELZONE.set(ctx, meeting.koppelzone());
                yield meeting.koppelzone().id();
            }
            case COMMENT -> {
                // a comment exists only for those who may read its agreement's discussion: the members
                Comment comment = RequestParts.optionalId(ctx, "comment").flatMap(comments)
                        .orElseThrow(() -> new NotFound("comment"));
                Agreement agreement = agreements.find(comment.agreementId(), viewer)
                        .filter(found -> viewer.can(Permission.READ_DRAFTS, found.koppelzone().id()))
                        .orElseThrow(() -> new NotFound("comment"));
                nl.afsprakenwiki.discussion.Current.COMMENT.set(ctx, comment);
                Current.AGREEMENT.set(ctx, agreement);
                Current.KOPPELZONE.set(ctx, agreement.koppelzone());
                yield agreement.koppelzone().id();
            }
            case LEAK -> {
                // a waardelek exists for the members of its koppelzone, and for anyone once published
                Leak leak = RequestParts.optionalId(ctx, "leak").flatMap(leaks)
                        .filter(found -> Leaks.visible(found, viewer))
                        .orElseThrow(() -> new NotFound("leak"));
                Koppelzone koppelzone = koppelzones.all().stream().filter(k -> k.id() == leak.koppelzoneId()).findFirst()
                        .orElseThrow(() -> new NotFound("leak"));
                nl.afsprakenwiki.leaks.Current.LEAK.set(ctx, leak);
                Current.KOPPELZONE.set(ctx, koppelzone);
                yield koppelzone.id();
            }
        };
    }
}

package nl.afsprakenwiki.site;

import io.javalin.security.RouteRole;
import nl.afsprakenwiki.access.Permission;

/**
 * The rule every route declares in {@link Routes}: the permission it needs and where the
 * koppelzone it concerns is found in the path. {@link AccessFilter} enforces it; a route without a
 * rule is refused. The matrix of who has which permission is {@code auth.Permissions}.
 */
public enum Rule implements RouteRole {
    /** Anyone, including anonymous visitors (content access is filtered by visibility). */
    PUBLIC(Permission.READ_PUBLISHED, Scope.NONE),
    /** Anyone; the koppelzone {@code {slug}} must exist (else 404). */
    READ_KOPPELZONE(Permission.READ_PUBLISHED, Scope.KOPPELZONE),
    /** Anyone who may read the agreement {@code {id}}: a draft only members of its koppelzone (others: 404). */
    READ_AGREEMENT(Permission.READ_PUBLISHED, Scope.AGREEMENT),
    /** Any signed-in account (own profile, password, tokens, signing out). */
    ACCOUNT(Permission.OWN_ACCOUNT, Scope.NONE),
    /** Be a member of the koppelzone {@code {slug}} (any role), or beheerder: see its drafts and members. */
    MEMBER(Permission.READ_DRAFTS, Scope.KOPPELZONE),
    /** Create an agreement in the koppelzone {@code {slug}}. */
    CREATE(Permission.CREATE, Scope.KOPPELZONE),
    /** Edit the agreement {@code {id}}. */
    EDIT(Permission.EDIT, Scope.AGREEMENT),
    /** Restore a revision of the agreement {@code {id}}. */
    RESTORE(Permission.RESTORE, Scope.AGREEMENT),
    /** Propose a revision of the agreement {@code {id}} for endorsement. */
    PROPOSE(Permission.PROPOSE, Scope.AGREEMENT),
    /** Endorse or decline the agreement {@code {id}} for one's own organisation (a manager). */
    ENDORSE(Permission.ENDORSE, Scope.AGREEMENT),
    /** Withdraw the proposal of, or retire, the agreement {@code {id}} (the voorzitter). */
    RETIRE(Permission.RETIRE, Scope.AGREEMENT),
    /** Set the review date of the agreement {@code {id}} (the voorzitter). */
    SCHEDULE_REVIEW(Permission.SCHEDULE_REVIEW, Scope.AGREEMENT),
    /** Take note of the agreement {@code {id}} for one's own organisation. */
    ACKNOWLEDGE(Permission.ACKNOWLEDGE, Scope.AGREEMENT),
    /**
     * Adopt the agreement {@code {id}}: any signed-in account that may read it; the handler then
     * requires {@code CREATE} in the koppelzone adopted into.
     */
    ADOPT(Permission.OWN_ACCOUNT, Scope.AGREEMENT),
    /** Follow the agreement {@code {id}} (or stop): any signed-in account that may read it. */
    FOLLOW(Permission.OWN_ACCOUNT, Scope.AGREEMENT),
    /** Follow the koppelzone {@code {slug}} (or stop): any signed-in account; koppelzones are public. */
    FOLLOW_KOPPELZONE(Permission.OWN_ACCOUNT, Scope.KOPPELZONE),
    /** Read the meeting {@code {meeting}}: members of its koppelzone (others: 404). */
    MEETING_MEMBER(Permission.READ_DRAFTS, Scope.MEETING),
    /** Plan the koppelzone {@code {slug}}'s meetings (the voorzitter). */
    PLAN_MEETINGS(Permission.RUN_MEETINGS, Scope.KOPPELZONE),
    /** Run, move, cancel and close the meeting {@code {meeting}} (the voorzitter of its koppelzone; others in it: 403, outside: 404). */
    RUN_MEETING(Permission.RUN_MEETINGS, Scope.MEETING),
    /** Manage members, parties and templates of the koppelzone {@code {slug}}. */
    MANAGE_KOPPELZONE(Permission.MANAGE_KOPPELZONE, Scope.KOPPELZONE),
    /** Run the instance: municipalities, organisations, koppelzones, accounts, settings, audit log. */
    ADMINISTER(Permission.ADMINISTER, Scope.NONE),
    /** Add an experience (ervaring) to the agreement {@code {id}}: any signed-in account that may read it (the handler then requires it to be public). */
    SHARE_EXPERIENCE(Permission.OWN_ACCOUNT, Scope.AGREEMENT),
    /** Hide or show again an experience on the agreement {@code {id}} (the voorzitter of its koppelzone). */
    MODERATE_EXPERIENCES(Permission.MODERATE_EXPERIENCES, Scope.AGREEMENT),
    /** Read the discussion of the agreement {@code {id}}: members of its koppelzone, beheerder (a draft: others 404). */
    READ_DISCUSSION(Permission.READ_DRAFTS, Scope.AGREEMENT),
    /** Comment on (or reply in the discussion of) the agreement {@code {id}}: members of its koppelzone, beheerder. */
    COMMENT(Permission.COMMENT, Scope.AGREEMENT),
    /**
     * Edit or resolve the comment {@code {comment}}: members of its agreement's koppelzone (everyone else: 404);
     * the handler then requires the author (edit, resolve) or {@code MODERATE_DISCUSSION} (resolve).
     */
    COMMENT_MEMBER(Permission.COMMENT, Scope.COMMENT),
    /** Remove personal data from the stored revisions of the agreement {@code {id}} (redaction): beheerder only. */
    REDACT(Permission.REDACT, Scope.AGREEMENT),
    /** Redact minutes of the meeting {@code {meeting}}: beheerder only (others in the koppelzone 403, outside 404). */
    REDACT_MEETING(Permission.REDACT, Scope.MEETING),
    /** See the privacy findings of the koppelzone {@code {slug}}: its voorzitter, beheerder. */
    REVIEW_PRIVACY(Permission.REVIEW_PRIVACY, Scope.KOPPELZONE),
    /**
     * Confirm that a finding in a remark on an endorsement of the agreement {@code {id}} is no personal
     * data (issue 17): members of its koppelzone, beheerder; the handler then requires the remark's
     * writer or {@code MODERATE_DISCUSSION} (the voorzitter).
     */
    CONFIRM_REMARK(Permission.READ_DRAFTS, Scope.AGREEMENT),
    /** Report a waardelek in the koppelzone {@code {slug}}: any member of it (any role), beheerder. */
    REPORT_LEAK(Permission.READ_DRAFTS, Scope.KOPPELZONE),
    /** Read the waardelek {@code {leak}}: members of its koppelzone; anyone once it is solved and published (others: 404). */
    READ_LEAK(Permission.READ_PUBLISHED, Scope.LEAK),
    /** Comment on the waardelek {@code {leak}}: members of its koppelzone, beheerder (outside: 404). */
    LEAK_MEMBER(Permission.READ_DRAFTS, Scope.LEAK),
    /** Change the status of, link agreements to and publish the waardelek {@code {leak}}: the voorzitter, beheerder (other members 403, outside 404). */
    DECIDE_LEAK(Permission.RUN_MEETINGS, Scope.LEAK),
    /** Redact a field of, or a comment on, the waardelek {@code {leak}}: beheerder only (others in its koppelzone 403, outside 404). */
    REDACT_LEAK(Permission.REDACT, Scope.LEAK);

    /** Where the koppelzone a route concerns comes from. */
    public enum Scope { NONE, KOPPELZONE, AGREEMENT, MEETING, COMMENT, LEAK }

    private final Permission permission;
    private final Scope scope;

    Rule(Permission permission, Scope scope) {
        this.permission = permission;
        this.scope = scope;
    }

    public Permission permission() {
        return permission;
    }

    public Scope scope() {
        return scope;
    }
}

package nl.afsprakenwiki.access;

/** What someone may do; who may do what is decided in one place, {@link Permissions}. */
public enum Permission {
    /** Read published content: endorsed agreements (their endorsed revision), koppelzones, parties. */
    READ_PUBLISHED,
    /** Read a koppelzone's drafts, newer revisions of endorsed agreements, members and history. */
    READ_DRAFTS,
    /** Create an agreement in the koppelzone. */
    CREATE,
    /** Edit an agreement (save a new revision, change parties and themes). */
    EDIT,
    /** Restore an earlier revision as a new one. */
    RESTORE,
    /** Propose a revision for endorsement. */
    PROPOSE,
    /** Endorse or decline a proposed revision on behalf of one's own organisation. */
    ENDORSE,
    /** Withdraw a proposal or retire an agreement. */
    RETIRE,
    /** Set an agreement's review date (herzieningsdatum). */
    SCHEDULE_REVIEW,
    /** Take note (kennisname) of an agreement that applies to one's own organisation, which joined later. */
    ACKNOWLEDGE,
    /** Plan, run and close the koppelzone's meetings (agenda, presence, minutes, decisions, action items). */
    RUN_MEETINGS,
    /** Add, change and remove members and parties of the koppelzone; create, edit and retire its templates. */
    MANAGE_KOPPELZONE,
    /** Manage municipalities, organisations, koppelzones, accounts and settings; read the audit log. */
    ADMINISTER,
    /** Manage one's own account: profile, password, API tokens. */
    OWN_ACCOUNT,
    /** Hide an experience from elsewhere (ervaring) on the koppelzone's agreements with a reason, or show it again. */
    MODERATE_EXPERIENCES,
    /** Comment on an agreement in the koppelzone's discussion, reply, and edit one's own comment for a short while. */
    COMMENT,
    /** Resolve or reopen any discussion thread of the koppelzone (authors may do so with their own). */
    MODERATE_DISCUSSION,
    /** Remove personal data from stored revisions (redaction, issue 17), on the request of the koppelzone's voorzitter: beheerder only. */
    REDACT,
    /** See what looks like personal data in the koppelzone's current and historical texts (the privacy findings): voorzitter, beheerder. */
    REVIEW_PRIVACY
}

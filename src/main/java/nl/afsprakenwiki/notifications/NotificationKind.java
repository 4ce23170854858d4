package nl.afsprakenwiki.notifications;

/**
 * What a mail is about, as the outbox, the preferences and the unsubscribe links name it. Each kind
 * has a default delivery for people who chose nothing: what asks for an action soon comes at once,
 * what can wait comes in the daily digest.
 */
public enum NotificationKind {
    /** A revision awaits the manager's organisation's endorsement. */
    ENDORSEMENT_REQUESTED("endorsement.requested", Delivery.IMMEDIATELY),
    /** A round the manager decided on was superseded by a newer proposal. */
    ROUND_SUPERSEDED("endorsement.superseded", Delivery.IMMEDIATELY),
    /** To the proposer and the voorzitter: an organisation declined (with its remark). */
    DECLINED("endorsement.declined", Delivery.IMMEDIATELY),
    /** To the proposer and the voorzitter: the agreement became bekrachtigd. */
    ENDORSED("endorsement.endorsed", Delivery.IMMEDIATELY),
    /** To the voorzitter and praktijkexperts: a review date falls within 30 days, or is past. */
    REVIEW_DUE("review.due", Delivery.DIGEST),
    /** To adopters: the source has a new endorsed revision. */
    SOURCE_UPDATED("adoption.sourceUpdated", Delivery.IMMEDIATELY),
    /** To the source koppelzone: a proposal from an adopter arrived. */
    SOURCE_PROPOSAL("adoption.proposal", Delivery.IMMEDIATELY),
    /** To members of a newly joined party: agreements they must take note of. */
    TAKE_NOTE("party.takeNote", Delivery.IMMEDIATELY),
    /** To invitees: a meeting was planned, moved or cancelled (with the .ics). */
    MEETING("meeting.invitation", Delivery.IMMEDIATELY),
    /** To an action item's owner: assigned, and due in two days. */
    ACTION_ITEM("meeting.actionItem", Delivery.IMMEDIATELY),
    /** To followers: what they follow became public with a new revision, or was retired. */
    FOLLOWED("follow.changed", Delivery.IMMEDIATELY),
    /** The beheerder's test message: always at once, not a preference. */
    TEST("test", Delivery.IMMEDIATELY),
    /** To a member mentioned (@gebruikersnaam) in a comment of a koppelzone's discussion. */
    MENTIONED("discussion.mention", Delivery.IMMEDIATELY),
    /** To the voorzitter of an adopted copy: personal data was removed from its history as from its source's (issue 17). */
    REDACTED("privacy.redacted", Delivery.IMMEDIATELY);

    /** How a person wants a kind of mail. */
    public enum Delivery { IMMEDIATELY, DIGEST, OFF }

    private final String code;
    private final Delivery byDefault;

    NotificationKind(String code, Delivery byDefault) {
        this.code = code;
        this.byDefault = byDefault;
    }

    public String code() {
        return code;
    }

    public Delivery byDefault() {
        return byDefault;
    }

    /** The kind with this code, or null. */
    public static NotificationKind fromCode(String code) {
        for (NotificationKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        return null;
    }
}

package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPrivacy;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.agreements.PartiesChanged;
import nl.afsprakenwiki.agreements.Published;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.PersonalDataFound;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.privacy.TextSource;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moves of the endorsement lifecycle (DESIGN.md §4): propose a revision, decide per party,
 * withdraw a proposal, retire an agreement, set the review date, take note as a new party. Every
 * move is one transaction with its audit event; what is not allowed now is {@link Refused} with a
 * reason the user can read. The moves of a party (decide, confirm a remark, take note) are carried
 * out by {@link PartyDecisions}.
 */
public final class Lifecycle implements PartiesChanged {

    /** A review date is set this many months after endorsement ({@link Agreement#REVIEW_MONTHS}). */
    public static final int REVIEW_MONTHS = Agreement.REVIEW_MONTHS;
    public static final int MAX_REMARK = 2_000;
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final Database db;
    private final EndorsementStore store;
    private final AgreementStore agreements;
    private final AuditLog audit;
    private final Clock clock;
    private final LifecycleMail mail;
    private final AgreementPrivacy privacy;
    private final PartyDecisions decisions;
    private final LifecycleReasons reasons;

    public Lifecycle(Database db, AgreementStore agreements, KoppelzoneStore koppelzones, AuditLog audit, Clock clock,
                     Outbox outbox, Published published, AgreementPrivacy privacy, TextGuard guard) {
        this.privacy = privacy;
        this.mail = new LifecycleMail(outbox, agreements, published);
        this.db = db;
        this.store = new EndorsementStore();
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
        this.decisions = new PartyDecisions(db, store, agreements, koppelzones, audit, clock, mail, guard);
        this.reasons = new LifecycleReasons(guard);
    }

    EndorsementStore store() {
        return store;
    }

    public LocalDate today() {
        return today(clock);
    }

    /** The day it is in the Netherlands by {@code clock}: review dates are Dutch calendar days. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(DUTCH_TIME));
    }

    /** Proposes the current revision for endorsement; a proposal of an older revision is superseded. */
    public Round propose(long agreementId, int revision, Author author) {
        return db.write(handle -> propose(handle, agreementId, revision, author));
    }

    /** {@link #propose(long, int, Author)} inside the caller's transaction, e.g. with a meeting's decision. */
    public Round propose(Handle handle, long agreementId, int revision, Author author) {
        Agreement agreement = agreement(handle, agreementId);
        if (agreement.status() == AgreementStatus.VERVALLEN) {
            throw Refused.conflict("refused.retired");
        }
        if (revision != agreement.currentRevision()) {
            throw Refused.conflict("refused.proposeNotCurrent", revision, agreement.currentRevision());
        }
        if (agreement.endorsedRevision() != null && agreement.endorsedRevision() == revision) {
            throw Refused.conflict("refused.alreadyEndorsed", revision);
        }
        Revision proposed = agreements.revision(handle, agreementId, revision).orElseThrow();
        if (agreement.endorsedRevision() != null && agreements.revision(handle, agreementId, agreement.endorsedRevision())
                .orElseThrow().sha256().equals(proposed.sha256())) {
            throw Refused.conflict("refused.sameAsEndorsed", revision, agreement.endorsedRevision());
        }
        var open = store.openRound(handle, agreementId);
        if (open.isPresent() && open.get().revision() == revision) {
            throw Refused.conflict("refused.alreadyProposed", revision);
        }
        // issue 17: what is proposed becomes public once endorsed; every privacy finding must be fixed or confirmed
        privacy.refuseIfUnconfirmed(handle, agreementId, revision, PersonalDataFound.Reason.PROPOSE);
        Instant now = clock.instant();
        open.ifPresent(round -> store.closeRound(handle, round.id(), Round.Outcome.VERVANGEN, author.name(), "", now));
        long roundId = store.insertRound(handle, agreementId, revision, proposed.sha256(), author, now);
        agreements.setLifecycle(handle, agreementId, AgreementStatus.TER_BEKRACHTIGING, agreement.endorsedRevision(),
                revision, agreement.endorsedAt());
        audit.record(handle, author, "agreement.propose", "agreement:" + agreementId, agreement.koppelzone().id(),
                Map.of("revision", revision, "sha256", proposed.sha256(), "round", roundId));
        Round round = store.openRound(handle, agreementId).orElseThrow();
        mail.proposed(handle, agreement, round, open, proposed.title());
        return round;
    }

    /** What a decision led to: the agreement's status afterwards and who still has to decide. */
    public record Outcome(AgreementStatus status, Integer endorsedRevision, List<Organisation> waitingFor,
                          boolean completed, List<FieldFinding> warnings) {
        public Outcome {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public Outcome(AgreementStatus status, Integer endorsedRevision, List<Organisation> waitingFor, boolean completed) {
            this(status, endorsedRevision, waitingFor, completed, List.of());
        }
    }

    /**
     * Records the decision of the viewer's organisation on the proposed revision. The last party to
     * endorse that exact revision makes the agreement bekrachtigd.
     */
    public Outcome decide(long agreementId, int revision, Decision.Kind kind, String remark, Viewer viewer) {
        return decide(agreementId, revision, kind, remark, Accepted.NONE, viewer);
    }

    /**
     * As {@link #decide(long, int, Decision.Kind, String, Viewer)}, with the privacy findings of the
     * remark its writer confirms are no personal data (issue 17); {@link PartyDecisions#decide}.
     */
    public Outcome decide(long agreementId, int revision, Decision.Kind kind, String remark, Accepted accepted,
                          Viewer viewer) {
        return decisions.decide(agreementId, revision, kind, remark, accepted, viewer);
    }

    /** Whether a decision's remark has a possible personal data finding nobody confirmed (issue 17). */
    boolean remarkPending(Handle handle, Decision decision) {
        return decisions.remarkPending(handle, decision);
    }

    /** The findings of a decision's remark nobody confirmed, for who may confirm them ({@link #mayConfirmRemark}). */
    public List<FieldFinding> unconfirmedRemark(Decision decision) {
        return decisions.unconfirmedRemark(decision);
    }

    /** Whether {@code viewer} may confirm findings in a decision's remark: its writer, the voorzitter, a beheerder. */
    public boolean mayConfirmRemark(Agreement agreement, Decision decision, Viewer viewer) {
        return decisions.mayConfirmRemark(agreement, decision, viewer);
    }

    /** The findings beside a typed remark after {@code refused}, with the writer's ticks kept ({@link PartyDecisions#remarkPanel}). */
    public TextPanel remarkPanel(Agreement agreement, String remark, RuntimeException refused, Accepted accepted) {
        return decisions.remarkPanel(agreement, remark, refused, accepted);
    }

    /** Confirms findings in the remark of a decision as no personal data ({@link PartyDecisions#confirmRemark}). */
    public Decision confirmRemark(long agreementId, long decisionId, Accepted accepted, Viewer viewer) {
        return decisions.confirmRemark(agreementId, decisionId, accepted, viewer);
    }

    /** The voorzitter withdraws the open proposal; the agreement returns to what it was before. */
    public void withdraw(long agreementId, String reason, Author author) {
        withdraw(agreementId, reason, Accepted.NONE, author);
    }

    /** As above, with the findings of the reason confirmed as no personal data ({@link LifecycleReasons}); the warnings. */
    public List<FieldFinding> withdraw(long agreementId, String reason, Accepted accepted, Author author) {
        String why = LifecycleReasons.clean(reason);
        return db.write(handle -> {
            Agreement agreement = agreement(handle, agreementId);
            Round round = store.openRound(handle, agreementId).orElseThrow(() -> Refused.conflict("refused.nothingProposed"));
            Screening screening = reasons.check(handle, TextSource.WITHDRAW, round.id(), agreement, why, accepted);
            store.closeRound(handle, round.id(), Round.Outcome.INGETROKKEN, author.name(), why, clock.instant());
            AgreementStatus back = agreement.endorsedRevision() == null ? AgreementStatus.CONCEPT : AgreementStatus.BEKRACHTIGD;
            agreements.setLifecycle(handle, agreementId, back, agreement.endorsedRevision(), null, agreement.endorsedAt());
            audit.record(handle, author, "agreement.withdraw", "agreement:" + agreementId, agreement.koppelzone().id(),
                    Map.of("revision", round.revision(), "reason", why));
            return reasons.record(handle, TextSource.WITHDRAW, round.id(), agreement, screening, accepted, author);
        });
    }

    /** The voorzitter retires the agreement: it is no longer in force, and no longer public. */
    public void retire(long agreementId, String reason, Author author) {
        retire(agreementId, reason, Accepted.NONE, author);
    }

    /** As above, with the findings of the reason confirmed as no personal data ({@link LifecycleReasons}); the warnings. */
    public List<FieldFinding> retire(long agreementId, String reason, Accepted accepted, Author author) {
        String why = LifecycleReasons.clean(reason);
        return db.write(handle -> {
            Agreement agreement = agreement(handle, agreementId);
            Screening screening = reasons.check(handle, TextSource.RETIRE, agreementId, agreement, why, accepted);
            retire(handle, agreementId, why, author);
            return reasons.record(handle, TextSource.RETIRE, agreementId, agreement, screening, accepted, author);
        });
    }

    /**
     * {@link #retire(long, String, Author)} inside the caller's transaction, without the privacy guard: the
     * caller screens the reason (a meeting's decision "vervallen" screens its note as a decision note).
     */
    public void retire(Handle handle, long agreementId, String reason, Author author) {
        String why = LifecycleReasons.clean(reason);
        Agreement agreement = agreement(handle, agreementId);
        if (agreement.status() == AgreementStatus.VERVALLEN) {
            throw Refused.conflict("refused.retired");
        }
        Instant now = clock.instant();
        store.openRound(handle, agreementId).ifPresent(round ->
                store.closeRound(handle, round.id(), Round.Outcome.VERVALLEN, author.name(), why, now));
        agreements.setRetired(handle, agreementId, now, why);
        audit.record(handle, author, "agreement.retire", "agreement:" + agreementId, agreement.koppelzone().id(),
                Map.of("reason", why));
        mail.retired(handle, agreement);
    }

    LifecycleReasons reasons() {
        return reasons;
    }

    /** The voorzitter sets the review date ("herzieningsdatum"); it must not lie in the past. */
    public void scheduleReview(long agreementId, LocalDate date, Author author) {
        db.write(handle -> {
            scheduleReview(handle, agreementId, date, author);
            return null;
        });
    }

    /** {@link #scheduleReview(long, LocalDate, Author)} inside the caller's transaction. */
    public void scheduleReview(Handle handle, long agreementId, LocalDate date, Author author) {
        if (date == null) {
            throw new InvalidInput("reviewDate", "error.reviewDate.required");
        }
        if (date.isBefore(today())) {
            throw new InvalidInput("reviewDate", "error.reviewDate.past");
        }
        if (date.isAfter(today().plusYears(10))) {
            throw new InvalidInput("reviewDate", "error.reviewDate.tooFar");
        }
        Agreement agreement = agreement(handle, agreementId);
        if (agreement.status() == AgreementStatus.VERVALLEN) {
            throw Refused.conflict("refused.retired");
        }
        agreements.setReviewDate(handle, agreementId, date);
        audit.record(handle, author, "agreement.reviewDate", "agreement:" + agreementId, agreement.koppelzone().id(),
                Map.of("reviewDate", date.toString()));
    }

    /** The viewer takes note of an endorsed agreement for their organisation ({@link PartyDecisions#acknowledge}). */
    public boolean acknowledge(long agreementId, Viewer viewer) {
        return decisions.acknowledge(agreementId, viewer);
    }

    /** Changing the parties restarts an open round: every party of the new set decides afresh. */
    @Override
    public void partiesChanged(Handle handle, long agreementId, Author author) {
        store.openRound(handle, agreementId).ifPresent(round -> {
            Instant now = clock.instant();
            store.closeRound(handle, round.id(), Round.Outcome.HERSTART, author.name(), "", now);
            long fresh = store.insertRound(handle, agreementId, round.revision(), round.sha256(), author, now);
            audit.record(handle, author, "agreement.roundRestarted", "agreement:" + agreementId, null,
                    Map.of("revision", round.revision(), "round", fresh));
        });
    }

    private Agreement agreement(Handle handle, long id) {
        return agreements.find(handle, id).orElseThrow(() -> new NotFound("agreement " + id));
    }

    /** The organisation the viewer decides for, if any. */
    public Optional<Organisation> organisationOf(Viewer viewer) {
        return decisions.organisationOf(viewer);
    }
}

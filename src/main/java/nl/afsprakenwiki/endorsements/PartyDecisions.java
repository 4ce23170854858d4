package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.text.CleanText;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The moves of a party in the endorsement lifecycle, made by one of its managers: decide on the
 * proposed revision (the last endorsement makes the agreement bekrachtigd), have the privacy findings
 * of a decision's remark confirmed, take note of an agreement endorsed before the party joined.
 * {@link Lifecycle} offers these moves; this class carries them out, each in one transaction with its audit.
 */
final class PartyDecisions {

    private final Database db;
    private final EndorsementStore store;
    private final AgreementStore agreements;
    private final KoppelzoneStore koppelzones;
    private final AuditLog audit;
    private final Clock clock;
    private final LifecycleMail mail;
    private final TextGuard guard;

    PartyDecisions(Database db, EndorsementStore store, AgreementStore agreements, KoppelzoneStore koppelzones,
                   AuditLog audit, Clock clock, LifecycleMail mail, TextGuard guard) {
        this.db = db;
        this.store = store;
        this.agreements = agreements;
        this.koppelzones = koppelzones;
        this.audit = audit;
        this.clock = clock;
        this.mail = mail;
        this.guard = guard;
    }

    /**
     * Records the decision of the viewer's organisation on the proposed revision, with the privacy
     * findings of the remark its writer confirms are no personal data (issue 17). The last party to
     * endorse that exact revision makes the agreement bekrachtigd.
     */
    Lifecycle.Outcome decide(long agreementId, int revision, Decision.Kind kind, String remark, Accepted accepted,
                             Viewer viewer) {
        String cleanRemark = CleanText.text(remark).strip();
        if (cleanRemark.length() > Lifecycle.MAX_REMARK) {
            throw new InvalidInput("remark", "error.remark.tooLong", Lifecycle.MAX_REMARK);
        }
        if (kind == Decision.Kind.DECLINE && cleanRemark.isEmpty()) {
            throw new InvalidInput("remark", "error.remark.required");
        }
        return db.write(handle -> {
            Agreement agreement = agreement(handle, agreementId);
            // issue 17: a remark on an endorsement never names a child or family, unless its writer confirms
            TextGuard.Subject subject = new TextGuard.Subject(TextSource.REMARK, null, "agreement:" + agreementId,
                    agreement.koppelzone().id());
            Screening screening = guard.check(handle, subject, Screening.fields("remark", cleanRemark), guard.parties(subject),
                    accepted);
            if (!viewer.can(Permission.ENDORSE, agreement.koppelzone().id())) {
                throw Refused.forbidden("refused.notManager");
            }
            Organisation organisation = organisationOf(handle, viewer)
                    .orElseThrow(() -> Refused.forbidden("refused.noOrganisation"));
            if (agreement.parties().stream().noneMatch(party -> party.id() == organisation.id())) {
                throw Refused.forbidden("refused.notParty", organisation.name());
            }
            Round round = store.openRound(handle, agreementId)
                    .orElseThrow(() -> Refused.conflict("refused.nothingProposed"));
            if (round.revision() != revision) {
                throw Refused.conflict("refused.otherRevision", revision, round.revision());
            }
            Instant now = clock.instant();
            Author author = viewer.author();
            long decision = store.insertDecision(handle, round, organisation.id(), author, kind, cleanRemark, now);
            guard.record(handle, subject.withId(decision), screening, accepted, author);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("revision", revision);
            details.put("sha256", round.sha256());
            details.put("organisation", organisation.slug());
            details.put("decision", kind.code());
            audit.record(handle, author, "agreement.decision", "agreement:" + agreementId, agreement.koppelzone().id(), details);
            mail.decided(handle, agreement, round, organisation, kind, cleanRemark);

            List<PartyState> states = RoundViews.states(agreement.parties(), store.decisions(handle, List.of(round.id())));
            List<Organisation> waiting = states.stream().filter(state -> !state.endorsed())
                    .map(PartyState::organisation).toList();
            if (!waiting.isEmpty()) {
                return new Lifecycle.Outcome(AgreementStatus.TER_BEKRACHTIGING, agreement.endorsedRevision(), waiting, false,
                        screening.warnings());
            }
            store.closeRound(handle, round.id(), Round.Outcome.BEKRACHTIGD, author.name(), "", now);
            agreements.setLifecycle(handle, agreementId, AgreementStatus.BEKRACHTIGD, revision, null, now);
            agreements.setReviewDate(handle, agreementId, Lifecycle.today(clock).plusMonths(Lifecycle.REVIEW_MONTHS));
            audit.record(handle, author, "agreement.endorsed", "agreement:" + agreementId, agreement.koppelzone().id(),
                    Map.of("revision", revision, "sha256", round.sha256(), "round", round.id()));
            mail.endorsed(handle, agreement, round);
            return new Lifecycle.Outcome(AgreementStatus.BEKRACHTIGD, revision, List.of(), true, screening.warnings());
        });
    }

    /**
     * The findings beside a typed remark after {@code refused}: a refusal for personal data shows them, any
     * other keeps those of what was typed with the writer's ticks (issue 17).
     */
    TextPanel remarkPanel(Agreement agreement, String remark, RuntimeException refused, Accepted accepted) {
        return guard.panel(refused, agreement.koppelzone().id(), Screening.fields("remark", remark), accepted);
    }

    /** Whether a decision's remark has a possible personal data finding nobody confirmed (issue 17). */
    boolean remarkPending(Handle handle, Decision decision) {
        return !decision.remark().isBlank() && !unconfirmedRemark(handle, decision).isEmpty();
    }

    private List<FieldFinding> unconfirmedRemark(Handle handle, Decision decision) {
        return guard.unconfirmed(handle, TextSource.REMARK, decision.id(), Screening.fields("remark", decision.remark()),
                guard.parties(handle, TextSource.REMARK, decision.id()));
    }

    /** The findings of a decision's remark nobody confirmed, for who may confirm them ({@link #mayConfirmRemark}). */
    List<FieldFinding> unconfirmedRemark(Decision decision) {
        return db.read(handle -> unconfirmedRemark(handle, decision));
    }

    /** Whether {@code viewer} may confirm findings in a decision's remark: its writer, the voorzitter, a beheerder. */
    boolean mayConfirmRemark(Agreement agreement, Decision decision, Viewer viewer) {
        if (viewer.can(Permission.MODERATE_DISCUSSION, agreement.koppelzone().id())) {
            return true;
        }
        Long writer = db.read(handle -> handle.createQuery("SELECT account_id FROM endorsement WHERE id = ?")
                .bind(0, decision.id()).mapTo(Long.class).findOne().orElse(null));
        return viewer.authenticated() && writer != null && writer.equals(viewer.accountId());
    }

    /**
     * Confirms findings in the remark of decision {@code decisionId} on the agreement as no personal data
     * (its writer, the voorzitter or a beheerder); once all are, the public sees the remark again.
     */
    Decision confirmRemark(long agreementId, long decisionId, Accepted accepted, Viewer viewer) {
        Agreement agreement = db.read(handle -> agreement(handle, agreementId));
        Decision decision = db.read(handle -> store.decisions(handle, store.rounds(handle, agreementId).stream()
                        .map(Round::id).toList()).stream().filter(found -> found.id() == decisionId).findFirst())
                .orElseThrow(() -> new NotFound("decision"));
        if (!mayConfirmRemark(agreement, decision, viewer)) {
            throw Refused.forbidden("error.privacy.text.notYours");
        }
        return db.write(handle -> {
            guard.confirm(handle, new TextGuard.Subject(TextSource.REMARK, decisionId, "agreement:" + agreementId,
                    agreement.koppelzone().id()), Screening.fields("remark", decision.remark()), guard.parties(agreement.koppelzone().id()), accepted,
                    viewer.author());
            return decision.withRemarkPending(remarkPending(handle, decision), true);
        });
    }

    /**
     * The viewer takes note of an agreement for their organisation, which joined the koppelzone after
     * the agreement was endorsed. Taking note twice changes nothing.
     */
    boolean acknowledge(long agreementId, Viewer viewer) {
        return db.write(handle -> {
            // allowed to take note in general, but nothing asks an account without an organisation to
            Organisation organisation = organisationOf(handle, viewer)
                    .orElseThrow(() -> Refused.conflict("refused.noOrganisation"));
            Agreement agreement = agreement(handle, agreementId);
            boolean applies = store.applying(handle, agreement.koppelzone().id()).stream()
                    .anyMatch(row -> row.agreementId() == agreementId && row.organisationId() == organisation.id());
            if (!applies) {
                throw Refused.conflict("refused.notApplying", organisation.name());
            }
            boolean recorded = store.insertAcknowledgement(handle, agreementId, agreement.endorsedRevision(), organisation.id(),
                    viewer.author(), clock.instant());
            if (recorded) {
                audit.record(handle, viewer.author(), "agreement.acknowledge", "agreement:" + agreementId,
                        agreement.koppelzone().id(), Map.of("revision", agreement.endorsedRevision(),
                                "organisation", organisation.slug()));
            }
            return recorded;
        });
    }

    /** The organisation the viewer decides for, if any. */
    Optional<Organisation> organisationOf(Viewer viewer) {
        return db.read(handle -> organisationOf(handle, viewer));
    }

    /** The organisation the viewer decides for, as it is now. */
    private Optional<Organisation> organisationOf(Handle handle, Viewer viewer) {
        return viewer.organisationId() == null ? Optional.empty() : koppelzones.organisationById(handle, viewer.organisationId());
    }

    private Agreement agreement(Handle handle, long id) {
        return agreements.find(handle, id).orElseThrow(() -> new NotFound("agreement " + id));
    }
}

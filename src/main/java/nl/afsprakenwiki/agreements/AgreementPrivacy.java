package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.AgreementInput.Acceptance;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.privacy.KnownParties;
import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.privacy.PersonalDataFound;
import nl.afsprakenwiki.privacy.PrivacyDetector;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The privacy guard on agreement texts (issue 17 point 2): a save with a high-confidence finding is
 * refused unless the writer confirms it; medium findings are warnings that must be confirmed before
 * a revision is proposed or adopted. Confirmations are stored per revision (fingerprint, kind, who,
 * why; never the text) and hold for the later revisions of the same agreement. The detector knows the
 * listed phone numbers and e-mail domains of the agreement's koppelzone's parties ({@link KnownParties}),
 * which are organisational, not personal data.
 */
public final class AgreementPrivacy {

    private final Database db;
    private final AgreementStore store;
    private final PrivacyDetector detector;
    private final AuditLog audit;
    private final Clock clock;
    private final KnownParties parties;

    public AgreementPrivacy(Database db, AgreementStore store, PrivacyDetector detector, AuditLog audit, Clock clock,
                            KnownParties parties) {
        this.parties = parties;
        this.db = db;
        this.store = store;
        this.detector = detector;
        this.audit = audit;
        this.clock = clock;
    }

    public PrivacyDetector detector() {
        return detector;
    }

    /** The listed numbers and domains of each koppelzone's parties, for the other texts saved in a koppelzone. */
    public KnownParties parties() {
        return parties;
    }

    /** The parties of the koppelzone agreement {@code agreementId} is in ({@link Parties#NONE} for an unknown agreement). */
    public Parties partiesOfAgreement(long agreementId) {
        return db.read(handle -> partiesOf(handle, agreementId));
    }

    private Parties partiesOf(Handle handle, long agreementId) {
        return handle.createQuery("SELECT koppelzone_id FROM agreement WHERE id = :id").bind("id", agreementId)
                .mapTo(Long.class).findOne().map(parties::of).orElse(Parties.NONE);
    }

    /** The findings of a revision's title, body and summary, sorted against the given confirmed fingerprints. */
    Screening screen(Parties known, String title, String body, String summary, Set<String> confirmed) {
        return Screening.of(detector, Screening.fields("title", title, "body", body, "summary", summary),
                known, confirmed);
    }

    /**
     * The panel for a form refused for another reason (a field error): the high-confidence findings
     * of what was typed stay in view with the writer's ticks, so nothing they did is lost.
     */
    public PrivacyPanel panelForInvalid(long koppelzoneId, String title, String body, String summary, Acceptance accepted) {
        Screening screening = screen(parties.of(koppelzoneId), title, body, summary, accepted.fingerprints());
        List<FieldFinding> high = new ArrayList<>(screening.refusing());
        screening.confirmed().stream().filter(found -> found.kind().confidence() == nl.afsprakenwiki.privacy.Confidence.HIGH)
                .forEach(high::add);
        return high.isEmpty() ? PrivacyPanel.NONE : PrivacyPanel.refused(high, accepted);
    }

    /** Checks the reason of an acceptance, as a field error next to the other input errors. */
    static void checkReason(Acceptance accepted, List<InvalidInput.FieldError> errors) {
        if (accepted.reason().length() > Screening.MAX_REASON) {
            errors.add(new InvalidInput.FieldError("acceptanceReason", "error.privacy.reason.tooLong", Screening.MAX_REASON));
        }
    }

    /**
     * Screens text about to be saved in agreement {@code agreementId} (null when it is being created) of
     * koppelzone {@code koppelzoneId}: refuses it ({@link PersonalDataFound}) when a high-confidence
     * finding is neither confirmed now nor before in this agreement.
     */
    Screening screenForSave(Handle handle, Long agreementId, long koppelzoneId, RevisionContent content, String summary,
                            Acceptance accepted) {
        Set<String> confirmed = new HashSet<>(accepted.fingerprints());
        if (agreementId != null) {
            confirmed.addAll(confirmedIn(handle, agreementId, Integer.MAX_VALUE));
        }
        Screening screening = screen(parties.of(koppelzoneId), content.title(), content.body(), summary, confirmed);
        screening.throwIfRefusing();
        return screening;
    }

    /**
     * Stores the confirmations the writer sent with the save of {@code revision} (only fingerprints of
     * findings in its text, and not those confirmed before), with an audit event naming kinds and
     * fingerprints, never the text.
     */
    void recordAccepted(Handle handle, Revision revision, long koppelzoneId, Screening screening, Acceptance accepted,
                        Author author) {
        Set<String> before = confirmedIn(handle, revision.agreementId(), revision.number());
        List<FieldFinding> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>(before);
        for (FieldFinding found : screening.confirmed()) {
            if (accepted.fingerprints().contains(found.fingerprint()) && seen.add(found.fingerprint())) {
                fresh.add(found);
            }
        }
        store(handle, revision, koppelzoneId, fresh, accepted.reason(), author);
    }

    /**
     * Stores the confirmations of {@code accepted} that are findings of {@code current} and not yet
     * confirmed in the agreement (e.g. those an imported file lists), with their audit event.
     */
    public void recordConfirmed(Handle handle, Revision current, long koppelzoneId, Acceptance accepted, Author author) {
        recordOnUnchanged(handle, current, koppelzoneId, accepted, author);
    }

    /**
     * As {@link #recordConfirmed}, for a save that needed no new revision (the writer only ticked
     * findings of the current revision on the edit page).
     */
    void recordOnUnchanged(Handle handle, Revision current, long koppelzoneId, Acceptance accepted, Author author) {
        if (accepted.fingerprints().isEmpty()) {
            return;
        }
        recordAccepted(handle, current, koppelzoneId, screen(parties.of(koppelzoneId), current.title(), current.body(),
                current.summary(), accepted.fingerprints()), accepted, author);
    }

    /** The findings of revision {@code number} not confirmed in it or in an earlier revision of the agreement. */
    public List<FieldFinding> unconfirmed(long agreementId, int number) {
        return db.read(handle -> unconfirmed(handle, agreementId, number));
    }

    public List<FieldFinding> unconfirmed(Handle handle, long agreementId, int number) {
        Revision revision = store.revision(handle, agreementId, number)
                .orElseThrow(() -> new NotFound("revision"));
        return screen(partiesOf(handle, agreementId), revision.title(), revision.body(), revision.summary(),
                confirmedIn(handle, agreementId, number)).unconfirmed();
    }

    /** {@link #refuseIfUnconfirmed(Handle, long, int, PersonalDataFound.Reason)} in a transaction of its own. */
    public void refuseIfUnconfirmed(long agreementId, int number, PersonalDataFound.Reason reason) {
        db.read(handle -> {
            refuseIfUnconfirmed(handle, agreementId, number, reason);
            return null;
        });
    }

    /**
     * The findings of {@code revision} (of an agreement in koppelzone {@code sourceId}) that are findings
     * only in koppelzone {@code targetId}: the listed numbers and domains of the source's parties. An
     * adopted copy carries them as confirmed, as it carries the source's confirmations: they were
     * organisational data where the text was written and endorsed.
     */
    public Set<String> listedOnlyInSource(Revision revision, long sourceId, long targetId) {
        Set<String> inSource = new HashSet<>();
        screen(parties.of(sourceId), revision.title(), revision.body(), revision.summary(), Set.of()).unconfirmed()
                .forEach(found -> inSource.add(found.fingerprint()));
        Set<String> only = new HashSet<>();
        screen(parties.of(targetId), revision.title(), revision.body(), revision.summary(), Set.of()).unconfirmed().stream()
                .map(FieldFinding::fingerprint).filter(fingerprint -> !inSource.contains(fingerprint)).forEach(only::add);
        return only;
    }

    /** The fingerprints confirmed in revisions 1..{@code upTo} of an agreement (e.g. to carry over to an adopted copy). */
    public Set<String> confirmed(long agreementId, int upTo) {
        return db.read(handle -> confirmedIn(handle, agreementId, upTo));
    }

    /** Refuses {@code reason} (propose, adopt) while revision {@code number} has unconfirmed findings. */
    public void refuseIfUnconfirmed(Handle handle, long agreementId, int number, PersonalDataFound.Reason reason) {
        List<FieldFinding> open = unconfirmed(handle, agreementId, number);
        if (!open.isEmpty()) {
            throw new PersonalDataFound(open, reason);
        }
    }

    /**
     * Confirms findings of an existing revision as no personal data. Every fingerprint must be a
     * finding of that revision; confirming one already confirmed changes nothing.
     */
    public int confirm(long agreementId, int number, Acceptance accepted, Author author) {
        return db.write(handle -> {
            Revision revision = store.revision(handle, agreementId, number)
                    .orElseThrow(() -> new NotFound("revision"));
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            checkReason(accepted, errors);
            if (accepted.fingerprints().isEmpty()) {
                errors.add(new InvalidInput.FieldError("fingerprints", "error.privacy.fingerprints.required"));
            }
            Set<String> before = confirmedIn(handle, agreementId, number);
            long koppelzoneId = store.find(handle, agreementId).orElseThrow().koppelzone().id();
            Screening screening = screen(parties.of(koppelzoneId), revision.title(), revision.body(), revision.summary(),
                    accepted.fingerprints());
            Set<String> known = new HashSet<>();
            screening.confirmed().forEach(found -> known.add(found.fingerprint()));
            if (!known.containsAll(accepted.fingerprints())) {
                errors.add(new InvalidInput.FieldError("fingerprints", "error.privacy.fingerprints.unknown", number));
            }
            InvalidInput.throwIfAny(errors);
            List<FieldFinding> fresh = new ArrayList<>();
            Set<String> seen = new HashSet<>(before);
            for (FieldFinding found : screening.confirmed()) {
                if (seen.add(found.fingerprint())) {
                    fresh.add(found);
                }
            }
            store(handle, revision, koppelzoneId, fresh, accepted.reason(), author);
            return fresh.size();
        });
    }

    /** The fingerprints confirmed in revisions 1..{@code upTo} of an agreement. */
    Set<String> confirmedIn(Handle handle, long agreementId, int upTo) {
        return new HashSet<>(handle.createQuery("""
                        SELECT c.fingerprint FROM privacy_confirmation c JOIN revision r ON r.id = c.revision_id
                        WHERE r.agreement_id = :agreement AND r.number <= :upTo
                        """)
                .bind("agreement", agreementId).bind("upTo", upTo).mapTo(String.class).list());
    }

    private void store(Handle handle, Revision revision, long koppelzoneId, List<FieldFinding> fresh, String reason,
                       Author author) {
        if (fresh.isEmpty()) {
            return;
        }
        List<Map<String, Object>> confirmed = new ArrayList<>();
        for (FieldFinding found : fresh) {
            handle.createUpdate("""
                            INSERT INTO privacy_confirmation (revision_id, fingerprint, kind, confidence, account_id, reason, at)
                            VALUES (:revision, :fingerprint, :kind, :confidence, :account, :reason, :at)
                            """)
                    .bind("revision", revision.id()).bind("fingerprint", found.fingerprint())
                    .bind("kind", found.kind().code()).bind("confidence", found.kind().confidence().name().toLowerCase())
                    .bind("account", author.accountId()).bind("reason", reason).bind("at", clock.instant()).execute();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", found.kind().code());
            item.put("fingerprint", found.fingerprint());
            confirmed.add(item);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("revision", revision.number());
        details.put("findings", confirmed);
        details.put("reason", reason);
        audit.record(handle, author, "privacy.confirm", "agreement:" + revision.agreementId(), koppelzoneId, details);
    }
}

package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.text.CleanText;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The privacy guard on every text that is not an agreement (issue 17 point 2): comments, experiences,
 * meeting minutes, decision notes, action items, remarks on endorsements, templates, waardelekken and
 * the reasons for retiring an agreement or withdrawing a proposal, free agenda topics. A feature
 * calls {@link #check} inside its write transaction before it stores the text, and {@link #record}
 * once the text has its id:
 * <ul>
 *   <li>a high-confidence finding refuses the save ({@link PersonalDataFound}) unless the writer sends
 *       its fingerprint back ({@link Accepted}) or it was confirmed before for the same text;</li>
 *   <li>the confirmations sent are stored (V022: source, id, fingerprint, kind, who, why; never the
 *       text) with an audit event {@code privacy.confirm}, in the same transaction;</li>
 *   <li>medium-confidence findings not confirmed are warnings ({@link Screening#warnings()}).</li>
 * </ul>
 * A confirmation holds for every later version of the same text, so editing keeps it valid.
 */
public final class TextGuard {

    /** Where the confirmation's audit event goes (the audit log; privacy/ knows no feature). */
    @FunctionalInterface
    public interface AuditTrail {
        void record(Handle handle, Author actor, String action, String target, Long koppelzoneId, Map<String, ?> details);
    }

    /**
     * The text being saved: its kind, its id (null while it is being created), the audit target it
     * belongs to ({@code agreement:12}, {@code meeting:3} …) and its koppelzone.
     */
    public record Subject(TextSource source, Long id, String target, Long koppelzoneId) {
        public Subject withId(long created) {
            return new Subject(source, created, target, koppelzoneId);
        }
    }

    private final PrivacyDetector detector;
    private final AuditTrail audit;
    private final Clock clock;
    private final KnownParties parties;

    /** {@code parties}: each koppelzone's listed numbers and domains, which are no findings there. */
    public TextGuard(PrivacyDetector detector, AuditTrail audit, Clock clock, KnownParties parties) {
        this.detector = detector;
        this.audit = audit;
        this.clock = clock;
        this.parties = parties;
    }

    /** The parties of the subject's koppelzone ({@link Parties#NONE} for a national text). */
    public Parties parties(Subject subject) {
        return parties(subject.koppelzoneId());
    }

    /** The parties of koppelzone {@code koppelzoneId} ({@link Parties#NONE} for null). */
    public Parties parties(Long koppelzoneId) {
        return koppelzoneId == null ? Parties.NONE : parties.of(koppelzoneId);
    }

    /** The parties of the koppelzone a stored text belongs to. */
    public Parties parties(Handle handle, TextSource source, long id) {
        String sql = switch (source) {
            case COMMENT -> "SELECT a.koppelzone_id FROM comment c JOIN agreement a ON a.id = c.agreement_id WHERE c.id = :id";
            case EXPERIENCE -> "SELECT a.koppelzone_id FROM experience x JOIN agreement a ON a.id = x.agreement_id WHERE x.id = :id";
            case MINUTES, TOPIC -> "SELECT m.koppelzone_id FROM meeting_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = :id";
            case NOTE -> "SELECT m.koppelzone_id FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id WHERE d.id = :id";
            case ACTION -> "SELECT koppelzone_id FROM action_item WHERE id = :id";
            case REMARK -> "SELECT a.koppelzone_id FROM endorsement n JOIN agreement a ON a.id = n.agreement_id WHERE n.id = :id";
            case TEMPLATE -> "SELECT koppelzone_id FROM template WHERE id = :id";
            case LEAK -> "SELECT koppelzone_id FROM leak WHERE id = :id";
            case RETIRE -> "SELECT koppelzone_id FROM agreement WHERE id = :id";
            case WITHDRAW -> "SELECT a.koppelzone_id FROM endorsement_round r JOIN agreement a ON a.id = r.agreement_id WHERE r.id = :id";
        };
        Long koppelzone = handle.createQuery(sql).bind("id", id).mapTo(Long.class).findOne().orElse(null);
        return parties(koppelzone);
    }

    public PrivacyDetector detector() {
        return detector;
    }

    /**
     * Screens {@code fields} (name to text, as they will be stored) of {@code subject}: refuses the save
     * when a high-confidence finding is neither sent back in {@code accepted} nor confirmed before for
     * this text, or when the reason is too long. Call inside the write transaction.
     */
    public Screening check(Handle handle, Subject subject, Map<String, String> fields, Parties parties, Accepted accepted) {
        if (accepted.reason().length() > Screening.MAX_REASON) {
            throw new InvalidInput("acceptanceReason", "error.privacy.reason.tooLong", Screening.MAX_REASON);
        }
        Set<String> confirmed = new HashSet<>(accepted.fingerprints());
        if (subject.id() != null) {
            confirmed.addAll(confirmed(handle, subject.source(), subject.id()));
        }
        Screening screening = Screening.of(detector, fields, parties, confirmed);
        screening.throwIfRefusing();
        return screening;
    }

    /**
     * Stores the confirmations {@code accepted} names that are findings of the saved text
     * ({@code screening}, from {@link #check}) and not yet confirmed for it, with one audit event.
     * {@code subject} must now have its id. Returns what was newly confirmed.
     */
    public List<FieldFinding> record(Handle handle, Subject subject, Screening screening, Accepted accepted, Author author) {
        if (subject.id() == null) {
            throw new IllegalArgumentException("a confirmation needs the text's id");
        }
        if (accepted.none()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>(confirmed(handle, subject.source(), subject.id()));
        List<FieldFinding> fresh = new ArrayList<>();
        for (FieldFinding found : screening.confirmed()) {
            if (accepted.fingerprints().contains(found.fingerprint()) && seen.add(found.fingerprint())) {
                fresh.add(found);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (FieldFinding found : fresh) {
            handle.createUpdate("""
                            INSERT INTO text_privacy_confirmation
                                (source, source_id, fingerprint, kind, confidence, account_id, reason, at)
                            VALUES (:source, :id, :fingerprint, :kind, :confidence, :account, :reason, :at)
                            """)
                    .bind("source", subject.source().code()).bind("id", subject.id())
                    .bind("fingerprint", found.fingerprint()).bind("kind", found.kind().code())
                    .bind("confidence", found.kind().confidence().name().toLowerCase())
                    .bind("account", author.accountId()).bind("reason", accepted.reason()).bind("at", clock.instant())
                    .execute();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", found.kind().code());
            item.put("fingerprint", found.fingerprint());
            items.add(item);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("text", subject.source().code());
        details.put(subject.source().code(), subject.id());
        details.put("findings", items);
        details.put("reason", accepted.reason());
        audit.record(handle, author, "privacy.confirm", subject.target(), subject.koppelzoneId(), details);
        return List.copyOf(fresh);
    }

    /**
     * Confirms findings of a stored text without changing it (its writer, the voorzitter or a beheerder
     * after a warning): every fingerprint must be a finding of {@code fields}. Returns how many were new.
     */
    public int confirm(Handle handle, Subject subject, Map<String, String> fields, Parties parties, Accepted accepted,
                       Author author) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (accepted.reason().length() > Screening.MAX_REASON) {
            errors.add(new InvalidInput.FieldError("reason", "error.privacy.reason.tooLong", Screening.MAX_REASON));
        }
        if (accepted.none()) {
            errors.add(new InvalidInput.FieldError("fingerprints", "error.privacy.fingerprints.required"));
        }
        Screening screening = Screening.of(detector, fields, parties, accepted.fingerprints());
        Set<String> known = new HashSet<>();
        screening.confirmed().forEach(found -> known.add(found.fingerprint()));
        if (!known.containsAll(accepted.fingerprints())) {
            errors.add(new InvalidInput.FieldError("fingerprints", "error.privacy.text.fingerprints.unknown"));
        }
        InvalidInput.throwIfAny(errors);
        return record(handle, subject, screening, accepted, author).size();
    }

    /**
     * The panel for a form refused for another reason (a field error): the high-confidence findings of
     * what was typed stay in view with the writer's ticks, so nothing they did is lost.
     */
    public TextPanel panelForInvalid(Map<String, String> fields, Parties parties, Accepted accepted) {
        Screening screening = Screening.of(detector, fields, parties, accepted.fingerprints());
        List<FieldFinding> high = new ArrayList<>(screening.refusing());
        screening.confirmed().stream().filter(found -> found.kind().confidence() == Confidence.HIGH).forEach(high::add);
        return high.isEmpty() ? TextPanel.NONE : new TextPanel(high, true, accepted.fingerprints(), accepted.reason());
    }

    /**
     * The panel beside a text form refused with {@code refused}, for every form that screens a text: a
     * refusal for personal data shows its findings; any other (a field too long, a required field empty,
     * a bad date, a reason over {@value Screening#MAX_REASON} characters) keeps the high-confidence
     * findings of what was typed with the writer's ticks and reason ({@link #panelForInvalid}).
     * {@code typed}: field name to the text as sent (cleaned here as it is stored); {@code koppelzoneId}:
     * the koppelzone the text is written in (null for a national text).
     */
    public TextPanel panel(RuntimeException refused, Long koppelzoneId, Map<String, String> typed, Accepted accepted) {
        if (refused instanceof PersonalDataFound) {
            return TextPanel.of(refused, accepted);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        typed.forEach((field, text) -> fields.put(field, CleanText.text(text).replace("\r\n", "\n").strip()));
        return panelForInvalid(fields, parties(koppelzoneId), accepted);
    }

    /** The findings of a stored text not confirmed for it (what warns, and keeps it from the public). */
    public List<FieldFinding> unconfirmed(Handle handle, TextSource source, long id, Map<String, String> fields,
                                          Parties parties) {
        return Screening.of(detector, fields, parties, confirmed(handle, source, id)).unconfirmed();
    }

    /**
     * Whether a stored text waits for a privacy confirmation before the public may see it (issue 17
     * point 5): it has a finding not confirmed for it, scanned with the parties of its koppelzone. The
     * one rule for an experience's page and the count search shows the public (docs/PRIVACY.md).
     */
    public boolean waitsForConfirmation(Handle handle, TextSource source, long id, Map<String, String> fields) {
        return !unconfirmed(handle, source, id, fields, parties(handle, source, id)).isEmpty();
    }

    /** The fingerprints confirmed for one text. */
    public Set<String> confirmed(Handle handle, TextSource source, long id) {
        return new HashSet<>(handle.createQuery("""
                        SELECT fingerprint FROM text_privacy_confirmation WHERE source = :source AND source_id = :id
                        """)
                .bind("source", source.code()).bind("id", id).mapTo(String.class).list());
    }
}

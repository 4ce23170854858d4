package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.text.CleanText;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * The privacy guard on the reasons a voorzitter gives for retiring an agreement ({@link TextSource#RETIRE},
 * the agreement's id) and for withdrawing a proposal ({@link TextSource#WITHDRAW}, the round's id):
 * a high-confidence finding refuses the move unless its fingerprint is sent back; medium ones are warnings.
 * The reason is stored in the agreement ({@code retired_reason}), the round and the audit log, so it is
 * screened before any of them is written. A meeting's decision "vervallen" does not come through here: its
 * note is screened (and confirmed) as a decision note.
 */
final class LifecycleReasons {

    static final String FIELD = "reason";

    private final TextGuard guard;

    LifecycleReasons(TextGuard guard) {
        this.guard = guard;
    }

    /** The reason as stored: cleaned and stripped; required and at most {@link Lifecycle#MAX_REMARK} characters. */
    static String clean(String reason) {
        String why = CleanText.text(reason).strip();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "error.reason.required");
        }
        if (why.length() > Lifecycle.MAX_REMARK) {
            throw new InvalidInput("reason", "error.reason.tooLong", Lifecycle.MAX_REMARK);
        }
        return why;
    }

    /** Screens {@code reason} (cleaned, as it will be stored); refuses when a high finding is not confirmed. */
    Screening check(Handle handle, TextSource source, long id, Agreement agreement, String reason, Accepted accepted) {
        return guard.check(handle, subject(source, id, agreement), Screening.fields(FIELD, reason),
                guard.parties(agreement.koppelzone().id()), accepted);
    }

    /** Stores the confirmations sent with the reason (audited as privacy.confirm); returns the warnings. */
    List<FieldFinding> record(Handle handle, TextSource source, long id, Agreement agreement, Screening screening,
                              Accepted accepted, Author author) {
        guard.record(handle, subject(source, id, agreement), screening, accepted, author);
        return screening.warnings();
    }

    /** The findings to show beside the reason field after {@code refused}, with what the writer ticked. */
    TextPanel panel(Agreement agreement, String reason, RuntimeException refused, Accepted accepted) {
        return guard.panel(refused, agreement.koppelzone().id(), Screening.fields(FIELD, reason), accepted);
    }

    private static TextGuard.Subject subject(TextSource source, long id, Agreement agreement) {
        return new TextGuard.Subject(source, id, "agreement:" + agreement.id(), agreement.koppelzone().id());
    }
}

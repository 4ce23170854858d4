package nl.afsprakenwiki.leaks;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.PersonalDataFound;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.privacy.TextSource;
import org.jdbi.v3.core.Handle;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What publishing a leak asks of its texts: they go public, so every possible personal data in its title,
 * description and example, medium findings too, must be confirmed first (docs/PRIVACY.md, "Waardelekken").
 */
final class LeakPublication {

    private final Database db;
    private final LeakStore store;
    private final TextGuard guard;

    LeakPublication(Database db, LeakStore store, TextGuard guard) {
        this.db = db;
        this.store = store;
        this.guard = guard;
    }

    /** Refuses (with the findings) unless every finding in the leak's public texts is confirmed, or is in {@code accepted}. */
    void confirmEveryFinding(Handle handle, Leak leak, Accepted accepted, Author author) {
        if (accepted.reason().length() > Screening.MAX_REASON) {
            throw new InvalidInput("acceptanceReason", "error.privacy.reason.tooLong", Screening.MAX_REASON);
        }
        TextGuard.Subject subject = new TextGuard.Subject(TextSource.LEAK, leak.id(), "leak:" + leak.id(), leak.koppelzoneId());
        Set<String> confirmed = new HashSet<>(guard.confirmed(handle, TextSource.LEAK, leak.id()));
        confirmed.addAll(accepted.fingerprints());
        Screening screening = Screening.of(guard.detector(), Leaks.texts(leak), guard.parties(leak.koppelzoneId()), confirmed);
        if (!screening.unconfirmed().isEmpty()) {
            throw new PersonalDataFound(screening.unconfirmed(), PersonalDataFound.Reason.PUBLISH);
        }
        guard.record(handle, subject, screening, accepted, author);
    }

    /**
     * The findings beside the publish button after {@code refused}: those that refused it, or, refused for
     * another reason, every finding of the leak's texts not confirmed yet, with the voorzitter's ticks kept.
     */
    TextPanel panel(long leakId, RuntimeException refused, Accepted accepted) {
        if (refused instanceof PersonalDataFound) {
            return TextPanel.of(refused, accepted);
        }
        List<Screening.FieldFinding> open = db.read(handle -> store.find(handle, leakId)
                .map(leak -> Screening.of(guard.detector(), Leaks.texts(leak), guard.parties(leak.koppelzoneId()),
                        guard.confirmed(handle, TextSource.LEAK, leakId)).unconfirmed())
                .orElse(List.of()));
        return open.isEmpty() ? TextPanel.NONE : new TextPanel(open, true, accepted.fingerprints(), accepted.reason());
    }
}

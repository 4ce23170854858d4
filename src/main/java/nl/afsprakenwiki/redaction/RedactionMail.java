package nl.afsprakenwiki.redaction;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.redaction.RedactionStore.Family;
import nl.afsprakenwiki.web.Paths;
import org.jdbi.v3.core.Handle;

import java.util.Map;

/**
 * Tells the voorzitter of a koppelzone whose adopted copy was redacted along with its source, in the
 * transaction of the redaction. The mail names the agreement and the history page, never the text.
 */
public final class RedactionMail {

    private static final String VOORZITTERS = Recipients.roleIn("koppelzone", "voorzitter");

    private final Outbox outbox;

    public RedactionMail(Outbox outbox) {
        this.outbox = outbox;
    }

    void copyRedacted(Handle handle, Family copy, Agreement source, long redactionId) {
        String title = handle.createQuery("""
                        SELECT r.title FROM agreement a JOIN revision r ON r.agreement_id = a.id AND r.number = a.current_revision
                        WHERE a.id = :a""").bind("a", copy.agreementId()).mapTo(String.class).one();
        for (Outbox.Recipient to : Recipients.where(handle, VOORZITTERS, Map.of("koppelzone", copy.koppelzoneId()))) {
            Letter letter = Letter.in(outbox.texts(to.language()), "mail.redacted.subject", title)
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.redacted.body", title, source.koppelzone().name())
                    .action("mail.redacted.action", outbox.link(Paths.agreement(copy.agreementId(), "/geschiedenis")))
                    .footer("mail.footer").build();
            outbox.enqueue(handle, "redaction:" + redactionId + ":" + copy.agreementId(),
                    NotificationKind.REDACTED.code(), to, letter);
        }
    }
}

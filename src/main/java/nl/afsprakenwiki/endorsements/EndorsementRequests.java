package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;

/**
 * The mail that asks for a decision (issue 15): when a revision is proposed, each manager of each
 * party organisation that has not decided on the round yet gets one mail, in the proposal's own
 * transaction, with a link straight to their inbox. Nobody else; and nothing about anyone but the
 * recipient (not who proposed it).
 */
final class EndorsementRequests {

    static final String KIND = "endorsement.requested";

    private final Outbox outbox;

    EndorsementRequests(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Enqueues the requests for the open round {@code round} of {@code agreement}. */
    void proposed(Handle handle, Agreement agreement, Round round, String title) {
        if (!outbox.enabled()) {
            return;
        }
        for (Outbox.Recipient manager : undecidedManagers(handle, agreement, round)) {
            Texts texts = outbox.texts(manager.language());
            Letter letter = Letter.in(texts, "mail.endorsementRequested.subject", title)
                    .paragraph("mail.greeting", manager.displayName())
                    .paragraph("mail.endorsementRequested.body", title, agreement.koppelzone().name(),
                            agreement.koppelzone().municipality().name(), round.revision())
                    .paragraph("mail.endorsementRequested.why")
                    .action("mail.endorsementRequested.action", outbox.link(Paths.INBOX))
                    .footer("mail.footer").build();
            outbox.enqueue(handle, event(round), KIND, manager, letter);
        }
    }

    /** The event key of the proposal that opened {@code round}: the request and a superseded-round mail share it. */
    static String event(Round round) {
        return "round:" + round.id() + ":proposed";
    }

    /**
     * Managers in the agreement's koppelzone whose organisation is a party and has not decided on the
     * round; active accounts with an address only.
     */
    private static List<Outbox.Recipient> undecidedManagers(Handle handle, Agreement agreement, Round round) {
        return Recipients.where(handle, Recipients.roleIn("koppelzone", "manager") + """
                         AND a.organisation_id IN (SELECT organisation_id FROM agreement_party WHERE agreement_id = :agreement)
                         AND NOT EXISTS (SELECT 1 FROM endorsement e
                                         WHERE e.round_id = :round AND e.organisation_id = a.organisation_id)""",
                Map.of("koppelzone", agreement.koppelzone().id(), "agreement", agreement.id(), "round", round.id()));
    }
}

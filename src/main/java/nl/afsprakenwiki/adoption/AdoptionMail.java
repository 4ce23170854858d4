package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.Published;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.web.Paths;
import org.jdbi.v3.core.Handle;

import java.util.Map;

/**
 * The mails between a source and its adopters (issue 15), in the transaction of the event: when the
 * source becomes bekrachtigd with a new revision, the praktijkexperts and voorzitter of each adopting
 * koppelzone get the diff and the "bron bijwerken" page of their own agreement; when an adopter
 * proposes its change to the source, the source koppelzone's praktijkexperts and voorzitter get the
 * page of incoming proposals.
 */
public final class AdoptionMail implements Published {

    private static final String EDITORS = Recipients.roleIn("koppelzone", "praktijkexpert", "voorzitter");

    private final Outbox outbox;
    private final AdoptionStore store = new AdoptionStore();

    public AdoptionMail(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void endorsed(Handle handle, Agreement source, int revision, String title) {
        for (AdoptionStore.Link link : store.adoptionsOf(handle, source.id())) {
            var adopter = handle.createQuery("SELECT koppelzone_id, status FROM agreement WHERE id = :a")
                    .bind("a", link.agreementId()).mapToMap().one();
            if ("vervallen".equals(adopter.get("status")) || link.syncedRevision() >= revision) {
                continue;
            }
            String diff = outbox.link(Paths.agreement(source.id(), "/vergelijk") + "?van=" + link.syncedRevision() + "&naar=" + revision);
            for (Outbox.Recipient to : Recipients.where(handle, EDITORS, Map.of("koppelzone", adopter.get("koppelzone_id")))) {
                Letter letter = Letter.in(outbox.texts(to.language()), "mail.sourceUpdated.subject", title)
                        .paragraph("mail.greeting", to.displayName())
                        .paragraph("mail.sourceUpdated.body", title, source.koppelzone().name(),
                                source.koppelzone().municipality().name(), revision)
                        .paragraph("mail.sourceUpdated.diff", diff)
                        .action("mail.sourceUpdated.action", outbox.link(Paths.agreement(link.agreementId(), "/bron-bijwerken")))
                        .footer("mail.footer").build();
                outbox.enqueue(handle, "adoption:" + link.agreementId() + ":source:" + revision,
                        NotificationKind.SOURCE_UPDATED.code(), to, letter);
            }
        }
    }

    @Override
    public void retired(Handle handle, Agreement agreement, String title, boolean wasPublic) {
        // adopters see a retired source on their own agreement; no mail asks them to act
    }

    /** A proposal {@code proposalId} from an agreement in {@code from} arrived at {@code source}, titled {@code title}. */
    void proposalArrived(Handle handle, Agreement source, String title, Koppelzone from, long proposalId) {
        for (Outbox.Recipient to : Recipients.where(handle, EDITORS, Map.of("koppelzone", source.koppelzone().id()))) {
            Letter letter = Letter.in(outbox.texts(to.language()), "mail.sourceProposal.subject", title)
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.sourceProposal.body", from.name(), from.municipality().name(), title)
                    .action("mail.sourceProposal.action", outbox.link(Paths.agreement(source.id(), "/bronvoorstellen")))
                    .footer("mail.footer").build();
            outbox.enqueue(handle, "sourceProposal:" + proposalId, NotificationKind.SOURCE_PROPOSAL.code(), to, letter);
        }
    }
}

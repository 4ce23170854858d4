package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.PartyJoined;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.web.Paths;
import org.jdbi.v3.core.Handle;

import java.util.Map;

/**
 * The mail to a newly joined party (issue 15): its people in the koppelzone (accounts of the
 * organisation with a role there) learn how many agreements, endorsed before it joined, their
 * organisation must take note of, with a link to the "kennisname" page. Nothing when there are none.
 */
public final class TakeNoteMail implements PartyJoined {

    private final Outbox outbox;
    private final EndorsementStore store = new EndorsementStore();

    public TakeNoteMail(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void joined(Handle handle, Koppelzone koppelzone, Organisation organisation) {
        long count = store.applying(handle, koppelzone.id()).stream()
                .filter(row -> row.organisationId() == organisation.id() && row.acknowledgedAt() == null).count();
        if (count == 0) {
            return;
        }
        var members = Recipients.where(handle, "a.organisation_id = :organisation AND "
                        + Recipients.roleIn("koppelzone", "lezer", "praktijkexpert", "voorzitter", "manager"),
                Map.of("organisation", organisation.id(), "koppelzone", koppelzone.id()));
        for (Outbox.Recipient to : members) {
            Letter letter = Letter.in(outbox.texts(to.language()), "mail.takeNote.subject", koppelzone.name())
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.takeNote.body", organisation.name(), koppelzone.name(), koppelzone.municipality().name(),
                            count)
                    .action("mail.takeNote.action", outbox.link(Paths.koppelzone(koppelzone.slug(), "/kennisname")))
                    .footer("mail.footer").build();
            outbox.enqueue(handle, "party:" + koppelzone.id() + ":" + organisation.id() + ":joined",
                    NotificationKind.TAKE_NOTE.code(), to, letter);
        }
    }
}

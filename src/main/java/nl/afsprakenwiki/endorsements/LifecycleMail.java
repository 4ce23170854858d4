package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.agreements.Published;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.web.Paths;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mails of the endorsement lifecycle (issue 15), each enqueued in the transaction of its move:
 * the request to decide ({@link EndorsementRequests}), a superseded round to the managers who decided
 * on it, a decline and the endorsement to the proposer and the voorzitter(s); and what the public
 * sees changing is told to the {@link Published} listeners (followers, adopters). No mail names
 * anyone but its recipient.
 */
final class LifecycleMail {

    private static final String PROPOSER_OR_CHAIR = "a.id = (SELECT proposed_by_account_id FROM endorsement_round WHERE id = :round) OR "
            + Recipients.roleIn("koppelzone", "voorzitter");

    private final Outbox outbox;
    private final AgreementStore agreements;
    private final Published published;
    private final EndorsementRequests requests;

    LifecycleMail(Outbox outbox, AgreementStore agreements, Published published) {
        this.outbox = outbox;
        this.agreements = agreements;
        this.published = published;
        this.requests = new EndorsementRequests(outbox);
    }

    /**
     * A new round is open, replacing {@code superseded} if there was one: the managers who decided on
     * that one learn that their decision no longer counts, the others who must decide are asked. Both
     * are mails of this one proposal (one event key), so nobody gets both.
     */
    void proposed(Handle handle, Agreement agreement, Round round, Optional<Round> superseded, String title) {
        superseded.ifPresent(old -> superseded(handle, agreement, old, round, title));
        requests.proposed(handle, agreement, round, title);
    }

    /** {@code old} closed as vervangen by {@code round}: managers who decided on it must decide again. */
    private void superseded(Handle handle, Agreement agreement, Round old, Round round, String title) {
        int revision = round.revision();
        List<Outbox.Recipient> managers = Recipients.where(handle, Recipients.roleIn("koppelzone", "manager")
                        + " AND a.organisation_id IN (SELECT organisation_id FROM endorsement WHERE round_id = :round)",
                Map.of("koppelzone", agreement.koppelzone().id(), "round", old.id()));
        for (Outbox.Recipient manager : managers) {
            Letter letter = Letter.in(outbox.texts(manager.language()), "mail.superseded.subject", title)
                    .paragraph("mail.greeting", manager.displayName())
                    .paragraph("mail.superseded.body", title, agreement.koppelzone().name(), old.revision(), revision)
                    .action("mail.endorsementRequested.action", outbox.link(Paths.INBOX))
                    .footer("mail.footer").build();
            outbox.enqueue(handle, EndorsementRequests.event(round), NotificationKind.ROUND_SUPERSEDED.code(), manager, letter);
        }
    }

    /** {@code organisation} decided on the round's revision; a decline (with its remark) is told. */
    void decided(Handle handle, Agreement agreement, Round round, Organisation organisation, Decision.Kind kind,
                 String remark) {
        if (kind != Decision.Kind.DECLINE) {
            return;
        }
        String title = title(handle, agreement, round.revision());
        for (Outbox.Recipient to : proposerAndChairs(handle, agreement, round)) {
            Letter letter = Letter.in(outbox.texts(to.language()), "mail.declined.subject", title)
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.declined.body", organisation.name(), title, agreement.koppelzone().name(), round.revision())
                    .paragraph("mail.declined.remark", remark)
                    .action("mail.agreement.action", outbox.link(Paths.agreement(agreement.id())))
                    .footer("mail.footer").build();
            outbox.enqueue(handle, "round:" + round.id() + ":declined:" + organisation.id(), NotificationKind.DECLINED.code(),
                    to, letter);
        }
    }

    /** The round's revision was endorsed by every party: the agreement is bekrachtigd. */
    void endorsed(Handle handle, Agreement agreement, Round round) {
        String title = title(handle, agreement, round.revision());
        for (Outbox.Recipient to : proposerAndChairs(handle, agreement, round)) {
            Letter letter = Letter.in(outbox.texts(to.language()), "mail.endorsed.subject", title)
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.endorsed.body", title, agreement.koppelzone().name(), round.revision())
                    .action("mail.agreement.action", outbox.link(Paths.agreement(agreement.id())))
                    .footer("mail.footer").build();
            // the same event key as the followers' mail: who gets this one does not get that one too
            outbox.enqueue(handle, Published.endorsedEvent(agreement.id(), round.revision()), NotificationKind.ENDORSED.code(), to, letter);
        }
        published.endorsed(handle, agreement, round.revision(), title);
    }

    /** The agreement was retired: who follows it is told what they knew of it. */
    void retired(Handle handle, Agreement agreement) {
        boolean wasPublic = agreement.endorsedRevision() != null;
        published.retired(handle, agreement,
                title(handle, agreement, wasPublic ? agreement.endorsedRevision() : agreement.currentRevision()), wasPublic);
    }

    private List<Outbox.Recipient> proposerAndChairs(Handle handle, Agreement agreement, Round round) {
        return Recipients.where(handle, PROPOSER_OR_CHAIR, Map.of("koppelzone", agreement.koppelzone().id(), "round", round.id()));
    }

    private String title(Handle handle, Agreement agreement, int revision) {
        return agreements.revision(handle, agreement.id(), revision).orElseThrow().title();
    }
}

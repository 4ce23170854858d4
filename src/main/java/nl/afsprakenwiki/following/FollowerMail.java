package nl.afsprakenwiki.following;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.Published;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.web.Paths;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;

/**
 * Tells followers (issue 15, item 4) in the transaction of the event: one mail to each person who
 * follows the agreement, its koppelzone or one of its themes, when it becomes bekrachtigd with a new
 * revision or is retired. Never about a draft: a proposal or a new concept revision is no event here.
 * Only who may read what they are told: a new public revision everyone; the retirement of an
 * agreement that was public everyone who could read it until then, of one that never was only the
 * members of its koppelzone and beheerders. The endorsement mail to the proposer and voorzitter shares
 * the event key, so nobody gets two mails for one event.
 */
public final class FollowerMail implements Published {

    private static final String MAY_READ_DRAFTS = "a.is_admin = 1 OR " + Recipients.roleIn("koppelzone",
            "lezer", "praktijkexpert", "voorzitter", "manager");

    private final Outbox outbox;
    private final FollowStore store = new FollowStore();

    public FollowerMail(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void endorsed(Handle handle, Agreement agreement, int revision, String title) {
        for (Outbox.Recipient to : followers(handle, agreement, true)) {
            Letter letter = Letter.in(outbox.texts(to.language()), "mail.followed.endorsed.subject", title)
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.followed.endorsed.body", title, agreement.koppelzone().name(),
                            agreement.koppelzone().municipality().name(), revision)
                    .action("mail.agreement.action", outbox.link(Paths.agreement(agreement.id())))
                    .footer("mail.footer.follow").build();
            outbox.enqueue(handle, Published.endorsedEvent(agreement.id(), revision), NotificationKind.FOLLOWED.code(), to,
                    letter);
        }
    }

    @Override
    public void retired(Handle handle, Agreement agreement, String title, boolean wasPublic) {
        for (Outbox.Recipient to : followers(handle, agreement, wasPublic)) {
            Letter letter = Letter.in(outbox.texts(to.language()), "mail.followed.retired.subject", title)
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.followed.retired.body", title, agreement.koppelzone().name(),
                            agreement.koppelzone().municipality().name())
                    // a retired agreement is no longer public: its koppelzone's page is
                    .action("mail.followed.retired.action", outbox.link(Paths.koppelzone(agreement.koppelzone().slug())))
                    .footer("mail.footer.follow").build();
            outbox.enqueue(handle, "agreement:" + agreement.id() + ":retired", NotificationKind.FOLLOWED.code(), to, letter);
        }
    }

    private List<Outbox.Recipient> followers(Handle handle, Agreement agreement, boolean everyoneMayRead) {
        List<Long> followers = store.followersOf(handle, agreement.id());
        if (followers.isEmpty()) {
            return List.of();
        }
        String condition = "a.id IN (<followers>)"
                + (everyoneMayRead ? "" : " AND (" + MAY_READ_DRAFTS + ")");
        return Recipients.where(handle, condition, Map.of("followers", followers, "koppelzone", agreement.koppelzone().id()));
    }
}

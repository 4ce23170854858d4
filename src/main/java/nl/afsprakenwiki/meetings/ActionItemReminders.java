package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.notifications.DailyRun;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily run's action-item reminders (issue 15): the owner of an open action item hears two days
 * before it is due (or at once, when it was given a due date closer than that). Once per item and
 * due date: a new due date is a new reminder.
 */
public final class ActionItemReminders implements DailyRun.Task {

    static final int DAYS_AHEAD = 2;

    private final Outbox outbox;

    public ActionItemReminders(Outbox outbox) {
        this.outbox = outbox;
    }

    private record Due(long id, String description, LocalDate dueDate, long meetingId, Outbox.Recipient owner) {
    }

    private record Open(long id, String description, LocalDate dueDate, long meetingId, long owner) {
    }

    @Override
    public void run(Handle handle, LocalDate day) {
        if (!outbox.enabled()) {
            return;
        }
        for (Due due : dueSoon(handle, day)) {
            Texts texts = outbox.texts(due.owner().language());
            String date = texts.date(due.dueDate());
            Letter letter = Letter.in(texts, "mail.actionDue.subject", due.description(), date)
                    .paragraph("mail.greeting", due.owner().displayName())
                    .paragraph("mail.actionDue.body", due.description(), date)
                    .action("mail.actionDue.action", outbox.link(Paths.meeting(due.meetingId())))
                    .footer("mail.footer").build();
            outbox.enqueue(handle, "action:" + due.id() + ":due:" + due.dueDate(), NotificationKind.ACTION_ITEM.code(),
                    due.owner(), letter);
        }
    }

    /** Open items with an owner, due from {@code day} up to two days later. */
    private static List<Due> dueSoon(Handle handle, LocalDate day) {
        return handle.createQuery("""
                        SELECT i.id, i.description, i.due_date, i.meeting_id, i.owner_account_id FROM action_item i
                        WHERE i.status = 'open' AND i.owner_account_id IS NOT NULL AND i.due_date BETWEEN :from AND :until
                        ORDER BY i.id
                        """)
                .bind("from", day.toString()).bind("until", day.plusDays(DAYS_AHEAD).toString())
                .map((rs, ctx) -> new Open(rs.getLong("id"), rs.getString("description"),
                        LocalDate.parse(rs.getString("due_date")), rs.getLong("meeting_id"), rs.getLong("owner_account_id")))
                .list().stream()
                // only owners who are active and have an address, each in their own language
                .flatMap(open -> Recipients.byId(handle, open.owner()).map(to -> new Due(open.id(), open.description(),
                        open.dueDate(), open.meetingId(), to)).stream())
                .toList();
    }
}

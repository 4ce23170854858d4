package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.notifications.DailyRun;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
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
                        SELECT i.id, i.description, i.due_date, i.meeting_id, a.id AS account, a.display_name, a.email
                        FROM action_item i JOIN account a ON a.id = i.owner_account_id
                        WHERE i.status = 'open' AND i.due_date BETWEEN :from AND :until
                          AND a.disabled = 0 AND a.email <> ''
                        ORDER BY i.id
                        """)
                .bind("from", day.toString()).bind("until", day.plusDays(DAYS_AHEAD).toString())
                .map((rs, ctx) -> new Due(rs.getLong("id"), rs.getString("description"), LocalDate.parse(rs.getString("due_date")),
                        rs.getLong("meeting_id"), new Outbox.Recipient(rs.getLong("account"), rs.getString("display_name"),
                        rs.getString("email"), "nl")))
                .list();
    }
}

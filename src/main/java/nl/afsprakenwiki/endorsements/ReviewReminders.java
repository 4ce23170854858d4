package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.notifications.DailyRun;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

/**
 * The daily run's review reminders (issue 15): the voorzitter and the praktijkexperts of a koppelzone
 * hear of an agreement whose review date falls within 30 days (once per review date), and of one
 * whose review date is past (once a week at most). The event keys make each reminder unique; they go
 * at once or in the digest as each person chose (by default the digest).
 */
public final class ReviewReminders implements DailyRun.Task {

    static final int DAYS_AHEAD = 30;

    private final Outbox outbox;

    public ReviewReminders(Outbox outbox) {
        this.outbox = outbox;
    }

    private record Due(long agreementId, String title, LocalDate reviewDate, long koppelzoneId) {
    }

    @Override
    public void run(Handle handle, LocalDate day) {
        if (!outbox.enabled()) {
            return;
        }
        for (Due due : dueBy(handle, day.plusDays(DAYS_AHEAD))) {
            boolean past = due.reviewDate().isBefore(day);
            String event = "review:" + due.agreementId() + ":" + due.reviewDate() + (past
                    ? ":overdue:" + day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                    : ":30d");
            for (Outbox.Recipient person : chairAndExperts(handle, due.koppelzoneId())) {
                Texts texts = outbox.texts(person.language());
                String date = texts.date(due.reviewDate());
                Letter letter = Letter.in(texts, past ? "mail.reviewOverdue.subject" : "mail.reviewDue.subject", due.title(), date)
                        .paragraph("mail.greeting", person.displayName())
                        .paragraph(past ? "mail.reviewOverdue.body" : "mail.reviewDue.body", due.title(), date)
                        .action("mail.reviewDue.action", outbox.link(Paths.agreement(due.agreementId())))
                        .footer("mail.footer").build();
                outbox.enqueue(handle, event, NotificationKind.REVIEW_DUE.code(), person, letter);
            }
        }
    }

    /** Agreements in force (bekrachtigd) whose review date is on or before {@code until}. */
    private static List<Due> dueBy(Handle handle, LocalDate until) {
        return handle.createQuery("""
                        SELECT a.id, r.title, a.review_date, a.koppelzone_id FROM agreement a
                        JOIN revision r ON r.agreement_id = a.id AND r.number = coalesce(a.endorsed_revision, a.current_revision)
                        WHERE a.status = 'bekrachtigd' AND a.review_date IS NOT NULL AND a.review_date <= :until
                        ORDER BY a.id
                        """)
                .bind("until", until.toString())
                .map((rs, ctx) -> new Due(rs.getLong("id"), rs.getString("title"), LocalDate.parse(rs.getString("review_date")),
                        rs.getLong("koppelzone_id")))
                .list();
    }

    private static List<Outbox.Recipient> chairAndExperts(Handle handle, long koppelzoneId) {
        return Recipients.where(handle, Recipients.roleIn("koppelzone", "voorzitter", "praktijkexpert"),
                Map.of("koppelzone", koppelzoneId));
    }
}

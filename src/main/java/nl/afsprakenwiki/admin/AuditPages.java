package nl.afsprakenwiki.admin;

import io.javalin.http.Context;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.web.Paging;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The audit log for the beheerder: who did what when, as readable sentences, filtered by person,
 * koppelzone, action and period, newest first, a page at a time; the recorded details behind a disclosure.
 */
public final class AuditPages {

    private static final int AUDIT_PAGE = 50;

    private final KoppelzoneService koppelzones;
    private final AuditLog audit;
    private final AuditSubjects subjects;
    private final Views views;

    public AuditPages(KoppelzoneService koppelzones, AuditLog audit, AuditSubjects subjects, Views views) {
        this.koppelzones = koppelzones;
        this.audit = audit;
        this.subjects = subjects;
        this.views = views;
    }

    public record Audit(List<AuditSentences.Line> events, List<Koppelzone> koppelzones, List<String> actions,
                        Map<String, String> filter, int page, boolean more) {
        /** The query string for another page of the same filter. */
        public String pageLink(int number) {
            return PageLinks.link(filter, number);
        }
    }

    public void audit(Context ctx) {
        Map<String, String> filter = RequestParts.fields(ctx, "persoon", "koppelzone", "actie", "van", "tot");
        int page = Paging.pageNumber(ctx.queryParam("pagina"));
        Long koppelzone = koppelzones.bySlug(filter.get("koppelzone")).map(Koppelzone::id).orElse(null);
        var events = audit.search(new AuditLog.Filter(filter.get("persoon"), koppelzone, date(filter.get("van")),
                date(filter.get("tot")), filter.get("actie")), AUDIT_PAGE + 1, (page - 1) * AUDIT_PAGE);
        boolean more = events.size() > AUDIT_PAGE;
        List<AuditLog.Event> shown = more ? events.subList(0, AUDIT_PAGE) : events;
        AuditSentences sentences = new AuditSentences(views.texts(ctx),
                subjects.of(shown, AuditSentences.organisationsIn(shown)));
        views.render(ctx, "admin/audit.jte", new Audit(shown.stream().map(sentences::line).toList(), koppelzones.all(),
                AuditSentences.ACTIONS, filter, page, more));
    }

    /** A date typed in the filter; one that is no date filters nothing. */
    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

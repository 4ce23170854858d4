package nl.afsprakenwiki.leaks;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.web.Json;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JSON API of waardelekken (docs/API.md, "Waardelekken"): a koppelzone's leaks for its members,
 * reporting one, one leak, and the voorzitter's changes (status, agreements, published).
 */
public final class LeakApi {

    private final Leaks leaks;
    private final Json json;

    public LeakApi(Leaks leaks, Json json) {
        this.leaks = leaks;
        this.json = json;
    }

    record ReportRequest(List<String> parties, String moment, String title, String description, String frequency,
                         String example, List<String> acceptedFindings, String acceptanceReason) {
    }

    record ChangeRequest(String status, String reason, List<Long> agreements, Boolean published,
                         List<String> acceptedFindings, String acceptanceReason) {
    }

    /** {@code GET /koppelzones/{slug}/leaks?status=&moment=}. */
    public void list(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        Leak.Status status = status(ctx.queryParam("status"));
        List<Map<String, Object>> items = leaks.ofKoppelzone(koppelzone.id(), status, ctx.queryParam("moment")).stream()
                .map(LeakApi::json).toList();
        ctx.json(Json.object("total", items.size(), "items", items));
    }

    /** {@code POST /koppelzones/{slug}/leaks}. */
    public void report(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        ReportRequest r = json.read(ctx, ReportRequest.class);
        Leak leak = leaks.report(koppelzone.id(), new Leaks.Report(r.parties(), r.moment(), r.title(), r.description(),
                r.frequency(), r.example()), Accepted.of(r.acceptedFindings(), r.acceptanceReason()), Current.viewer(ctx).author());
        ctx.status(201).header("Location", "/api/v1/leaks/" + leak.id()).json(json(leak));
    }

    /** {@code GET /leaks/{leak}}: with its history and comments for members. */
    public void show(Context ctx) {
        Leak leak = Current.leak(ctx);
        ctx.json(full(leak, Current.viewer(ctx)));
    }

    /** {@code PATCH /leaks/{leak}}: status (with reason), agreements to link, published. */
    public void change(Context ctx) {
        Leak leak = Current.leak(ctx);
        ChangeRequest r = json.read(ctx, ChangeRequest.class);
        Accepted accepted = Accepted.of(r.acceptedFindings(), r.acceptanceReason());
        var author = Current.viewer(ctx).author();
        if (r.status() != null || (r.agreements() != null && !r.agreements().isEmpty())) {
            Leak.Status status = r.status() == null ? leak.status() : status(r.status());
            leak = leaks.changeStatus(leak.id(), status, r.reason() == null ? leak.reason() : r.reason(), r.agreements(),
                    accepted, author);
        }
        if (r.published() != null) {
            leak = leaks.publish(leak.id(), r.published(), accepted, author);
        }
        ctx.json(full(leak, Current.viewer(ctx)));
    }

    private Map<String, Object> full(Leak leak, Viewer viewer) {
        Map<String, Object> out = json(Leaks.as(leak, viewer));
        if (viewer.can(Permission.READ_DRAFTS, leak.koppelzoneId())) {
            out.put("history", leaks.history(leak.id()).stream().map(e -> Json.object("kind", e.kind(),
                    "status", e.status() == null ? null : e.status().code(), "detail", e.detail(), "author", e.authorName(),
                    "at", e.at().toString())).toList());
            out.put("comments", leaks.comments(leak.id()).stream().map(c -> Json.object("id", c.id(), "author", c.authorName(),
                    "text", c.body(), "createdAt", c.createdAt().toString())).toList());
        }
        return out;
    }

    static Map<String, Object> json(Leak leak) {
        return Json.object("id", leak.id(), "title", leak.title(), "moment", leak.moment(), "description", leak.description(),
                "frequency", leak.frequency(), "example", leak.example(), "status", leak.status().code(),
                "reason", leak.reason(), "published", leak.published(), "reportedBy", leak.authorName(),
                "createdAt", leak.createdAt().toString(), "updatedAt", leak.updatedAt().toString(),
                "parties", leak.parties().stream().map(o -> Json.object("slug", o.slug(), "name", o.name())).toList(),
                "agreements", leak.agreements().stream().map(a -> Json.object("id", a.id(), "slug", a.slug(),
                        "title", a.title(), "status", a.status())).toList());
    }

    private static Leak.Status status(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Leak.Status.of(code).orElseThrow(() -> Json.unknownValue("status", code,
                Arrays.stream(Leak.Status.values()).map(Leak.Status::code).toList()));
    }
}

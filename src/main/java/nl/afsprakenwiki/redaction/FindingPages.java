package nl.afsprakenwiki.redaction;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.koppelzones.Current;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.privacy.FindingRegister;
import nl.afsprakenwiki.privacy.FindingRegister.Stored;
import nl.afsprakenwiki.privacy.Kind;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.web.Views;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The findings of the privacy register (issue 17 point 4): for a beheerder every koppelzone with its
 * counts ({@code /beheer/persoonsgegevens}); for the voorzitter of a koppelzone, and the beheerder, the
 * findings themselves ({@code /koppelzones/{slug}/persoonsgegevens}): per agreement (or comment,
 * minutes …) and fingerprint, with the revisions it is in, the text around it, and for a beheerder the
 * link that redacts it. The register catches up before the page is drawn, for at most two seconds;
 * a page drawn earlier says how many texts still wait.
 */
public final class FindingPages {

    private static final Duration CATCH_UP = Duration.ofSeconds(2);
    /** The most findings one page reads (a koppelzone with more shows the first and says so). */
    private static final int LIMIT = 5_000;
    private static final int CONTEXT = 60;

    /** The text around a finding: what comes before, the match, what follows. */
    public record Snippet(String before, String match, String after) {
    }

    /**
     * One finding, with every place the same data (fingerprint) is in the same agreement's revisions
     * (or the same comment, minutes …). {@code place} is the agreement's title or the meeting's start.
     */
    public record Group(String source, Long agreementId, Long meetingId, String place, Kind kind, List<Integer> revisions,
                        List<String> fields, Snippet snippet, boolean confirmed, String showHref, String redactHref) {
        public boolean high() {
            return kind.confidence() == nl.afsprakenwiki.privacy.Confidence.HIGH;
        }
    }

    /** One page of {@link #PER_PAGE} findings ({@code page} from 1 to {@code pages}) of {@code total}. */
    public record ZonePage(Koppelzone koppelzone, List<Group> groups, int pending, boolean withConfirmed, boolean mayRedact,
                           boolean truncated, String notice, int page, int pages, int total) {
        public String pageLink(int number) {
            return "/koppelzones/" + koppelzone.slug() + "/persoonsgegevens?pagina=" + number + (withConfirmed ? "&alle=ja" : "");
        }
    }

    /** The findings shown per page; the text around each is read for those only. */
    static final int PER_PAGE = 100;

    public record ZoneRow(Koppelzone koppelzone, int findings, int high, int unconfirmed) {
    }

    public record Overview(List<ZoneRow> zones, int pending) {
    }

    private final FindingRegister register;
    private final KoppelzoneService koppelzones;
    private final Views views;

    public FindingPages(FindingRegister register, KoppelzoneService koppelzones, Views views) {
        this.register = register;
        this.koppelzones = koppelzones;
        this.views = views;
    }

    /** Every koppelzone with findings, for a beheerder. */
    public void overview(Context ctx) {
        register.catchUp(Progress.NONE, CATCH_UP);
        Map<Long, Koppelzone> byId = new LinkedHashMap<>();
        for (Koppelzone koppelzone : koppelzones.all()) {
            byId.put(koppelzone.id(), koppelzone);
        }
        List<ZoneRow> rows = new ArrayList<>();
        for (FindingRegister.ZoneCount count : register.counts()) {
            Koppelzone koppelzone = byId.get(count.koppelzoneId());
            if (koppelzone != null) {
                rows.add(new ZoneRow(koppelzone, count.findings(), count.high(), count.unconfirmed()));
            }
        }
        rows.sort((a, b) -> a.koppelzone().name().compareToIgnoreCase(b.koppelzone().name()));
        views.render(ctx, "redaction/findings-overview.jte", new Overview(rows, register.pending()));
    }

    /** The findings of one koppelzone, for its voorzitter and a beheerder; {@code ?alle=ja} with confirmed ones. */
    public void koppelzone(Context ctx) {
        register.catchUp(Progress.NONE, CATCH_UP);
        Koppelzone koppelzone = Current.koppelzone(ctx);
        boolean withConfirmed = "ja".equals(ctx.queryParam("alle"));
        boolean mayRedact = Current.viewer(ctx).can(Permission.REDACT, koppelzone.id());
        List<Stored> stored = register.findings(koppelzone.id(), withConfirmed, LIMIT + 1);
        boolean truncated = stored.size() > LIMIT;
        List<List<Stored>> all = grouped(stored.subList(0, Math.min(stored.size(), LIMIT)));
        int pages = Math.max(1, (all.size() + PER_PAGE - 1) / PER_PAGE);
        int page = Math.min(pages, Math.max(1, pageNumber(ctx.queryParam("pagina"))));
        List<Group> groups = groups(all.subList((page - 1) * PER_PAGE, Math.min(all.size(), page * PER_PAGE)),
                register.places(koppelzone.id()), mayRedact);
        String notice = "verwijderd".equals(ctx.queryParam("melding")) ? "findings.notice.redacted" : null;
        views.render(ctx, "redaction/findings.jte", new ZonePage(koppelzone, groups, register.pending(), withConfirmed,
                mayRedact, truncated, notice, page, pages, all.size()));
    }

    private static int pageNumber(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The findings by line: the same data in one agreement's revisions, or in one comment and its earlier texts. */
    private static List<List<Stored>> grouped(List<Stored> stored) {
        Map<String, List<Stored>> byKey = new LinkedHashMap<>();
        for (Stored finding : stored) {
            byKey.computeIfAbsent(key(finding), key -> new ArrayList<>()).add(finding);
        }
        return new ArrayList<>(byKey.values());
    }

    private List<Group> groups(List<List<Stored>> lines, FindingRegister.Places places, boolean mayRedact) {
        List<Stored> shown = lines.stream().map(FindingPages::latest).toList();
        // the text around each line's finding: read for the whole page at once
        Map<Long, String> texts = register.texts(shown);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Stored latest = shown.get(i);
            TreeSet<Integer> revisions = new TreeSet<>();
            TreeSet<String> fields = new TreeSet<>();
            boolean confirmed = true;
            for (Stored finding : lines.get(i)) {
                if (finding.source().equals("revision")) {
                    revisions.add(finding.revisionNumber());
                }
                fields.add(finding.field());
                confirmed &= finding.confirmed();
            }
            groups.add(new Group(latest.source(), latest.agreementId(), latest.meetingId(), place(latest, places),
                    latest.kind(), List.copyOf(revisions), List.copyOf(fields), snippet(latest, texts.get(latest.id())),
                    confirmed, showHref(latest), mayRedact ? redactHref(latest) : null));
        }
        return groups;
    }

    /**
     * The finding of a line that shows its text and where a redaction starts: the newest revision, or the
     * comment itself rather than one of its earlier texts.
     */
    private static Stored latest(List<Stored> line) {
        Stored latest = line.get(0);
        for (Stored finding : line) {
            if (finding.source().equals("revision") && finding.revisionNumber() > latest.revisionNumber()
                    || finding.source().equals("comment")) {
                latest = finding;
            }
        }
        return latest;
    }

    /** The same data in the same agreement's revisions, or in the same comment and its earlier texts, is one line. */
    private static String key(Stored finding) {
        return switch (finding.source()) {
            case "revision" -> "revision:" + finding.agreementId() + ":" + finding.fingerprint();
            case "comment", "comment_edit" -> "comment:" + finding.itemId() + ":" + finding.fingerprint();
            default -> finding.source() + ":" + finding.sourceId() + ":" + finding.fingerprint();
        };
    }

    private static String place(Stored finding, FindingRegister.Places places) {
        if (finding.source().startsWith("leak")) {
            return places.leaks().getOrDefault(finding.itemId(), "");
        }
        if (finding.agreementId() != null && places.agreements().containsKey(finding.agreementId())) {
            return places.agreements().get(finding.agreementId());
        }
        if (finding.meetingId() != null && places.meetings().containsKey(finding.meetingId())) {
            return places.meetings().get(finding.meetingId());
        }
        return "";
    }

    /** The text around {@code finding} in {@code text}; null when the text is gone or shorter (changed since the scan). */
    private static Snippet snippet(Stored finding, String text) {
        if (text == null || finding.end() > text.length()) {
            return null;
        }
        return new Snippet(text.substring(Math.max(0, finding.start() - CONTEXT), finding.start()),
                text.substring(finding.start(), finding.end()),
                text.substring(finding.end(), Math.min(text.length(), finding.end() + CONTEXT)));
    }

    private static String showHref(Stored finding) {
        return switch (finding.source()) {
            case "revision" -> "/afspraken/" + finding.agreementId() + "/revisies/" + finding.revisionNumber();
            case "comment", "comment_edit" -> "/afspraken/" + finding.agreementId() + "/discussie#opmerking-" + finding.itemId();
            case "experience" -> "/afspraken/" + finding.agreementId() + "/ervaringen";
            case "leak", "leak_comment" -> "/waardelekken/" + finding.itemId();
            case "remark" -> "/afspraken/" + finding.agreementId() + "/bekrachtigingen";
            case "minutes", "decision", "action" -> "/overleggen/" + finding.meetingId();
            default -> "/afspraken/" + finding.agreementId();
        };
    }

    /** Where a beheerder removes it: a span of a revision, or the whole comment, minutes, experience, note … */
    private static String redactHref(Stored finding) {
        return switch (finding.source()) {
            case "revision" -> "/afspraken/" + finding.agreementId() + "/persoonsgegeven-verwijderen?revisie="
                    + finding.revisionNumber() + "&vondst=" + URLEncoder.encode(finding.fingerprint(), StandardCharsets.UTF_8);
            case "comment", "comment_edit" -> "/afspraken/" + finding.agreementId() + "/opmerkingen/" + finding.itemId()
                    + "/persoonsgegevens-verwijderen";
            case "minutes" -> "/overleggen/" + finding.meetingId() + "/agenda/" + finding.itemId() + "/notulen-verwijderen";
            case "experience" -> "/afspraken/" + finding.agreementId() + "/ervaringen/" + finding.sourceId()
                    + "/persoonsgegevens-verwijderen";
            case "remark" -> "/afspraken/" + finding.agreementId() + "/bekrachtigingen/" + finding.sourceId()
                    + "/persoonsgegevens-verwijderen";
            case "decision" -> "/overleggen/" + finding.meetingId() + "/besluiten/" + finding.sourceId()
                    + "/persoonsgegevens-verwijderen";
            case "action" -> "/overleggen/" + finding.meetingId() + "/actiepunten/" + finding.sourceId()
                    + "/persoonsgegevens-verwijderen";
            case "leak" -> LeakRedactions.Field.of(finding.field())
                    .map(field -> "/waardelekken/" + finding.itemId() + "/" + field.path() + "/persoonsgegevens-verwijderen")
                    .orElse(null);
            case "leak_comment" -> "/waardelekken/" + finding.itemId() + "/opmerkingen/" + finding.sourceId()
                    + "/persoonsgegevens-verwijderen";
            default -> null;
        };
    }
}

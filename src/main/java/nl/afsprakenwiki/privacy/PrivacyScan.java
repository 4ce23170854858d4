package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.Progress;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code privacy-scan} (issue 17 point 4): scans every stored text again - each revision, current and
 * historical (title, text, summary), comments and their earlier texts, experiences, minutes, decision
 * notes, action items and endorsement remarks - into the {@link FindingRegister}, with progress, and
 * prints per koppelzone where it found what: the place, field, kind, confidence, fingerprint and
 * offsets, never the text itself. The register is what the beheerder's page shows, so after a scan
 * (say, after an upgrade that changed the rules) the page is complete at once. Scans a batch per
 * short transaction, so memory stays bounded and a running server is not held up.
 */
public final class PrivacyScan {

    /** What one scan read and found. */
    public record Report(int koppelzones, int texts, int findings, int high, int unconfirmed) {
    }

    private record Zone(long id, String slug, String name) {
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("title", "titel"), Map.entry("body", "tekst"),
            Map.entry("summary", "samenvatting"), Map.entry("text", "tekst"), Map.entry("minutes", "notulen"),
            Map.entry("note", "toelichting"), Map.entry("description", "omschrijving"), Map.entry("remark", "opmerking"),
            Map.entry("example", "voorbeeld"), Map.entry("reason", "reden"));

    private final Database db;
    private final FindingRegister register;

    public PrivacyScan(Database db, FindingRegister register) {
        this.db = db;
        this.register = register;
    }

    public Report run(PrintStream out, Progress progress) {
        int texts = db.write(handle -> handle.createUpdate("""
                INSERT INTO privacy_scan_queue (source, source_id)
                SELECT source, source_id FROM privacy_text_zone WHERE true ORDER BY koppelzone_id, source, source_id
                ON CONFLICT (source, source_id) DO UPDATE SET source_id = excluded.source_id""").execute());
        register.catchUp(progress, null);
        List<Zone> zones = db.read(handle -> handle.createQuery("SELECT id, slug, name FROM koppelzone ORDER BY slug")
                .map((rs, ctx) -> new Zone(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).list());
        int findings = 0;
        int high = 0;
        int unconfirmed = 0;
        for (Zone zone : zones) {
            List<FindingRegister.Stored> found = register.findings(zone.id(), true, Integer.MAX_VALUE);
            if (found.isEmpty()) {
                continue;
            }
            out.println("Koppelzone " + zone.slug() + " (" + zone.name() + "):");
            for (FindingRegister.Stored finding : found) {
                out.printf("  %s, %s: %s (%s%s), vingerafdruk %s, tekens %d-%d%n", place(finding),
                        FIELDS.getOrDefault(finding.field(), finding.field()), finding.kind().code(),
                        finding.kind().confidence() == Confidence.HIGH ? "zeker" : "mogelijk",
                        finding.confirmed() ? ", bevestigd" : "", finding.fingerprint(), finding.start(), finding.end());
                findings++;
                high += finding.kind().confidence() == Confidence.HIGH ? 1 : 0;
                unconfirmed += finding.confirmed() ? 0 : 1;
            }
        }
        Report report = new Report(zones.size(), texts, findings, high, unconfirmed);
        out.printf("Gescand: %d teksten in %d koppelzones; %d vondsten (%d zeker, %d mogelijk), %d niet bevestigd.%n",
                report.texts(), report.koppelzones(), report.findings(), report.high(), report.findings() - report.high(),
                report.unconfirmed());
        return report;
    }

    private static String place(FindingRegister.Stored f) {
        return switch (f.source()) {
            case "revision" -> "afspraak " + f.agreementId() + ", revisie " + f.revisionNumber();
            case "comment" -> "reactie " + f.sourceId() + " bij afspraak " + f.agreementId();
            case "comment_edit" -> "eerdere tekst van reactie " + f.itemId() + " bij afspraak " + f.agreementId();
            case "experience" -> "ervaring " + f.sourceId() + " bij afspraak " + f.agreementId();
            case "minutes" -> "notulen van agendapunt " + f.itemId() + " van overleg " + f.meetingId();
            case "decision" -> "besluit " + f.sourceId() + " in overleg " + f.meetingId();
            case "action" -> "actiepunt " + f.sourceId() + " van overleg " + f.meetingId();
            case "remark" -> "opmerking bij bekrachtiging " + f.sourceId() + " van afspraak " + f.agreementId();
            case "leak" -> "waardelek " + f.sourceId();
            case "leak_comment" -> "reactie " + f.sourceId() + " bij waardelek " + f.itemId();
            default -> f.source() + " " + f.sourceId();
        };
    }
}

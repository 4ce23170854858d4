package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.Progress;
import org.jdbi.v3.core.Handle;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code privacy-scan} (issue 17 point 4): runs the detector over every revision, current and
 * historical, of every agreement (title, text and summary) and prints per koppelzone where it found
 * what: agreement, revision, field, kind, confidence, fingerprint and offsets - never the text itself.
 * Reads a page of revisions per short read transaction, so memory stays bounded and a running server
 * is not held up, whatever the size of the history.
 */
public final class PrivacyScan {

    /** What one scan read and found. */
    public record Report(int koppelzones, int revisions, int findings, int high, int revisionsWithFindings) {
    }

    private record Zone(long id, String slug, String name) {
    }

    private record StoredRevision(long agreementId, int number, String title, String body, String summary) {
    }

    private static final int PAGE = 200;
    private static final String PHASE = "revisies scannen";

    private final Database db;
    private final PrivacyDetector detector;
    private final KnownParties parties;

    /** @param parties the listed numbers and domains of each koppelzone's parties, which are no findings there */
    public PrivacyScan(Database db, PrivacyDetector detector, KnownParties parties) {
        this.db = db;
        this.detector = detector;
        this.parties = parties;
    }

    public Report run(PrintStream out, Progress progress) {
        List<Zone> zones = db.read(handle -> handle.createQuery("SELECT id, slug, name FROM koppelzone ORDER BY slug")
                .map((rs, ctx) -> new Zone(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).list());
        int total = db.read(handle -> handle.createQuery("SELECT count(*) FROM revision").mapTo(Integer.class).one());
        Tally tally = new Tally(out, progress, total);
        for (Zone zone : zones) {
            scanZone(zone, tally);
        }
        progress.step(PHASE, total, total);
        Report report = new Report(zones.size(), tally.revisions, tally.findings, tally.high, tally.revisionsWithFindings);
        out.printf("Gescand: %d revisies in %d koppelzones; %d vondsten (%d zeker, %d mogelijk) in %d revisies.%n",
                report.revisions(), report.koppelzones(), report.findings(), report.high(),
                report.findings() - report.high(), report.revisionsWithFindings());
        return report;
    }

    private void scanZone(Zone zone, Tally tally) {
        tally.startZone(zone.slug() + " (" + zone.name() + ")");
        Parties zoneParties = parties.of(zone.id());
        long afterAgreement = 0;
        int afterNumber = 0;
        while (true) {
            long fromAgreement = afterAgreement;
            int fromNumber = afterNumber;
            List<StoredRevision> page = db.read(handle -> page(handle, zone.id(), fromAgreement, fromNumber));
            for (StoredRevision revision : page) {
                tally.revision(revision.agreementId(), revision.number(), List.of(
                        new Field("titel", revision.title()), new Field("tekst", revision.body()),
                        new Field("samenvatting", revision.summary())), detector, zoneParties);
            }
            if (page.size() < PAGE) {
                return;
            }
            StoredRevision last = page.get(page.size() - 1);
            afterAgreement = last.agreementId();
            afterNumber = last.number();
        }
    }

    /** The next page of a koppelzone's revisions after (agreement, number), in that order (keyset paging). */
    private static List<StoredRevision> page(Handle handle, long zone, long afterAgreement, int afterNumber) {
        return handle.createQuery("""
                        SELECT r.agreement_id, r.number, r.title, r.body, r.summary
                        FROM revision r JOIN agreement a ON a.id = r.agreement_id
                        WHERE a.koppelzone_id = :zone
                          AND (r.agreement_id > :agreement OR (r.agreement_id = :agreement AND r.number > :number))
                        ORDER BY r.agreement_id, r.number
                        LIMIT :page""")
                .bind("zone", zone).bind("agreement", afterAgreement).bind("number", afterNumber).bind("page", PAGE)
                .map((rs, ctx) -> new StoredRevision(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** One field of a revision, by its Dutch name in the output. */
    record Field(String name, String text) {
    }

    /** Counts and prints as the scan goes; a koppelzone's heading only once it has a finding. */
    private static final class Tally {
        private final PrintStream out;
        private final Progress progress;
        private final int total;
        private String zoneHeading;
        int revisions;
        int findings;
        int high;
        int revisionsWithFindings;

        Tally(PrintStream out, Progress progress, int total) {
            this.out = out;
            this.progress = progress;
            this.total = total;
        }

        void startZone(String heading) {
            zoneHeading = heading;
        }

        void revision(long agreementId, int number, List<Field> fields, PrivacyDetector detector, Parties parties) {
            boolean any = false;
            for (Field field : fields) {
                for (Finding finding : detector.scan(field.text(), parties)) {
                    if (zoneHeading != null) {
                        out.println("Koppelzone " + zoneHeading + ":");
                        zoneHeading = null;
                    }
                    out.printf("  afspraak %d, revisie %d, %s: %s (%s), vingerafdruk %s, tekens %d-%d%n", agreementId,
                            number, field.name(), finding.kind().code(),
                            finding.confidence() == Confidence.HIGH ? "zeker" : "mogelijk", finding.fingerprint(),
                            finding.start(), finding.end());
                    findings++;
                    high += finding.confidence() == Confidence.HIGH ? 1 : 0;
                    any = true;
                }
            }
            revisionsWithFindings += any ? 1 : 0;
            progress.step(PHASE, ++revisions, total);
        }
    }
}

package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.Progress;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The register of privacy findings (issue 17 point 4; V021): where the detector finds what looks like
 * personal data in every stored text, current and historical - revisions (title, text, summary),
 * comments and their earlier texts, experiences, minutes, decision notes, action items, endorsement
 * remarks, and waardelekken with their comments. Derived data that catches up by itself: triggers queue each row that is written or changed
 * (and every text of a koppelzone whose parties change), and {@link #catchUp} scans queued rows in
 * batches and replaces their findings. A finding is stored with its kind, offsets and fingerprint -
 * never the text. Pages read the text itself when they must show it.
 */
public final class FindingRegister {

    /** Where a text comes from, and how to read it with its place (koppelzone, agreement, meeting). */
    private record Source(String code, String sql, List<String> fields) {
    }

    /** Each SELECT reads id, koppelzone, agreement, revision, meeting, item, then the fields in order. */
    private static final List<Source> SOURCES = List.of(
            new Source("revision", """
                    SELECT r.id, a.koppelzone_id, r.agreement_id, r.number, NULL, NULL, r.title, r.body, r.summary
                    FROM revision r JOIN agreement a ON a.id = r.agreement_id WHERE r.id IN (<ids>)""",
                    List.of("title", "body", "summary")),
            new Source("comment", """
                    SELECT c.id, a.koppelzone_id, c.agreement_id, NULL, NULL, c.id, c.body
                    FROM comment c JOIN agreement a ON a.id = c.agreement_id WHERE c.id IN (<ids>)""",
                    List.of("text")),
            new Source("comment_edit", """
                    SELECT e.id, a.koppelzone_id, c.agreement_id, NULL, NULL, c.id, e.body
                    FROM comment_edit e JOIN comment c ON c.id = e.comment_id JOIN agreement a ON a.id = c.agreement_id
                    WHERE e.id IN (<ids>)""", List.of("text")),
            new Source("experience", """
                    SELECT x.id, a.koppelzone_id, x.agreement_id, NULL, NULL, NULL, x.body
                    FROM experience x JOIN agreement a ON a.id = x.agreement_id WHERE x.id IN (<ids>)""",
                    List.of("body")),
            new Source("minutes", """
                    SELECT i.id, m.koppelzone_id, i.agreement_id, NULL, m.id, i.id, i.minutes
                    FROM meeting_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id IN (<ids>)""",
                    List.of("minutes")),
            new Source("decision", """
                    SELECT d.id, m.koppelzone_id, d.agreement_id, d.revision_number, m.id, d.item_id, d.note
                    FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id WHERE d.id IN (<ids>)""",
                    List.of("note")),
            new Source("action", """
                    SELECT t.id, t.koppelzone_id, NULL, NULL, t.meeting_id, NULL, t.description
                    FROM action_item t WHERE t.id IN (<ids>)""", List.of("description")),
            new Source("remark", """
                    SELECT n.id, a.koppelzone_id, n.agreement_id, n.revision_number, NULL, NULL, n.remark
                    FROM endorsement n JOIN agreement a ON a.id = n.agreement_id WHERE n.id IN (<ids>)""",
                    List.of("remark")),
            new Source("leak", """
                    SELECT l.id, l.koppelzone_id, NULL, NULL, NULL, l.id, l.title, l.description, l.example, l.reason
                    FROM leak l WHERE l.id IN (<ids>)""", List.of("title", "description", "example", "reason")),
            new Source("leak_comment", """
                    SELECT c.id, l.koppelzone_id, NULL, NULL, NULL, l.id, c.body
                    FROM leak_comment c JOIN leak l ON l.id = c.leak_id WHERE c.id IN (<ids>)""", List.of("text")));

    /** The texts scanned in one write transaction: small enough to keep the writer free for others. */
    private static final int BATCH = 100;
    private static final String PHASE = "teksten scannen";

    /** A stored finding with its place; {@code confirmed} when its writer confirmed it is no personal data. */
    public record Stored(long id, String source, long sourceId, String field, long koppelzoneId, Long agreementId,
                         Integer revisionNumber, Long meetingId, Long itemId, Kind kind, String fingerprint, int start,
                         int end, boolean confirmed) {
    }

    /** The findings of one koppelzone, counted. */
    public record ZoneCount(long koppelzoneId, int findings, int high, int unconfirmed) {
    }

    private final Database db;
    private final PrivacyDetector detector;
    private final LongFunction<Parties> parties;

    /** {@code parties}: what is known of a koppelzone's party organisations (their numbers and domains). */
    public FindingRegister(Database db, PrivacyDetector detector, LongFunction<Parties> parties) {
        this.db = db;
        this.detector = detector;
        this.parties = parties;
    }

    /** How many texts wait for a scan. */
    public int pending() {
        return db.read(handle -> handle.createQuery("SELECT count(*) FROM privacy_scan_queue").mapTo(Integer.class).one());
    }

    /**
     * Scans queued texts, a batch per write transaction, until the queue is empty or {@code budget} is
     * spent (null: no limit); true when nothing waits any more.
     */
    public boolean catchUp(Progress progress, Duration budget) {
        long deadline = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
        int total = pending();
        int done = 0;
        // no write when nothing waits: a commit wakes the keeper, and an empty write would wake it again
        while (done < total || total == 0) {
            if (total == 0) {
                return true;
            }
            int scanned = db.write(this::scanBatch);
            done += scanned;
            progress.step(PHASE, Math.min(done, total), total);
            if (scanned < BATCH) {
                return pending() == 0;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
        }
        return pending() == 0;
    }

    /** Scans the oldest queued texts and replaces their findings; the number of texts scanned. */
    private int scanBatch(Handle handle) {
        record Queued(long id, String source, long sourceId) {
        }
        List<Queued> queued = handle.createQuery("SELECT id, source, source_id FROM privacy_scan_queue ORDER BY id LIMIT :n")
                .bind("n", BATCH).map((rs, ctx) -> new Queued(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
        Map<String, List<Long>> bySource = new LinkedHashMap<>();
        for (Queued row : queued) {
            bySource.computeIfAbsent(row.source(), source -> new ArrayList<>()).add(row.sourceId());
        }
        for (Source source : SOURCES) {
            List<Long> ids = bySource.get(source.code());
            if (ids != null) {
                scan(handle, source, ids);
            }
        }
        for (Queued row : queued) {
            handle.createUpdate("DELETE FROM privacy_scan_queue WHERE id = :id").bind("id", row.id()).execute();
        }
        return queued.size();
    }

    private void scan(Handle handle, Source source, List<Long> ids) {
        for (Long id : ids) {
            handle.createUpdate("DELETE FROM privacy_finding WHERE source = :source AND source_id = :id")
                    .bind("source", source.code()).bind("id", id).execute();
        }
        var insert = handle.prepareBatch("""
                INSERT INTO privacy_finding (source, source_id, field, koppelzone_id, agreement_id, revision_number,
                    meeting_id, item_id, kind, confidence, fingerprint, start_offset, end_offset)
                VALUES (:source, :id, :field, :zone, :agreement, :revision, :meeting, :item, :kind, :confidence,
                    :fingerprint, :start, :end)""");
        int[] count = {0};
        handle.createQuery(source.sql()).bindList("ids", ids).map((rs, ctx) -> {
            long zone = rs.getLong(2);
            Parties known = parties.apply(zone);
            for (int f = 0; f < source.fields().size(); f++) {
                String text = rs.getString(7 + f);
                if (text == null || text.isEmpty()) {
                    continue;
                }
                for (Finding finding : detector.scan(text, known)) {
                    insert.bind("source", source.code()).bind("id", rs.getLong(1)).bind("field", source.fields().get(f))
                            .bind("zone", zone).bind("agreement", optional(rs, 3))
                            .bind("revision", optional(rs, 4)).bind("meeting", optional(rs, 5)).bind("item", optional(rs, 6))
                            .bind("kind", finding.kind().code())
                            .bind("confidence", finding.confidence() == Confidence.HIGH ? "high" : "medium")
                            .bind("fingerprint", finding.fingerprint()).bind("start", finding.start())
                            .bind("end", finding.end()).add();
                    count[0]++;
                }
            }
            return 0;
        }).list();
        if (count[0] > 0) {
            insert.execute();
        }
    }

    /** A column that may be NULL. */
    private static Long optional(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer revision(Long number) {
        return number == null ? null : Math.toIntExact(number);
    }

    /** Per koppelzone with findings: how many, how many of high confidence, how many not confirmed. */
    public List<ZoneCount> counts() {
        return db.read(handle -> handle.createQuery("SELECT f.koppelzone_id, count(*), sum(CASE WHEN f.confidence = 'high' THEN 1 ELSE 0 END),"
                        + " sum(CASE WHEN " + CONFIRMED + " THEN 0 ELSE 1 END)"
                        + " FROM privacy_finding f GROUP BY f.koppelzone_id ORDER BY f.koppelzone_id")
                .map((rs, ctx) -> new ZoneCount(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).list());
    }

    /**
     * The findings of a koppelzone, by agreement (or meeting), fingerprint and place; at most {@code limit}.
     * {@code withConfirmed}: also those confirmed as no personal data.
     */
    public List<Stored> findings(long koppelzoneId, boolean withConfirmed, int limit) {
        return db.read(handle -> handle.createQuery("""
                        SELECT * FROM (SELECT f.*, (""" + CONFIRMED + """
                        ) AS confirmed FROM privacy_finding f WHERE f.koppelzone_id = :zone) AS found
                        WHERE :all OR NOT confirmed
                        ORDER BY agreement_id IS NULL, agreement_id, meeting_id, fingerprint, source, revision_number, source_id, field
                        LIMIT :limit""")
                .bind("zone", koppelzoneId).bind("all", withConfirmed).bind("limit", limit)
                .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("source"), rs.getLong("source_id"),
                        rs.getString("field"), rs.getLong("koppelzone_id"), optional(rs, rs.findColumn("agreement_id")),
                        revision(optional(rs, rs.findColumn("revision_number"))), optional(rs, rs.findColumn("meeting_id")),
                        optional(rs, rs.findColumn("item_id")), Kind.ofCode(rs.getString("kind")),
                        rs.getString("fingerprint"), rs.getInt("start_offset"), rs.getInt("end_offset"),
                        rs.getBoolean("confirmed")))
                .list());
    }

    /**
     * The text each finding is in (the field of its stored source), to show it in its context (never to
     * log): one read, one query per kind of source. A finding whose source is gone has no entry.
     */
    public Map<Long, String> texts(Collection<Stored> findings) {
        Map<String, List<Stored>> bySource = new LinkedHashMap<>();
        findings.forEach(finding -> bySource.computeIfAbsent(finding.source(), source -> new ArrayList<>()).add(finding));
        return db.read(handle -> {
            Map<Long, String> texts = new HashMap<>();
            for (Source source : SOURCES) {
                List<Stored> wanted = bySource.get(source.code());
                if (wanted == null) {
                    continue;
                }
                Map<Long, List<String>> rows = new HashMap<>();
                handle.createQuery(source.sql()).bindList("ids", wanted.stream().map(Stored::sourceId).distinct().toList())
                        .map((rs, ctx) -> {
                            List<String> fields = new ArrayList<>();
                            for (int f = 0; f < source.fields().size(); f++) {
                                fields.add(rs.getString(7 + f));
                            }
                            return rows.put(rs.getLong(1), fields);
                        }).list();
                for (Stored finding : wanted) {
                    List<String> fields = rows.get(finding.sourceId());
                    int field = source.fields().indexOf(finding.field());
                    if (fields != null && field >= 0 && fields.get(field) != null) {
                        texts.put(finding.id(), fields.get(field));
                    }
                }
            }
            return texts;
        });
    }

    /** The names of a koppelzone's places: agreements by their current title, meetings by their start, leaks by title. */
    public record Places(Map<Long, String> agreements, Map<Long, String> meetings, Map<Long, String> leaks) {
    }

    public Places places(long koppelzoneId) {
        return db.read(handle -> {
            Map<Long, String> agreements = new LinkedHashMap<>();
            handle.createQuery("""
                            SELECT a.id, r.title FROM agreement a JOIN revision r ON r.agreement_id = a.id AND r.number = a.current_revision
                            WHERE a.id IN (SELECT agreement_id FROM privacy_finding WHERE koppelzone_id = :zone)""")
                    .bind("zone", koppelzoneId).map((rs, ctx) -> agreements.put(rs.getLong(1), rs.getString(2))).list();
            Map<Long, String> meetings = new LinkedHashMap<>();
            handle.createQuery("SELECT id, starts_at FROM meeting WHERE koppelzone_id = :zone AND id IN "
                            + "(SELECT meeting_id FROM privacy_finding WHERE koppelzone_id = :zone)")
                    .bind("zone", koppelzoneId).map((rs, ctx) -> meetings.put(rs.getLong(1), rs.getString(2))).list();
            Map<Long, String> leaks = new LinkedHashMap<>();
            handle.createQuery("SELECT id, title FROM leak WHERE koppelzone_id = :zone AND id IN "
                            + "(SELECT item_id FROM privacy_finding WHERE koppelzone_id = :zone AND source IN ('leak', 'leak_comment'))")
                    .bind("zone", koppelzoneId).map((rs, ctx) -> leaks.put(rs.getLong(1), rs.getString(2))).list();
            return new Places(agreements, meetings, leaks);
        });
    }

    /**
     * Whether a finding counts as confirmed: a revision's by a confirmation in that revision or an
     * earlier one of its agreement (privacy_confirmation, V019); any other text's by a confirmation of
     * that text (text_privacy_confirmation, V022; a comment's earlier texts by the comment's, a
     * decision's note as 'note').
     */
    private static final String CONFIRMED = """
            (f.source = 'revision' AND EXISTS (SELECT 1 FROM privacy_confirmation c JOIN revision r ON r.id = c.revision_id
                WHERE r.agreement_id = f.agreement_id AND r.number <= f.revision_number AND c.fingerprint = f.fingerprint))
            OR (f.source <> 'revision' AND EXISTS (SELECT 1 FROM text_privacy_confirmation t
                WHERE t.fingerprint = f.fingerprint
                  AND t.source = CASE f.source WHEN 'decision' THEN 'note' WHEN 'comment_edit' THEN 'comment'
                                 WHEN 'leak_comment' THEN 'leak' ELSE f.source END
                  AND t.source_id = CASE WHEN f.source IN ('comment_edit', 'leak_comment') THEN f.item_id
                                    ELSE f.source_id END))""";
}

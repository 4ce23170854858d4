package nl.afsprakenwiki.health;

import nl.afsprakenwiki.db.Times;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the health series are derived from, read in one transaction: the koppelzone's agreements, their
 * endorsement rounds, the review dates the audit log records, and the leaks with their solved events.
 * Plain SQL on the tables of agreements, endorsements and leaks; health imports none of those features.
 */
final class HealthRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthRecords() {
    }

    record AgreementRow(long id, Instant created, Instant retired, LocalDate reviewDate) {
    }

    record RoundRow(long agreementId, int revision, Instant proposed, Instant closed, String outcome,
                            boolean imported) {
    }

    record ReviewChange(long agreementId, Instant at, LocalDate date) {
    }

    record Facts(List<AgreementRow> agreements, List<RoundRow> rounds, List<ReviewChange> reviewChanges,
                         List<Instant> leaksReported, List<Map.Entry<Long, Instant>> leaksSolved) {
    }

    static Facts read(Handle handle, long koppelzoneId) {
        List<AgreementRow> agreements = handle.createQuery("""
                        SELECT id, created_at, retired_at, review_date FROM agreement WHERE koppelzone_id = :k ORDER BY id
                        """).bind("k", koppelzoneId)
                .map((rs, ctx) -> new AgreementRow(rs.getLong("id"), Times.parse(rs.getString("created_at")),
                        Times.parseOrNull(rs.getString("retired_at")), date(rs.getString("review_date")))).list();
        List<RoundRow> rounds = handle.createQuery("""
                        SELECT r.agreement_id, r.revision_number, r.proposed_at, r.closed_at, r.outcome, r.imported
                        FROM endorsement_round r JOIN agreement a ON a.id = r.agreement_id
                        WHERE a.koppelzone_id = :k ORDER BY r.id
                        """).bind("k", koppelzoneId)
                .map((rs, ctx) -> new RoundRow(rs.getLong("agreement_id"), rs.getInt("revision_number"),
                        Times.parse(rs.getString("proposed_at")), Times.parseOrNull(rs.getString("closed_at")), rs.getString("outcome"),
                        rs.getInt("imported") == 1)).list();
        // the audit log is the only dated record of a review date set by hand (empty: none)
        // the details are read here, not in SQL: the two databases' JSON functions differ
        List<ReviewChange> reviewChanges = handle.createQuery("""
                        SELECT a.id, e.at, e.details
                        FROM audit_event e JOIN agreement a ON e.target = 'agreement:' || a.id
                        WHERE a.koppelzone_id = :k AND e.action IN ('agreement.reviewDate', 'agreement.details')
                        ORDER BY e.id
                        """).bind("k", koppelzoneId)
                .map((rs, ctx) -> reviewChange(rs.getLong("id"), rs.getString("at"), rs.getString("details"))).list()
                .stream().filter(java.util.Objects::nonNull).toList();
        List<Instant> reported = handle.createQuery("SELECT created_at FROM leak WHERE koppelzone_id = :k ORDER BY id")
                .bind("k", koppelzoneId).map((rs, ctx) -> Times.parse(rs.getString("created_at"))).list();
        List<Map.Entry<Long, Instant>> solved = handle.createQuery("""
                        SELECT e.leak_id, e.at FROM leak_event e JOIN leak l ON l.id = e.leak_id
                        WHERE l.koppelzone_id = :k AND e.kind = 'status' AND e.status = 'opgelost' ORDER BY e.id
                        """).bind("k", koppelzoneId)
                .map((rs, ctx) -> Map.entry(rs.getLong("leak_id"), Times.parse(rs.getString("at")))).list();
        return new Facts(agreements, rounds, reviewChanges, reported, solved);
    }

    /** The change the audit event's details record, or null when they hold no review date as text. */
    private static ReviewChange reviewChange(long agreementId, String at, String details) {
        JsonNode reviewDate;
        try {
            reviewDate = details == null ? null : JSON.readTree(details).get("reviewDate");
        } catch (JsonProcessingException unreadable) {
            return null;
        }
        if (reviewDate == null || !reviewDate.isTextual()) {
            return null;
        }
        return new ReviewChange(agreementId, Times.parse(at), date(reviewDate.asText()));
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }
}

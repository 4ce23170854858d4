package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.db.Columns;
import nl.afsprakenwiki.db.Times;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.LocalDate;

/** How the rows of {@link AgreementStore}'s queries become records: one mapper per shape of row. */
final class AgreementRows {

    static final RowMapper<Revision> REVISION = (rs, ctx) -> new Revision(
            rs.getLong("id"), rs.getLong("agreement_id"), rs.getInt("number"), rs.getString("title"),
            rs.getString("body"), rs.getString("author_name"), Times.parse(rs.getString("created_at")),
            rs.getString("summary"), Columns.optionalInt(rs, "base_number"), rs.getString("sha256"));

    static final RowMapper<RevisionEntry> ENTRY = (rs, ctx) -> new RevisionEntry(
            rs.getInt("number"), rs.getString("title"), rs.getString("author_name"),
            Times.parse(rs.getString("created_at")), rs.getString("summary"),
            Columns.optionalInt(rs, "base_number"), rs.getString("sha256"));

    static final RowMapper<AgreementListItem> LIST_ITEM = (rs, ctx) -> new AgreementListItem(
            rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
            AgreementStatus.fromCode(rs.getString("status")).orElseThrow(),
            rs.getString("review_date") == null ? null : LocalDate.parse(rs.getString("review_date")),
            rs.getInt("current_revision"), Columns.optionalInt(rs, "endorsed_revision"),
            Times.parse(rs.getString("updated_at")), rs.getLong("k_id"),
            rs.getString("k_slug"), rs.getString("k_name"), rs.getString("m_slug"), rs.getString("m_name"),
            rs.getString("endorsed_title"),
            Times.parseOrNull(rs.getString("endorsed_at")));

    static final RowMapper<RecentChange> RECENT = (rs, ctx) -> new RecentChange(
            rs.getLong("agreement_id"), rs.getInt("number"), rs.getString("title"), rs.getString("author_name"),
            Times.parse(rs.getString("created_at")), rs.getString("summary"), rs.getLong("k_id"),
            rs.getString("k_slug"), rs.getString("k_name"), rs.getString("m_name"),
            AgreementStatus.fromCode(rs.getString("status")).orElseThrow(), Columns.optionalInt(rs, "endorsed_revision"));

    /** An agreement's own row; its koppelzone, parties and themes are read apart. */
    record AgreementRow(long koppelzoneId, String slug, AgreementStatus status, LocalDate reviewDate,
                        int currentRevision, Integer endorsedRevision, Integer proposedRevision,
                        Instant endorsedAt, Instant createdAt, Instant updatedAt,
                        Agreement.Retirement retirement) {
    }

    static final RowMapper<AgreementRow> AGREEMENT = (rs, ctx) -> new AgreementRow(rs.getLong("koppelzone_id"),
            rs.getString("slug"), AgreementStatus.fromCode(rs.getString("status")).orElseThrow(),
            rs.getString("review_date") == null ? null : LocalDate.parse(rs.getString("review_date")),
            rs.getInt("current_revision"), Columns.optionalInt(rs, "endorsed_revision"),
            Columns.optionalInt(rs, "proposed_revision"), Times.parseOrNull(rs.getString("endorsed_at")),
            Times.parse(rs.getString("created_at")), Times.parse(rs.getString("updated_at")),
            rs.getString("retired_at") == null ? null
                    : new Agreement.Retirement(Times.parse(rs.getString("retired_at")),
                            rs.getString("retired_reason") == null ? "" : rs.getString("retired_reason")));

    private AgreementRows() {
    }
}

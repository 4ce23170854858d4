package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.db.Columns;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.db.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for adoptions and proposals to the source. Every method runs on a caller's handle. */
final class AdoptionStore {

    /** Where an adopted agreement came from, and how far it is in step with its source. */
    record Link(long agreementId, long sourceId, int sourceRevision, int syncedRevision, Integer dismissedRevision,
                String adoptedBy, Instant adoptedAt) {
    }

    private static final RowMapper<Link> LINK = (rs, ctx) -> new Link(rs.getLong("agreement_id"),
            rs.getLong("source_agreement_id"), rs.getInt("source_revision"), rs.getInt("synced_revision"),
            Columns.optionalInt(rs, "dismissed_revision"), rs.getString("adopted_by"),
            Times.parse(rs.getString("adopted_at")));

    private static final RowMapper<SourceProposal> PROPOSAL = (rs, ctx) -> new SourceProposal(rs.getLong("id"),
            rs.getLong("source_agreement_id"), rs.getLong("from_agreement_id"), rs.getInt("from_revision"),
            rs.getInt("base_revision"), rs.getString("title"), rs.getString("body"), rs.getString("note"),
            rs.getString("proposed_by"), Times.parse(rs.getString("proposed_at")),
            SourceProposal.Status.fromCode(rs.getString("status")), rs.getString("decided_by"),
            Times.parseOrNull(rs.getString("decided_at")), rs.getString("reason"),
            Columns.optionalInt(rs, "result_revision"));

    void insert(Handle handle, long agreementId, long sourceId, int sourceRevision, Author by, Instant at) {
        handle.createUpdate("""
                        INSERT INTO adoption (agreement_id, source_agreement_id, source_revision, synced_revision,
                                              adopted_by, adopted_by_account_id, adopted_at)
                        VALUES (:a, :s, :r, :r, :by, :account, :at)
                        """)
                .bind("a", agreementId).bind("s", sourceId).bind("r", sourceRevision).bind("by", by.name())
                .bind("account", by.accountId()).bind("at", at).execute();
    }

    Optional<Link> link(Handle handle, long agreementId) {
        return handle.createQuery("SELECT * FROM adoption WHERE agreement_id = :a").bind("a", agreementId).map(LINK).findOne();
    }

    /** The agreements adopted from {@code sourceId}, oldest adoption first. */
    List<Link> adoptionsOf(Handle handle, long sourceId) {
        return handle.createQuery("SELECT * FROM adoption WHERE source_agreement_id = :s ORDER BY adopted_at, agreement_id")
                .bind("s", sourceId).map(LINK).list();
    }

    /**
     * The adopted agreements in {@code koppelzones} (not retired) whose source has an endorsed
     * revision newer than the one they are in step with and not dismissed, most recently changed first.
     */
    List<Long> behindTheirSource(Handle handle, java.util.Collection<Long> koppelzones, int limit) {
        return handle.createQuery("""
                        SELECT ad.agreement_id FROM adoption ad
                        JOIN agreement a ON a.id = ad.agreement_id
                        JOIN agreement s ON s.id = ad.source_agreement_id
                        WHERE a.koppelzone_id IN (<zones>) AND a.status <> 'vervallen'
                          AND s.endorsed_revision > ad.synced_revision
                          AND (ad.dismissed_revision IS NULL OR ad.dismissed_revision < s.endorsed_revision)
                        ORDER BY a.updated_at DESC, a.id LIMIT :limit
                        """)
                .bindList("zones", List.copyOf(koppelzones)).bind("limit", limit).mapTo(Long.class).list();
    }

    /** Agreements in {@code koppelzones} with open proposals from adopters: id and number, newest proposal first. */
    List<java.util.Map.Entry<Long, Integer>> openProposalsIn(Handle handle, java.util.Collection<Long> koppelzones, int limit) {
        return handle.createQuery("""
                        SELECT sp.source_agreement_id AS id, count(*) AS open FROM source_proposal sp
                        JOIN agreement a ON a.id = sp.source_agreement_id
                        WHERE sp.status = 'open' AND a.koppelzone_id IN (<zones>)
                        GROUP BY sp.source_agreement_id ORDER BY max(sp.proposed_at) DESC, sp.source_agreement_id LIMIT :limit
                        """)
                .bindList("zones", List.copyOf(koppelzones)).bind("limit", limit)
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("id"), rs.getInt("open"))).list();
    }

    void setSynced(Handle handle, long agreementId, int revision) {
        handle.createUpdate("UPDATE adoption SET synced_revision = :r, dismissed_revision = NULL WHERE agreement_id = :a")
                .bind("r", revision).bind("a", agreementId).execute();
    }

    void setDismissed(Handle handle, long agreementId, int revision) {
        handle.createUpdate("UPDATE adoption SET dismissed_revision = :r WHERE agreement_id = :a")
                .bind("r", revision).bind("a", agreementId).execute();
    }

    // --- proposals to the source ----------------------------------------------------------------

    long insertProposal(Handle handle, long sourceId, long fromId, int fromRevision, int baseRevision, String title,
                        String body, String note, Author by, Instant at) {
        return handle.createUpdate("""
                        INSERT INTO source_proposal (source_agreement_id, from_agreement_id, from_revision, base_revision,
                                                     title, body, note, proposed_by, proposed_by_account_id, proposed_at)
                        VALUES (:s, :f, :fr, :base, :title, :body, :note, :by, :account, :at)
                        """)
                .bind("s", sourceId).bind("f", fromId).bind("fr", fromRevision).bind("base", baseRevision)
                .bind("title", title).bind("body", body).bind("note", note).bind("by", by.name())
                .bind("account", by.accountId()).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<SourceProposal> proposal(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM source_proposal WHERE id = :id").bind("id", id).map(PROPOSAL).findOne();
    }

    /** Proposals to {@code sourceId}, open ones first, newest first. */
    List<SourceProposal> proposalsTo(Handle handle, long sourceId) {
        return handle.createQuery("""
                        SELECT * FROM source_proposal WHERE source_agreement_id = :s
                        ORDER BY status = 'open' DESC, id DESC
                        """)
                .bind("s", sourceId).map(PROPOSAL).list();
    }

    long openProposalsTo(Handle handle, long sourceId) {
        return handle.createQuery("SELECT count(*) FROM source_proposal WHERE source_agreement_id = :s AND status = 'open'")
                .bind("s", sourceId).mapTo(Long.class).one();
    }

    /** Proposals made from {@code agreementId}, newest first. */
    List<SourceProposal> proposalsFrom(Handle handle, long agreementId) {
        return handle.createQuery("SELECT * FROM source_proposal WHERE from_agreement_id = :f ORDER BY id DESC")
                .bind("f", agreementId).map(PROPOSAL).list();
    }

    void decide(Handle handle, long id, SourceProposal.Status status, String by, String reason, Integer resultRevision,
                Instant at) {
        handle.createUpdate("""
                        UPDATE source_proposal SET status = :status, decided_by = :by, decided_at = :at, reason = :reason,
                               result_revision = :result
                        WHERE id = :id AND status = 'open'
                        """)
                .bind("status", status.code()).bind("by", by).bind("at", at).bind("reason", reason)
                .bind("result", resultRevision).bind("id", id).execute();
    }
}

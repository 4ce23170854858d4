package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** SQL for agreements and their revisions. Every method runs on a caller's handle (and transaction). */
public final class AgreementStore {

    private static final String LIST_SELECT = """
            SELECT a.id, a.slug, r.title, a.status, a.review_date, a.current_revision, a.endorsed_revision,
                   a.updated_at, k.id AS k_id, k.slug AS k_slug, k.name AS k_name, m.slug AS m_slug, m.name AS m_name,
                   e.title AS endorsed_title, e.created_at AS endorsed_at
            FROM agreement a
            JOIN revision r ON r.agreement_id = a.id AND r.number = a.current_revision
            LEFT JOIN revision e ON e.agreement_id = a.id AND e.number = a.endorsed_revision
            JOIN koppelzone k ON k.id = a.koppelzone_id
            JOIN municipality m ON m.id = k.municipality_id
            """;

    private final KoppelzoneStore koppelzones;

    public AgreementStore(KoppelzoneStore koppelzones) {
        this.koppelzones = koppelzones;
    }

    // --- reads ----------------------------------------------------------------------------------

    public Optional<Agreement> find(Handle handle, long id) {
        return handle.createQuery("""
                        SELECT id, slug, koppelzone_id, status, review_date, current_revision, endorsed_revision,
                               proposed_revision, endorsed_at, created_at, updated_at, retired_at, retired_reason
                        FROM agreement WHERE id = :id
                        """)
                .bind("id", id)
                .map(AgreementRows.AGREEMENT)
                .findOne()
                .map(row -> new Agreement(id, row.slug(), koppelzones.byId(handle, row.koppelzoneId()).orElseThrow(),
                        row.status(), row.reviewDate(), row.currentRevision(), row.endorsedRevision(),
                        row.proposedRevision(), row.endorsedAt(), row.createdAt(), row.updatedAt(),
                        parties(handle, id), themes(handle, id), row.retirement(), false));
    }

    public Optional<Long> idBySlug(Handle handle, long koppelzoneId, String slug) {
        return handle.createQuery("SELECT id FROM agreement WHERE koppelzone_id = :k AND slug = :slug")
                .bind("k", koppelzoneId).bind("slug", slug).mapTo(Long.class).findOne();
    }

    public List<Organisation> parties(Handle handle, long agreementId) {
        return handle.createQuery("""
                        SELECT o.id, o.slug, o.name, o.kind
                        FROM agreement_party p JOIN organisation o ON o.id = p.organisation_id
                        WHERE p.agreement_id = :id ORDER BY o.name
                        """)
                .bind("id", agreementId)
                .map((rs, ctx) -> new Organisation(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        OrganisationKind.fromCode(rs.getString("kind")).orElseThrow()))
                .list();
    }

    public List<String> themes(Handle handle, long agreementId) {
        return handle.createQuery("SELECT theme FROM agreement_theme WHERE agreement_id = :id ORDER BY theme")
                .bind("id", agreementId).mapTo(String.class).list();
    }

    public Optional<Revision> revision(Handle handle, long agreementId, int number) {
        return handle.createQuery("SELECT * FROM revision WHERE agreement_id = :id AND number = :number")
                .bind("id", agreementId).bind("number", number).map(AgreementRows.REVISION).findOne();
    }

    /** All revisions of an agreement with their bodies, oldest first; for export. */
    public List<Revision> allRevisions(Handle handle, long agreementId) {
        return handle.createQuery("SELECT * FROM revision WHERE agreement_id = :id ORDER BY number")
                .bind("id", agreementId).map(AgreementRows.REVISION).list();
    }

    /** The files revision {@code revisionId} includes, by name. */
    public List<Attachment> attachments(Handle handle, long revisionId) {
        return handle.createQuery("SELECT name, sha256, size, type FROM revision_attachment WHERE revision_id = :id ORDER BY name")
                .bind("id", revisionId)
                .map((rs, ctx) -> new Attachment(rs.getString("name"), rs.getString("sha256"), rs.getLong("size"),
                        rs.getString("type")))
                .list();
    }

    /** The history, newest first, without bodies. */
    public List<RevisionEntry> history(Handle handle, long agreementId) {
        return handle.createQuery("""
                        SELECT number, title, author_name, created_at, summary, base_number, sha256
                        FROM revision WHERE agreement_id = :id ORDER BY number DESC
                        """)
                .bind("id", agreementId).map(AgreementRows.ENTRY).list();
    }

    /** Per koppelzone with agreements: how many it has, and how many of them the public may read. */
    public record KoppelzoneCount(long koppelzoneId, int all, int published) {
    }

    /**
     * Kept by the database's triggers (V035), so no agreement is read (the home page shows every
     * koppelzone's count), and a save that does not change what is counted does not change the table.
     */
    public List<KoppelzoneCount> countsPerKoppelzone(Handle handle) {
        return handle.createQuery("""
                        SELECT koppelzone_id, all_count, published FROM koppelzone_agreement_count
                        WHERE all_count > 0 ORDER BY koppelzone_id""")
                .map((rs, ctx) -> new KoppelzoneCount(rs.getLong("koppelzone_id"), rs.getInt("all_count"),
                        rs.getInt("published")))
                .list();
    }

    /** Agreements, optionally only those of one koppelzone and/or status, ordered by title. */
    public List<AgreementListItem> list(Handle handle, Long koppelzoneId, AgreementStatus status) {
        return list(handle, koppelzoneId, status, null);
    }

    /** As {@link #list(Handle, Long, AgreementStatus)}, optionally only those {@code organisationId} is party to. */
    public List<AgreementListItem> list(Handle handle, Long koppelzoneId, AgreementStatus status, Long organisationId) {
        StringBuilder sql = new StringBuilder(LIST_SELECT).append(" WHERE 1 = 1");
        if (koppelzoneId != null) {
            sql.append(" AND a.koppelzone_id = :koppelzone");
        }
        if (organisationId != null) {
            sql.append(" AND a.id IN (SELECT agreement_id FROM agreement_party WHERE organisation_id = :organisation)");
        }
        if (status != null) {
            sql.append(" AND a.status = :status");
        }
        sql.append(" ORDER BY m.name, k.name, lower(r.title)");
        Query query = handle.createQuery(sql.toString());
        if (koppelzoneId != null) {
            query.bind("koppelzone", koppelzoneId);
        }
        if (status != null) {
            query.bind("status", status.code());
        }
        if (organisationId != null) {
            query.bind("organisation", organisationId);
        }
        return query.map(AgreementRows.LIST_ITEM).list();
    }

    public List<Long> allIds(Handle handle) {
        return handle.createQuery("SELECT id FROM agreement ORDER BY id").mapTo(Long.class).list();
    }

    public List<RecentChange> recentChanges(Handle handle, int limit) {
        return handle.createQuery("""
                        SELECT r.agreement_id, r.number, r.title, r.author_name, r.created_at, r.summary,
                               a.status, a.endorsed_revision, k.id AS k_id, k.slug AS k_slug, k.name AS k_name,
                               m.name AS m_name
                        FROM revision r
                        JOIN agreement a ON a.id = r.agreement_id
                        JOIN koppelzone k ON k.id = a.koppelzone_id
                        JOIN municipality m ON m.id = k.municipality_id
                        ORDER BY r.created_at DESC, r.id DESC
                        LIMIT :limit
                        """)
                .bind("limit", limit).map(AgreementRows.RECENT).list();
    }

    // --- writes ---------------------------------------------------------------------------------

    public long insertAgreement(Handle handle, String slug, long koppelzoneId, AgreementStatus status,
                                LocalDate reviewDate, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO agreement (slug, koppelzone_id, status, review_date, current_revision,
                                               endorsed_revision, created_at, updated_at)
                        VALUES (:slug, :koppelzone, :status, :review, 0, NULL, :now, :now)
                        """)
                .bind("slug", slug).bind("koppelzone", koppelzoneId).bind("status", status.code())
                .bind("review", reviewDate).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Appends revision {@code current + 1} and moves the agreement's current revision to it. */
    public Revision appendRevision(Handle handle, long agreementId, RevisionContent content, Author author,
                                   Instant at, String summary, Integer baseNumber) {
        int number = handle.createQuery("SELECT current_revision FROM agreement WHERE id = :id")
                .bind("id", agreementId).mapTo(Integer.class).one() + 1;
        long id = handle.createUpdate("""
                        INSERT INTO revision (agreement_id, number, title, body, author_name, author_account_id, created_at,
                                              summary, base_number, sha256)
                        VALUES (:agreement, :number, :title, :body, :author, :account, :at, :summary, :base, :sha)
                        """)
                .bind("agreement", agreementId).bind("number", number)
                .bind("title", content.title()).bind("body", content.body())
                .bind("author", author.name()).bind("account", author.accountId()).bind("at", at).bind("summary", summary)
                .bind("base", baseNumber).bind("sha", content.sha256())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (Attachment attachment : content.attachments()) {
            handle.createUpdate("""
                            INSERT INTO revision_attachment (revision_id, name, sha256, size, type)
                            VALUES (:revision, :name, :sha, :size, :type)
                            """)
                    .bind("revision", id).bind("name", attachment.name()).bind("sha", attachment.sha256())
                    .bind("size", attachment.size()).bind("type", attachment.type()).execute();
        }
        handle.createUpdate("UPDATE agreement SET current_revision = :number, updated_at = :at WHERE id = :id")
                .bind("number", number).bind("at", at).bind("id", agreementId).execute();
        return new Revision(id, agreementId, number, content.title(), content.body(), author.name(), at, summary,
                baseNumber, content.sha256());
    }

    public void setParties(Handle handle, long agreementId, Collection<Long> organisationIds) {
        handle.createUpdate("DELETE FROM agreement_party WHERE agreement_id = :id").bind("id", agreementId).execute();
        for (long organisationId : organisationIds) {
            handle.createUpdate("INSERT INTO agreement_party (agreement_id, organisation_id) VALUES (:a, :o)")
                    .bind("a", agreementId).bind("o", organisationId).execute();
        }
    }

    public void setThemes(Handle handle, long agreementId, Collection<String> themes) {
        handle.createUpdate("DELETE FROM agreement_theme WHERE agreement_id = :id").bind("id", agreementId).execute();
        for (String theme : themes) {
            handle.createUpdate("INSERT INTO agreement_theme (agreement_id, theme) VALUES (:a, :t)")
                    .bind("a", agreementId).bind("t", theme).execute();
        }
    }

    public void setReviewDate(Handle handle, long agreementId, LocalDate reviewDate) {
        handle.createUpdate("UPDATE agreement SET review_date = :review WHERE id = :id")
                .bind("review", reviewDate).bind("id", agreementId).execute();
    }

    /**
     * Moves an agreement in its lifecycle. Only the endorsement lifecycle and the importer call this;
     * {@code endorsedAt} is kept when the endorsed revision does not change.
     */
    public void setLifecycle(Handle handle, long agreementId, AgreementStatus status, Integer endorsedRevision,
                             Integer proposedRevision, Instant endorsedAt) {
        handle.createUpdate("""
                        UPDATE agreement SET status = :status, endorsed_revision = :endorsed, proposed_revision = :proposed,
                               endorsed_at = :endorsedAt
                        WHERE id = :id
                        """)
                .bind("status", status.code()).bind("endorsed", endorsedRevision).bind("proposed", proposedRevision)
                .bind("endorsedAt", endorsedAt).bind("id", agreementId).execute();
    }

    public void setRetired(Handle handle, long agreementId, Instant at, String reason) {
        handle.createUpdate("""
                        UPDATE agreement SET status = 'vervallen', proposed_revision = NULL, retired_at = :at,
                               retired_reason = :reason
                        WHERE id = :id
                        """)
                .bind("at", at).bind("reason", reason).bind("id", agreementId).execute();
    }
}

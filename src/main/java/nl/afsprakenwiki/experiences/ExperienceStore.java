package nl.afsprakenwiki.experiences;

import nl.afsprakenwiki.db.Times;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of the experience table (migration V016). Every method runs on a caller's handle. */
final class ExperienceStore {

    /** An adoption is linked only while it is public itself: everyone who sees the note may follow the link. */
    private static final String SELECT = """
            SELECT e.id, e.agreement_id, e.account_id, e.author_name, e.adopted, e.body, e.created_at,
                   e.hidden_at, e.hidden_by, e.hidden_reason, o.slug AS o_slug, o.name AS o_name,
                   CASE WHEN x.status IN ('bekrachtigd', 'ter_bekrachtiging') AND x.endorsed_revision IS NOT NULL
                        THEN x.id END AS adoption_id
            FROM experience e
            LEFT JOIN organisation o ON o.id = e.organisation_id
            LEFT JOIN agreement x ON x.id = e.adoption_agreement_id
            """;

    /** What a new experience holds; the time and the id come with the insert. */
    record NewExperience(long agreementId, long accountId, String authorName, Long organisationId, boolean adopted,
                         Long adoptionId, String body) {
    }

    long insert(Handle handle, NewExperience experience, Instant at) {
        return handle.createUpdate("""
                        INSERT INTO experience (agreement_id, account_id, author_name, organisation_id, adopted,
                                                adoption_agreement_id, body, created_at)
                        VALUES (:agreement, :account, :author, :organisation, :adopted, :adoption, :body, :at)
                        """)
                .bind("agreement", experience.agreementId()).bind("account", experience.accountId())
                .bind("author", experience.authorName()).bind("organisation", experience.organisationId())
                .bind("adopted", experience.adopted() ? 1 : 0).bind("adoption", experience.adoptionId())
                .bind("body", experience.body()).bind("at", Times.format(at))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The agreement's experiences, oldest first; hidden ones only when asked for. */
    List<Experience> of(Handle handle, long agreementId, boolean withHidden) {
        return handle.createQuery(SELECT + " WHERE e.agreement_id = :agreement"
                        + (withHidden ? "" : " AND e.hidden_at IS NULL") + " ORDER BY e.created_at, e.id")
                .bind("agreement", agreementId).map((rs, ctx) -> experience(rs)).list();
    }

    Optional<Experience> find(Handle handle, long agreementId, long id) {
        return handle.createQuery(SELECT + " WHERE e.id = :id AND e.agreement_id = :agreement")
                .bind("id", id).bind("agreement", agreementId).map((rs, ctx) -> experience(rs)).findOne();
    }

    /** Hides it (reason and who) or shows it again ({@code reason} null); false when it already was so. */
    boolean setHidden(Handle handle, long id, Instant at, String by, String reason) {
        if (reason == null) {
            return handle.createUpdate("UPDATE experience SET hidden_at = NULL, hidden_by = NULL, hidden_reason = '' "
                    + "WHERE id = :id AND hidden_at IS NOT NULL").bind("id", id).execute() == 1;
        }
        return handle.createUpdate("UPDATE experience SET hidden_at = :at, hidden_by = :by, hidden_reason = :reason "
                        + "WHERE id = :id AND hidden_at IS NULL")
                .bind("id", id).bind("at", Times.format(at)).bind("by", by).bind("reason", reason).execute() == 1;
    }

    /**
     * The agreement adopted from {@code sourceId} into a koppelzone where the account is a member, or
     * with the account's organisation as a party; public adoptions first, then the oldest.
     */
    Optional<Long> adoptionBy(Handle handle, long sourceId, long accountId, Long organisationId) {
        return handle.createQuery("""
                        SELECT ad.agreement_id FROM adoption ad JOIN agreement x ON x.id = ad.agreement_id
                        WHERE ad.source_agreement_id = :source
                          AND (EXISTS (SELECT 1 FROM membership m WHERE m.account_id = :account
                                         AND m.koppelzone_id = x.koppelzone_id)
                               OR EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = x.id
                                            AND p.organisation_id = :organisation))
                        ORDER BY (x.status IN ('bekrachtigd', 'ter_bekrachtiging') AND x.endorsed_revision IS NOT NULL) DESC,
                                 ad.adopted_at, ad.agreement_id
                        LIMIT 1
                        """)
                .bind("source", sourceId).bind("account", accountId).bind("organisation", organisationId)
                .mapTo(Long.class).findOne();
    }

    private static Long accountId(ResultSet rs) throws SQLException {
        long id = rs.getLong("account_id");
        return rs.wasNull() ? null : id;
    }

    private static Experience experience(ResultSet rs) throws SQLException {
        String hiddenAt = rs.getString("hidden_at");
        long adoption = rs.getLong("adoption_id");
        Long adoptionId = rs.wasNull() ? null : adoption;
        String organisationSlug = rs.getString("o_slug");
        return new Experience(rs.getLong("id"), rs.getLong("agreement_id"), rs.getString("author_name"),
                organisationSlug == null ? null : new Experience.Organisation(organisationSlug, rs.getString("o_name")),
                rs.getInt("adopted") == 1, adoptionId, rs.getString("body"), Times.parse(rs.getString("created_at")),
                hiddenAt == null ? null : new Experience.Hidden(Times.parse(hiddenAt), rs.getString("hidden_by"),
                        rs.getString("hidden_reason")), accountId(rs), false);
    }
}

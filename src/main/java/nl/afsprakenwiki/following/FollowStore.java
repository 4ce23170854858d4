package nl.afsprakenwiki.following;

import nl.afsprakenwiki.db.Times;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** SQL of the follow table. Every method runs on a caller's handle. */
final class FollowStore {

    /** A row as stored: which of agreement, koppelzone or theme is set. */
    record Row(Long agreementId, Long koppelzoneId, String theme, Instant since) {
    }

    private static String column(Followed.Kind kind) {
        return switch (kind) {
            case AGREEMENT -> "agreement_id";
            case KOPPELZONE -> "koppelzone_id";
            case THEME -> "theme";
        };
    }

    /** Adds the follow unless it exists; true when it was added. */
    boolean add(Handle handle, long accountId, Followed.Kind kind, Object target, Instant at) {
        String column = column(kind);
        return handle.createUpdate("INSERT INTO follow (account_id, " + column + ", created_at) "
                        + "SELECT :account, :target, :at WHERE NOT EXISTS "
                        + "(SELECT 1 FROM follow WHERE account_id = :account AND " + column + " = :target)")
                .bind("account", accountId).bind("target", target).bind("at", at).execute() == 1;
    }

    /** True when there was something to remove. */
    boolean remove(Handle handle, long accountId, Followed.Kind kind, Object target) {
        return handle.createUpdate("DELETE FROM follow WHERE account_id = :account AND " + column(kind) + " = :target")
                .bind("account", accountId).bind("target", target).execute() > 0;
    }

    boolean follows(Handle handle, long accountId, Followed.Kind kind, Object target) {
        return handle.createQuery("SELECT count(*) FROM follow WHERE account_id = :account AND " + column(kind) + " = :target")
                .bind("account", accountId).bind("target", target).mapTo(Integer.class).one() > 0;
    }

    /** Everything the account follows, newest first. */
    List<Row> of(Handle handle, long accountId) {
        return handle.createQuery("SELECT agreement_id, koppelzone_id, theme, created_at FROM follow "
                        + "WHERE account_id = :account ORDER BY created_at DESC, id DESC")
                .bind("account", accountId)
                .map((rs, ctx) -> new Row(nullableLong(rs, "agreement_id"), nullableLong(rs, "koppelzone_id"),
                        rs.getString("theme"), Times.parse(rs.getString("created_at"))))
                .list();
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The accounts (enabled) that follow the agreement itself, its koppelzone or one of its themes. */
    List<Long> followersOf(Handle handle, long agreementId) {
        return handle.createQuery("""
                        SELECT DISTINCT f.account_id FROM follow f JOIN account ac ON ac.id = f.account_id
                        WHERE ac.disabled = 0 AND (f.agreement_id = :a
                           OR f.koppelzone_id = (SELECT koppelzone_id FROM agreement WHERE id = :a)
                           OR f.theme IN (SELECT theme FROM agreement_theme WHERE agreement_id = :a))
                        ORDER BY f.account_id
                        """)
                .bind("a", agreementId).mapTo(Long.class).list();
    }

    /**
     * Agreements changed since {@code since} (endorsed or retired among them) that the account follows
     * directly, through their koppelzone or through a theme, most recent first.
     */
    List<Long> changedFor(Handle handle, long accountId, Instant since, int limit) {
        return handle.createQuery("""
                        SELECT a.id FROM agreement a
                        WHERE a.status IN ('bekrachtigd', 'vervallen') AND a.updated_at >= :since
                          AND (a.id IN (SELECT agreement_id FROM follow WHERE account_id = :me AND agreement_id IS NOT NULL)
                            OR a.koppelzone_id IN (SELECT koppelzone_id FROM follow WHERE account_id = :me AND koppelzone_id IS NOT NULL)
                            OR a.id IN (SELECT t.agreement_id FROM agreement_theme t JOIN follow f ON f.theme = t.theme
                                        WHERE f.account_id = :me))
                        ORDER BY a.updated_at DESC, a.id LIMIT :limit
                        """)
                .bind("me", accountId).bind("since", since).bind("limit", limit).mapTo(Long.class).list();
    }

    /** Only themes of public agreements: a draft's themes stay with its koppelzone. */
    private static final String PUBLIC_THEMES = """
            SELECT DISTINCT t.theme FROM agreement_theme t JOIN agreement a ON a.id = t.agreement_id
            WHERE a.endorsed_revision IS NOT NULL AND a.status IN ('bekrachtigd', 'ter_bekrachtiging')
            """;

    /** Whether a public agreement carries the theme (themes exist only on agreements). */
    boolean themeExists(Handle handle, String theme) {
        return handle.createQuery("SELECT count(*) FROM (" + PUBLIC_THEMES + " AND t.theme = :t) AS public_theme")
                .bind("t", theme).mapTo(Integer.class).one() > 0;
    }

    List<String> publicThemes(Handle handle) {
        return handle.createQuery(PUBLIC_THEMES + " ORDER BY t.theme").mapTo(String.class).list();
    }
}

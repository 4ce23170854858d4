package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.db.Times;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for accounts, API tokens and instance settings. Every method runs on a caller's handle. */
public final class AccountStore {

    private static final String ACCOUNT_SELECT = """
            SELECT a.id, a.username, a.display_name, a.email, a.is_admin, a.disabled,
                   a.password_hash IS NOT NULL AS has_password, a.oidc_subject, a.created_at, a.last_login_at,
                   o.id AS o_id, o.slug AS o_slug, o.name AS o_name
            FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id
            """;

    private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(
            rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
            rs.getObject("o_id") == null ? null
                    : new Account.OrganisationRef(rs.getLong("o_id"), rs.getString("o_slug"), rs.getString("o_name")),
            rs.getInt("is_admin") == 1, rs.getInt("disabled") == 1, rs.getInt("has_password") == 1,
            rs.getString("oidc_subject"), Times.parse(rs.getString("created_at")),
            Times.parseOrNull(rs.getString("last_login_at")));

    private static final RowMapper<ApiToken> TOKEN = (rs, ctx) -> new ApiToken(rs.getLong("id"), rs.getString("label"),
            Times.parse(rs.getString("created_at")),
            Times.parseOrNull(rs.getString("last_used_at")),
            Times.parseOrNull(rs.getString("revoked_at")));

    // --- accounts -------------------------------------------------------------------------------

    public Optional<Account> byUsername(Handle handle, String username) {
        return handle.createQuery(ACCOUNT_SELECT + " WHERE a.username = :username")
                .bind("username", username).map(ACCOUNT).findOne();
    }

    public Optional<Account> byId(Handle handle, long id) {
        return handle.createQuery(ACCOUNT_SELECT + " WHERE a.id = :id").bind("id", id).map(ACCOUNT).findOne();
    }

    public Optional<Account> byOidcSubject(Handle handle, String subject) {
        return handle.createQuery(ACCOUNT_SELECT + " WHERE a.oidc_subject = :subject")
                .bind("subject", subject).map(ACCOUNT).findOne();
    }

    /** Accounts with this e-mail address (ignoring case) that are not yet linked to single sign-on. */
    public List<Account> unlinkedByEmail(Handle handle, String email) {
        return handle.createQuery(ACCOUNT_SELECT + " WHERE lower(a.email) = lower(:email) AND a.oidc_subject IS NULL")
                .bind("email", email).map(ACCOUNT).list();
    }

    public List<Account> all(Handle handle) {
        return handle.createQuery(ACCOUNT_SELECT + " ORDER BY a.username").map(ACCOUNT).list();
    }

    public int count(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM account").mapTo(Integer.class).one();
    }

    /** Beheerders that are not blocked. */
    public int activeAdmins(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM account WHERE is_admin = 1 AND disabled = 0").mapTo(Integer.class).one();
    }

    public Optional<String> passwordHash(Handle handle, long accountId) {
        return handle.createQuery("SELECT password_hash FROM account WHERE id = :id")
                .bind("id", accountId).mapTo(String.class).findOne();
    }

    public long insert(Handle handle, String username, String displayName, String email, Long organisationId,
                       String passwordHash, String oidcSubject, boolean admin, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO account (username, display_name, email, organisation_id, password_hash, oidc_subject,
                                             is_admin, disabled, created_at)
                        VALUES (:username, :name, :email, :organisation, :hash, :subject, :admin, 0, :now)
                        """)
                .bind("username", username).bind("name", displayName).bind("email", email)
                .bind("organisation", organisationId).bind("hash", passwordHash).bind("subject", oidcSubject)
                .bind("admin", admin ? 1 : 0).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public void setPasswordHash(Handle handle, long accountId, String hash) {
        handle.createUpdate("UPDATE account SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash).bind("id", accountId).execute();
    }

    public void setDisabled(Handle handle, long accountId, boolean disabled) {
        handle.createUpdate("UPDATE account SET disabled = :disabled WHERE id = :id")
                .bind("disabled", disabled ? 1 : 0).bind("id", accountId).execute();
    }

    public void setAdmin(Handle handle, long accountId, boolean admin) {
        handle.createUpdate("UPDATE account SET is_admin = :admin WHERE id = :id")
                .bind("admin", admin ? 1 : 0).bind("id", accountId).execute();
    }

    public void update(Handle handle, long accountId, String displayName, String email, Long organisationId) {
        handle.createUpdate("UPDATE account SET display_name = :name, email = :email, organisation_id = :org WHERE id = :id")
                .bind("name", displayName).bind("email", email).bind("org", organisationId).bind("id", accountId).execute();
    }

    public void linkOidc(Handle handle, long accountId, String subject) {
        handle.createUpdate("UPDATE account SET oidc_subject = :subject WHERE id = :id")
                .bind("subject", subject).bind("id", accountId).execute();
    }

    /** The id of the organisation with this slug (organisations belong to koppelzones; accounts only point at them). */
    public Optional<Long> organisationId(Handle handle, String slug) {
        return handle.createQuery("SELECT id FROM organisation WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).findOne();
    }

    public void recordLogin(Handle handle, long accountId, Instant at) {
        handle.createUpdate("UPDATE account SET last_login_at = :at WHERE id = :id").bind("at", at).bind("id", accountId).execute();
    }

    // --- API tokens -----------------------------------------------------------------------------

    public long insertToken(Handle handle, long accountId, String label, String hash, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO api_token (account_id, label, token_hash, created_at) VALUES (:account, :label, :hash, :now)
                        """)
                .bind("account", accountId).bind("label", label).bind("hash", hash).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public List<ApiToken> tokensOf(Handle handle, long accountId) {
        return handle.createQuery("""
                        SELECT id, label, created_at, last_used_at, revoked_at FROM api_token
                        WHERE account_id = :account ORDER BY revoked_at IS NOT NULL, created_at DESC
                        """)
                .bind("account", accountId).map(TOKEN).list();
    }

    /** The token's id and owner, if it exists and was not revoked. */
    public Optional<long[]> activeToken(Handle handle, String hash) {
        return handle.createQuery("SELECT id, account_id FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", hash).map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getLong("account_id")}).findOne();
    }

    public boolean revokeToken(Handle handle, long accountId, long tokenId, Instant now) {
        return handle.createUpdate("""
                        UPDATE api_token SET revoked_at = :now WHERE id = :id AND account_id = :account AND revoked_at IS NULL
                        """)
                .bind("now", now).bind("id", tokenId).bind("account", accountId).execute() > 0;
    }

    public void touchToken(Handle handle, long tokenId, Instant now) {
        handle.createUpdate("UPDATE api_token SET last_used_at = :now WHERE id = :id").bind("now", now).bind("id", tokenId).execute();
    }
}

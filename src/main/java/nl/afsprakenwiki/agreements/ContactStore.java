package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.db.Times;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of an agreement's contact (migration V016). Every method runs on a caller's handle. */
final class ContactStore {

    /** Accounts that may be the contact: enabled, of one of the agreement's party organisations. */
    private static final String ELIGIBLE = """
            SELECT a.id, a.username, a.display_name, a.email, o.slug, o.name, m.role
            FROM account a
            JOIN agreement_party p ON p.organisation_id = a.organisation_id AND p.agreement_id = :agreement
            JOIN organisation o ON o.id = a.organisation_id
            LEFT JOIN membership m ON m.account_id = a.id
                 AND m.koppelzone_id = (SELECT koppelzone_id FROM agreement WHERE id = :agreement)
            WHERE a.disabled = 0
            """;

    List<Contact> eligible(Handle handle, long agreementId) {
        return handle.createQuery(ELIGIBLE + " ORDER BY o.name, a.display_name, a.username")
                .bind("agreement", agreementId).map((rs, ctx) -> new Contact(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /**
     * The contact chosen for the agreement, else its creator (the author of revision 1); empty when that
     * account no longer qualifies (disabled, or no longer of a party organisation).
     */
    Optional<Contact> contact(Handle handle, long agreementId) {
        return handle.createQuery(ELIGIBLE + """
                         AND a.id = coalesce((SELECT account_id FROM agreement_contact WHERE agreement_id = :agreement),
                                             (SELECT author_account_id FROM revision
                                               WHERE agreement_id = :agreement AND number = 1))
                        """)
                .bind("agreement", agreementId).map((rs, ctx) -> new Contact(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .findOne();
    }

    void set(Handle handle, long agreementId, long accountId, String by, Instant at) {
        handle.createUpdate("""
                        INSERT INTO agreement_contact (agreement_id, account_id, set_by, set_at)
                        VALUES (:agreement, :account, :by, :at)
                        ON CONFLICT (agreement_id) DO UPDATE SET account_id = excluded.account_id,
                            set_by = excluded.set_by, set_at = excluded.set_at
                        """)
                .bind("agreement", agreementId).bind("account", accountId).bind("by", by).bind("at", Times.format(at))
                .execute();
    }

    /** Back to the default (the creator); false when nothing was chosen. */
    boolean clear(Handle handle, long agreementId) {
        return handle.createUpdate("DELETE FROM agreement_contact WHERE agreement_id = :agreement")
                .bind("agreement", agreementId).execute() > 0;
    }
}

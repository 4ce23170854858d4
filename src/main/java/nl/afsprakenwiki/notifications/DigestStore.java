package nl.afsprakenwiki.notifications;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** The digest_item table (migrations/V010__notification_preferences.sql): always inside the caller's transaction. */
final class DigestStore {

    /** One kept notification: what it was about and where to act. */
    record Item(long id, long accountId, String kind, String subject, String link) {
    }

    /** Keeps a notification for the next digest; false when this event is already kept for this account. */
    boolean keep(Handle handle, String eventKey, String kind, long accountId, Letter letter, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO digest_item (event_key, kind, account_id, subject, link, created_at)
                        VALUES (:event, :kind, :account, :subject, :link, :now)
                        ON CONFLICT (event_key, account_id) DO NOTHING
                        """)
                .bind("event", eventKey).bind("kind", kind).bind("account", accountId).bind("subject", letter.subject())
                .bind("link", letter.link()).bind("now", now)
                .execute() == 1;
    }

    /** Everything no digest took yet, per account in the order it happened. */
    List<Item> waiting(Handle handle) {
        return handle.createQuery("""
                        SELECT id, account_id, kind, subject, link FROM digest_item
                        WHERE digest_key IS NULL ORDER BY account_id, id
                        """)
                .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getLong("account_id"), rs.getString("kind"),
                        rs.getString("subject"), rs.getString("link")))
                .list();
    }

    /** Marks an account's waiting items as taken by {@code digestKey} (sent, or dropped by the person's choice). */
    void take(Handle handle, long accountId, String digestKey) {
        handle.createUpdate("UPDATE digest_item SET digest_key = :digest WHERE account_id = :account AND digest_key IS NULL")
                .bind("digest", digestKey).bind("account", accountId).execute();
    }
}

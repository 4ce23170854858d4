package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.db.Times;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox table (migrations/V008__outbox.sql): plain SQL, always inside the caller's transaction. */
final class OutboxStore {

    /** A mail waiting to be sent, with everything the sender needs. */
    record Pending(long id, String kind, String address, String subject, String text, String html, int attempts,
                   String unsubscribeUrl, Letter.Attachment attachment) {
    }

    /** Inserts one mail; false when this event already has a mail for this account. */
    boolean insert(Handle handle, String eventKey, String kind, long accountId, String address, Letter letter,
                   String unsubscribeUrl, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO outbox (event_key, kind, account_id, address, subject, body_text, body_html,
                                            unsubscribe_url, created_at, next_attempt_at, attachment_name, attachment_type,
                                            attachment)
                        VALUES (:event, :kind, :account, :address, :subject, :text, :html, :unsubscribe, :now, :now,
                                :attachmentName, :attachmentType, :attachment)
                        ON CONFLICT (event_key, account_id) DO NOTHING
                        """)
                .bind("event", eventKey).bind("kind", kind).bind("account", accountId).bind("address", address)
                .bind("subject", letter.subject()).bind("text", letter.text()).bind("html", letter.html())
                .bind("unsubscribe", unsubscribeUrl).bind("now", now)
                .bind("attachmentName", letter.attachment() == null ? null : letter.attachment().name())
                .bind("attachmentType", letter.attachment() == null ? null : letter.attachment().type())
                .bind("attachment", letter.attachment() == null ? null : letter.attachment().content())
                .execute() == 1;
    }

    List<Pending> due(Handle handle, Instant now, int limit) {
        return handle.createQuery("""
                        SELECT id, kind, address, subject, body_text, body_html, attempts, unsubscribe_url,
                               attachment_name, attachment_type, attachment FROM outbox
                        WHERE state = 'queued' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id LIMIT :limit
                        """)
                .bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> new Pending(rs.getLong("id"), rs.getString("kind"), rs.getString("address"),
                        rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getInt("attempts"),
                        rs.getString("unsubscribe_url"),
                        rs.getString("attachment_name") == null ? null : new Letter.Attachment(rs.getString("attachment_name"),
                                rs.getString("attachment_type"), rs.getString("attachment"))))
                .list();
    }

    /** Takes the mail for one attempt; false when it is no longer waiting (sent or taken meanwhile). */
    boolean claim(Handle handle, long id, Instant now) {
        return handle.createUpdate("""
                        UPDATE outbox SET state = 'sending', attempts = attempts + 1, last_attempt_at = :now
                        WHERE id = :id AND state = 'queued'
                        """)
                .bind("id", id).bind("now", now).execute() == 1;
    }

    void markSent(Handle handle, long id, Instant now) {
        handle.createUpdate("UPDATE outbox SET state = 'sent', sent_at = :now, last_error = NULL WHERE id = :id AND state = 'sending'")
                .bind("id", id).bind("now", now).execute();
    }

    void retryAt(Handle handle, long id, Instant next, String error) {
        handle.createUpdate("""
                        UPDATE outbox SET state = 'queued', next_attempt_at = :next, last_error = :error
                        WHERE id = :id AND state = 'sending'
                        """)
                .bind("id", id).bind("next", next).bind("error", error).execute();
    }

    void giveUp(Handle handle, long id, String error) {
        handle.createUpdate("UPDATE outbox SET state = 'failed', last_error = :error WHERE id = :id AND state = 'sending'")
                .bind("id", id).bind("error", error).execute();
    }

    /**
     * At start-up: every waiting mail is tried at once instead of after its back-off. On SQLite, in the one
     * process that holds the data directory, a mail still "sending" was being sent when the last process
     * died (it may or may not have reached the server, the documented window) and is taken back; with
     * several instances on one PostgreSQL server ({@code shared}) it may be another instance's attempt in
     * progress, and is left to {@link #recoverStale}.
     */
    int recoverAtStart(Handle handle, Instant now, boolean shared) {
        int interrupted = shared ? 0
                : handle.createUpdate("UPDATE outbox SET state = 'queued' WHERE state = 'sending'").execute();
        handle.createUpdate("UPDATE outbox SET next_attempt_at = :now WHERE state = 'queued' AND next_attempt_at > :now")
                .bind("now", now).execute();
        return interrupted;
    }

    /**
     * With several instances on one PostgreSQL server: every pass takes back the mails "sending" whose
     * attempt began before {@code staleBefore} (far longer than an attempt can last: their instance died).
     */
    int recoverStale(Handle handle, Instant staleBefore) {
        return handle.createUpdate("UPDATE outbox SET state = 'queued' WHERE state = 'sending' AND last_attempt_at < :before")
                .bind("before", staleBefore).execute();
    }

    boolean anyStale(Handle handle, Instant staleBefore) {
        return handle.createQuery("SELECT count(*) FROM outbox WHERE state = 'sending' AND last_attempt_at < :before")
                .bind("before", staleBefore).mapTo(Integer.class).one() > 0;
    }

    Optional<Instant> nextDue(Handle handle) {
        return handle.createQuery("SELECT min(next_attempt_at) FROM outbox WHERE state = 'queued'")
                .mapTo(Instant.class).findOne();
    }

    /** How many mails are in each state, and how many waiting ones failed before. */
    Map<String, Integer> counts(Handle handle) {
        Map<String, Integer> counts = new java.util.HashMap<>(Map.of("queued", 0, "sending", 0, "sent", 0, "failed", 0));
        handle.createQuery("SELECT state, count(*) AS n FROM outbox GROUP BY state")
                .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getInt("n")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        counts.put("retrying", handle.createQuery("SELECT count(*) FROM outbox WHERE state = 'queued' AND attempts > 0")
                .mapTo(Integer.class).one());
        return counts;
    }

    List<Outbox.Failure> latestFailures(Handle handle, int limit) {
        return handle.createQuery("""
                        SELECT id, kind, address, state, attempts, last_attempt_at, next_attempt_at, last_error FROM outbox
                        WHERE last_error IS NOT NULL AND state IN ('queued', 'sending', 'failed')
                        ORDER BY last_attempt_at DESC, id DESC LIMIT :limit
                        """)
                .bind("limit", limit)
                .map((rs, ctx) -> new Outbox.Failure(rs.getLong("id"), rs.getString("kind"), rs.getString("address"),
                        rs.getString("state"), rs.getInt("attempts"), Times.parseOrNull(rs.getString("last_attempt_at")),
                        Times.parseOrNull(rs.getString("next_attempt_at")), rs.getString("last_error")))
                .list();
    }
}

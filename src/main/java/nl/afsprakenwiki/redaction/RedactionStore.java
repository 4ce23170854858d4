package nl.afsprakenwiki.redaction;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.db.Times;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of redaction. {@link #rewrite} is the only statement in the wiki that changes a stored
 * revision: the V018 trigger lets it through only while the revision has a row in
 * {@code redaction_pending}, which it adds and removes around the UPDATE in the caller's transaction.
 */
final class RedactionStore {

    /** A revision as redaction reads it. */
    record StoredRevision(long id, long agreementId, int number, String title, String body, String summary,
                          String sha256) {
    }

    /** The voorzitter who asked for a redaction. */
    record Requester(long accountId, String username, String displayName) {
    }

    /** What a redaction keeps: never the removed text. */
    record NewRedaction(long agreementId, int revision, String spans, int occurrences, String oldSha256,
                        String newSha256, String reason, Requester requester, Author by, Long sourceRedactionId) {
    }

    /** An agreement the text may also be in: the one redacted, or one adopted from it (at any depth). */
    record Family(long agreementId, long koppelzoneId, String koppelzoneName) {
    }

    private static final String REVISION_COLUMNS = "id, agreement_id, number, title, body, summary, sha256";

    private static StoredRevision revision(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredRevision(rs.getLong("id"), rs.getLong("agreement_id"), rs.getInt("number"),
                rs.getString("title"), rs.getString("body"), rs.getString("summary"), rs.getString("sha256"));
    }

    Optional<StoredRevision> revision(Handle handle, long agreementId, int number) {
        return handle.createQuery("SELECT " + REVISION_COLUMNS + " FROM revision WHERE agreement_id = :a AND number = :n")
                .bind("a", agreementId).bind("n", number).map((rs, ctx) -> revision(rs)).findOne();
    }

    /** The agreement's revisions that hold {@code text} in their title, body or summary, oldest first. */
    List<StoredRevision> revisionsHolding(Handle handle, long agreementId, String text) {
        return handle.createQuery("SELECT " + REVISION_COLUMNS + """
                         FROM revision WHERE agreement_id = :a
                         AND (instr(title, :t) > 0 OR instr(body, :t) > 0 OR instr(summary, :t) > 0)
                        ORDER BY number""")
                .bind("a", agreementId).bind("t", text).map((rs, ctx) -> revision(rs)).list();
    }

    /** The agreement and every agreement adopted from it, directly or from an adopted copy; the agreement first. */
    List<Family> family(Handle handle, long agreementId) {
        return handle.createQuery("""
                        WITH RECURSIVE family(id, depth) AS (
                            SELECT CAST(:a AS BIGINT), 0
                            UNION SELECT ad.agreement_id, f.depth + 1 FROM adoption ad JOIN family f ON ad.source_agreement_id = f.id
                        )
                        SELECT a.id, a.koppelzone_id, k.name FROM family f
                        JOIN agreement a ON a.id = f.id JOIN koppelzone k ON k.id = a.koppelzone_id
                        GROUP BY a.id, a.koppelzone_id, k.name ORDER BY min(f.depth), a.id""")
                .bind("a", agreementId)
                .map((rs, ctx) -> new Family(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    /** The voorzitter {@code username} of koppelzone {@code koppelzoneId}, if that account is one. */
    Optional<Requester> voorzitter(Handle handle, String username, long koppelzoneId) {
        return handle.createQuery("""
                        SELECT a.id, a.username, a.display_name FROM account a
                        JOIN membership m ON m.account_id = a.id AND m.koppelzone_id = :k AND m.role = 'voorzitter'
                        WHERE a.username = :u""")
                .bind("u", username).bind("k", koppelzoneId)
                .map((rs, ctx) -> new Requester(rs.getLong(1), rs.getString(2), rs.getString(3))).findOne();
    }

    /** The voorzitters of a koppelzone, by display name: the choices on the form. */
    List<Requester> voorzitters(Handle handle, long koppelzoneId) {
        return handle.createQuery("""
                        SELECT a.id, a.username, a.display_name FROM account a
                        JOIN membership m ON m.account_id = a.id AND m.koppelzone_id = :k AND m.role = 'voorzitter'
                        WHERE a.disabled = 0 ORDER BY a.display_name""")
                .bind("k", koppelzoneId)
                .map((rs, ctx) -> new Requester(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Replaces the stored title, body, summary and hash of one revision: the sanctioned exception (V018). */
    void rewrite(Handle handle, long revisionId, String title, String body, String summary, String sha256) {
        handle.createUpdate("INSERT INTO redaction_pending (revision_id) VALUES (:r)").bind("r", revisionId).execute();
        handle.createUpdate("UPDATE revision SET title = :t, body = :b, summary = :s, sha256 = :h WHERE id = :r")
                .bind("t", title).bind("b", body).bind("s", summary).bind("h", sha256).bind("r", revisionId).execute();
        handle.createUpdate("DELETE FROM redaction_pending WHERE revision_id = :r").bind("r", revisionId).execute();
    }

    /**
     * Comments on a paragraph quote the paragraph as it was (its first 200 characters): the quote is
     * text of the revision, so the removed text leaves it too. Returns how many quotes changed.
     */
    int cleanCommentExcerpts(Handle handle, long agreementId, String text) {
        return handle.createUpdate("""
                        UPDATE comment SET block_excerpt = replace(block_excerpt, :t, :marker)
                        WHERE agreement_id = :a AND instr(block_excerpt, :t) > 0""")
                .bind("a", agreementId).bind("t", text).bind("marker", Occurrences.MARKER).execute();
    }

    /**
     * Removes {@code text} from the proposals to the source that the agreement made or received (their
     * title, text and note hold a copy of the adopter's text): marked in {@code redaction_pending_text}
     * for the update, as V023 requires. A title that would grow past its limit is cut.
     */
    int cleanProposals(Handle handle, long agreementId, String text) {
        record Proposal(long id, String title, String body, String note) {
        }
        List<Proposal> holding = handle.createQuery("""
                        SELECT id, title, body, note FROM source_proposal
                        WHERE (source_agreement_id = :a OR from_agreement_id = :a)
                          AND (instr(title, :t) > 0 OR instr(body, :t) > 0 OR instr(note, :t) > 0)""")
                .bind("a", agreementId).bind("t", text)
                .map((rs, ctx) -> new Proposal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        for (Proposal proposal : holding) {
            String title = proposal.title().replace(text, Occurrences.MARKER);
            handle.createUpdate("INSERT INTO redaction_pending_text (source, source_id) VALUES ('proposal', :id)")
                    .bind("id", proposal.id()).execute();
            handle.createUpdate("UPDATE source_proposal SET title = :title, body = :body, note = :note WHERE id = :id")
                    .bind("title", title.length() > 200 ? title.substring(0, 200) : title)
                    .bind("body", proposal.body().replace(text, Occurrences.MARKER))
                    .bind("note", proposal.note().replace(text, Occurrences.MARKER)).bind("id", proposal.id()).execute();
            handle.createUpdate("DELETE FROM redaction_pending_text WHERE source = 'proposal' AND source_id = :id")
                    .bind("id", proposal.id()).execute();
        }
        return holding.size();
    }

    /** Removes {@code text} from the agenda items about the agreement (their title copies the agreement's). */
    int cleanMeetingItems(Handle handle, long agreementId, String text) {
        return handle.createUpdate("""
                        UPDATE meeting_item SET title = substr(replace(title, :t, :marker), 1, 300),
                            detail = substr(replace(detail, :t, :marker), 1, 1000)
                        WHERE agreement_id = :a AND (instr(title, :t) > 0 OR instr(detail, :t) > 0)""")
                .bind("a", agreementId).bind("t", text).bind("marker", Occurrences.MARKER).execute();
    }

    /** Tells the search index the agreement changed: its change number moves on (V003), so it is indexed again. */
    void touch(Handle handle, long agreementId) {
        handle.createUpdate("UPDATE change_counter SET value = value + 1 WHERE id = 1").execute();
        handle.createUpdate("UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = :a")
                .bind("a", agreementId).execute();
    }

    long insert(Handle handle, NewRedaction redaction, Instant at) {
        return handle.createUpdate("""
                        INSERT INTO redaction (agreement_id, revision_number, spans, occurrences, old_sha256, new_sha256,
                            reason, requested_by, requested_by_account_id, redacted_by, redacted_by_account_id, redacted_at,
                            source_redaction_id)
                        VALUES (:a, :n, :spans, :count, :old, :new, :reason, :req, :reqId, :by, :byId, :at, :source)""")
                .bind("a", redaction.agreementId()).bind("n", redaction.revision()).bind("spans", redaction.spans())
                .bind("count", redaction.occurrences()).bind("old", redaction.oldSha256())
                .bind("new", redaction.newSha256()).bind("reason", redaction.reason())
                .bind("req", redaction.requester().displayName()).bind("reqId", redaction.requester().accountId())
                .bind("by", redaction.by().name()).bind("byId", redaction.by().accountId()).bind("at", at.toString())
                .bind("source", redaction.sourceRedactionId())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The redactions of an agreement's revisions, newest first. */
    List<Redaction> of(Handle handle, long agreementId) {
        return handle.createQuery("""
                        SELECT id, agreement_id, revision_number, occurrences, old_sha256, new_sha256, reason, requested_by,
                               redacted_by, redacted_at, source_redaction_id
                        FROM redaction WHERE agreement_id = :a ORDER BY id DESC""")
                .bind("a", agreementId)
                .map((rs, ctx) -> new Redaction(rs.getLong("id"), rs.getLong("agreement_id"), rs.getInt("revision_number"),
                        rs.getInt("occurrences"), rs.getString("old_sha256"), rs.getString("new_sha256"),
                        rs.getString("reason"), rs.getString("requested_by"), rs.getString("redacted_by"),
                        Times.parse(rs.getString("redacted_at")), rs.getObject("source_redaction_id") == null ? null : rs.getLong("source_redaction_id")))
                .list();
    }
}

package nl.afsprakenwiki.discussion;

import nl.afsprakenwiki.db.Times;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of the comment tables. Every method runs on a caller's handle. */
final class CommentStore {

    private static final String COLUMNS = """
            SELECT id, agreement_id, reply_to, account_id, author_name, body, revision_number, block_index, block_sha256,
                   block_excerpt, created_at, edited_at, resolved_at, resolved_by
            FROM comment""";

    /** What a new comment holds besides its author and time. */
    record NewComment(long agreementId, Long replyTo, String body, int revision, Paragraphs.Paragraph paragraph) {
    }

    long insert(Handle handle, NewComment comment, long accountId, String authorName, Instant at) {
        Paragraphs.Paragraph paragraph = comment.paragraph();
        return handle.createUpdate("""
                        INSERT INTO comment (agreement_id, reply_to, account_id, author_name, body, revision_number,
                                             block_index, block_sha256, block_excerpt, created_at)
                        VALUES (:agreement, :replyTo, :account, :author, :body, :revision, :block, :sha, :excerpt, :at)
                        """)
                .bind("agreement", comment.agreementId()).bind("replyTo", comment.replyTo())
                .bind("account", accountId).bind("author", authorName).bind("body", comment.body())
                .bind("revision", comment.revision())
                .bind("block", paragraph == null ? null : paragraph.index())
                .bind("sha", paragraph == null ? null : paragraph.sha256())
                .bind("excerpt", paragraph == null ? null : paragraph.excerpt())
                .bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Comment> find(Handle handle, long id) {
        return handle.createQuery(COLUMNS + " WHERE id = :id").bind("id", id).map((rs, ctx) -> comment(rs)).findOne();
    }

    /** Every comment on the agreement, oldest first. */
    List<Comment> ofAgreement(Handle handle, long agreementId) {
        return handle.createQuery(COLUMNS + " WHERE agreement_id = :agreement ORDER BY id")
                .bind("agreement", agreementId).map((rs, ctx) -> comment(rs)).list();
    }

    /** Keeps the earlier text, then replaces it. */
    void edit(Handle handle, Comment comment, String body, Instant at) {
        handle.createUpdate("INSERT INTO comment_edit (comment_id, body, replaced_at) VALUES (:comment, :body, :at)")
                .bind("comment", comment.id()).bind("body", comment.body()).bind("at", at).execute();
        handle.createUpdate("UPDATE comment SET body = :body, edited_at = :at WHERE id = :id")
                .bind("body", body).bind("at", at).bind("id", comment.id()).execute();
    }

    /** The texts a comment had before its edits, oldest first. */
    List<String> earlierTexts(Handle handle, long commentId) {
        return handle.createQuery("SELECT body FROM comment_edit WHERE comment_id = :comment ORDER BY id")
                .bind("comment", commentId).mapTo(String.class).list();
    }

    void resolve(Handle handle, long id, String by, Instant at) {
        handle.createUpdate("UPDATE comment SET resolved_at = :at, resolved_by = :by WHERE id = :id")
                .bind("at", at).bind("by", by).bind("id", id).execute();
    }

    void reopen(Handle handle, long id) {
        handle.createUpdate("UPDATE comment SET resolved_at = NULL, resolved_by = NULL WHERE id = :id").bind("id", id).execute();
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("agreement_id"), nullableLong(rs, "reply_to"), rs.getLong("account_id"),
                rs.getString("author_name"), rs.getString("body"), rs.getInt("revision_number"),
                nullableLong(rs, "block_index") == null ? null : rs.getInt("block_index"), rs.getString("block_sha256"),
                rs.getString("block_excerpt"), Times.parseOrNull(rs.getString("created_at")),
                Times.parseOrNull(rs.getString("edited_at")), Times.parseOrNull(rs.getString("resolved_at")),
                rs.getString("resolved_by"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

package nl.afsprakenwiki.discussion;

import java.time.Instant;

/**
 * One comment in an agreement's discussion, as stored. A thread is a comment without {@code replyTo};
 * only a thread is resolved.
 *
 * @param revision     the revision it was written on
 * @param block        the paragraph (block index in that revision) it is about, or null for the whole agreement
 * @param blockSha256  SHA-256 of that paragraph's text then, to tell whether it has changed since
 * @param blockExcerpt the first words of that paragraph, as the comment shows it
 */
public record Comment(long id, long agreementId, Long replyTo, long accountId, String authorName, String body,
                      int revision, Integer block, String blockSha256, String blockExcerpt, Instant createdAt,
                      Instant editedAt, Instant resolvedAt, String resolvedBy) {

    /** Whether this comment starts a thread (it is no reply). */
    public boolean thread() {
        return replyTo == null;
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** The thread this comment belongs to: itself or the comment it replies to. */
    public long threadId() {
        return replyTo == null ? id : replyTo;
    }
}

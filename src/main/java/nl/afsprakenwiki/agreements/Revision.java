package nl.afsprakenwiki.agreements;

import java.time.Instant;

/**
 * One saved version of an agreement. Never changed after it is written.
 *
 * @param baseNumber the revision its author started from; null for the first, and different from
 *                   {@code number - 1} when the save was merged with someone else's
 */
public record Revision(long id, long agreementId, int number, String title, String body, String authorName,
                       Instant createdAt, String summary, Integer baseNumber, String sha256) {
}

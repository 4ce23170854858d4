package nl.afsprakenwiki.agreements;

import java.time.Instant;

/** A revision as shown in "recent changes". */
public record RecentChange(long agreementId, int number, String title, String authorName, Instant createdAt,
                           String summary, String koppelzoneSlug, String koppelzoneName, String municipalityName) {
}

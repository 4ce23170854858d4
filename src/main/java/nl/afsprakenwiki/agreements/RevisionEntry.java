package nl.afsprakenwiki.agreements;

import java.time.Instant;

/** A line of an agreement's history: a revision without its body. */
public record RevisionEntry(int number, String title, String authorName, Instant createdAt, String summary,
                            Integer baseNumber, String sha256) {
    public String shortHash() {
        return sha256.substring(0, 10);
    }
}

package nl.afsprakenwiki.agreements;

/**
 * One file a revision includes: its safe display name (unique within the revision), the SHA-256
 * and size of its content, and the type detected from that content (see files.FileType).
 */
public record Attachment(String name, String sha256, long size, String type) {
}

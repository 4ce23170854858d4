package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.text.Hashes;

import java.util.Comparator;
import java.util.List;

/**
 * The content of a revision in canonical form: line endings normalised to {@code \n}, title trimmed,
 * attachments sorted by name. Its SHA-256 covers the title, a newline and the body, and — only when
 * there are attachments — a NUL line and each attachment's name and SHA-256, so endorsing a revision
 * endorses its files too. Endorsements bind to this hash, so the definition must never change for
 * stored revisions: a revision without attachments hashes exactly as before attachments existed.
 */
public record RevisionContent(String title, String body, List<Attachment> attachments, String sha256) {

    public RevisionContent {
        attachments = attachments.stream().sorted(Comparator.comparing(Attachment::name)).toList();
    }

    public static RevisionContent of(String title, String body) {
        return of(title, body, List.of());
    }

    public static RevisionContent of(String title, String body, List<Attachment> attachments) {
        String canonicalTitle = title.strip();
        String canonicalBody = normaliseLineEndings(body);
        List<Attachment> sorted = attachments.stream().sorted(Comparator.comparing(Attachment::name)).toList();
        StringBuilder text = new StringBuilder(canonicalTitle).append('\n').append(canonicalBody);
        if (!sorted.isEmpty()) {
            // bodies never hold NUL (text/CleanText removes it), so no text can imitate this list
            text.append("\n\u0000attachments");
            for (Attachment attachment : sorted) {
                text.append('\n').append(attachment.name()).append(' ').append(attachment.sha256());
            }
        }
        return new RevisionContent(canonicalTitle, canonicalBody, sorted, Hashes.sha256(text.toString()));
    }

    public static String normaliseLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The same text (attachments aside). */
    public boolean sameAs(String otherTitle, String otherBody) {
        return title.equals(otherTitle) && body.equals(otherBody);
    }

    /** The same text and the same files under the same names. */
    public boolean sameAs(String otherTitle, String otherBody, List<Attachment> otherAttachments) {
        return sameAs(otherTitle, otherBody) && attachments.equals(
                otherAttachments.stream().sorted(Comparator.comparing(Attachment::name)).toList());
    }
}

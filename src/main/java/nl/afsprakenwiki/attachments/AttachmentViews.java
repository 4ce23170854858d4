package nl.afsprakenwiki.attachments;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Attachment;
import nl.afsprakenwiki.agreements.Revision;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** View models of the attachment pages and the agreement page's "Bijlagen" section. */
public final class AttachmentViews {

    private AttachmentViews() {
    }

    /** One file as listed: its name, its type and size as read, and where to download it. */
    public record Row(String name, String type, String size, String href) {
        static Row of(Revision revision, Attachment file) {
            return new Row(file.name(), file.type().toUpperCase(Locale.ROOT), AttachmentViews.size(file.size()),
                    AgreementService.downloadPath(revision, file.name()));
        }
    }

    static List<Row> rows(Revision revision, List<Attachment> files) {
        return files.stream().map(file -> Row.of(revision, file)).toList();
    }

    /** The section on the agreement page; {@code manage} when the viewer may change the files. */
    public record Section(long agreementId, int revision, List<Row> rows, boolean manage) {
    }

    /** The page listing the current revision's files with the forms to add and remove them. */
    public record Manage(Agreement agreement, Revision revision, List<Row> rows, String notice,
                         Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    /** "1,2 MB", "830 kB", "12 bytes": sizes as people read them (decimal point per language is not worth it here). */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace('.', ',');
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " kB";
        }
        return bytes + " bytes";
    }
}

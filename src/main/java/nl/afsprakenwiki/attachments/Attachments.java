package nl.afsprakenwiki.attachments;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Attachment;
import nl.afsprakenwiki.agreements.AttachmentEditing;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.files.FileNames;
import nl.afsprakenwiki.files.FileType;
import nl.afsprakenwiki.files.StoredFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of an agreement: which a viewer may see and download, and adding, replacing or removing
 * one (each a new revision, see {@link AttachmentEditing}). A file is checked by its content — type
 * and size — and stored before its revision is written; a stored file that no revision names (the
 * save failed after it) is harmless, and no file is ever deleted.
 */
public final class Attachments {

    /** Largest file accepted: 10 MB. */
    public static final long MAX_BYTES = FileType.MAX_BYTES;
    /** The field errors refer to, in the form and in the API's problem. */
    public static final String FIELD = "file";

    private final AgreementService agreements;
    private final AttachmentEditing editing;
    private final StoredFiles files;

    public Attachments(AgreementService agreements, AttachmentEditing editing, StoredFiles files) {
        this.agreements = agreements;
        this.editing = editing;
        this.files = files;
    }

    /** The files of one revision as a viewer may see them. */
    public record Listing(Agreement agreement, Revision revision, List<Attachment> files) {
    }

    /** A file ready to be served: what it is, its type by content, and where it is stored. */
    public record Download(Attachment attachment, FileType type, Path file) {
    }

    /**
     * The files of revision {@code number} (the one the viewer reads when null: the current revision
     * for members, the endorsed one for everyone else); empty when the viewer may not see that revision.
     */
    public Optional<Listing> list(long agreementId, Integer number, Viewer viewer) {
        return agreements.version(agreementId, number, viewer)
                .map(version -> new Listing(version.agreement(), version.revision(), agreements.attachments(version.revision())));
    }

    /** The files {@code revision} includes; the caller has checked that the viewer may read it. */
    public List<Attachment> filesOf(Revision revision) {
        return agreements.attachments(revision);
    }

    /** File {@code name} of revision {@code number}, if the viewer may see that revision and it includes the file. */
    public Optional<Download> download(long agreementId, int number, String name, Viewer viewer) {
        return list(agreementId, number, viewer).flatMap(listing -> listing.files().stream()
                .filter(file -> file.name().equals(name)).findFirst())
                .flatMap(file -> files.find(file.sha256()).flatMap(path -> FileType.fromCode(file.type())
                        .map(type -> new Download(file, type, path))));
    }

    /**
     * Adds (or, under a name it already has, replaces) a file on top of {@code baseRevision}. Refused
     * with a field error on {@link #FIELD} when the name has no usable form, the file is empty or larger
     * than {@link #MAX_BYTES}, its content is not one of the accepted types, or its name's extension
     * says another type than its content (a PNG named {@code .pdf}).
     */
    public SaveOutcome upload(long agreementId, int baseRevision, String uploadedName, InputStream content, Author author) {
        String name = FileNames.clean(uploadedName).orElseThrow(() -> new InvalidInput(FIELD, "error.attachment.name"));
        StoredFiles.Received received = files.receive(content, MAX_BYTES);
        try {
            if (received.size() == 0) {
                throw new InvalidInput(FIELD, "error.attachment.empty");
            }
            if (received.tooLarge()) {
                throw new InvalidInput(FIELD, "error.attachment.tooLarge", name, MAX_BYTES / (1024 * 1024));
            }
            FileType type = detect(received.temporary())
                    .orElseThrow(() -> new InvalidInput(FIELD, "error.attachment.type", name));
            if (!type.matchesName(name)) {
                throw new InvalidInput(FIELD, "error.attachment.mismatch", name, type.extensions().get(0).toUpperCase());
            }
            files.keep(received);
            return editing.change(agreementId, baseRevision,
                    new AttachmentEditing.Put(new Attachment(name, received.sha256(), received.size(), type.code())), author);
        } finally {
            files.discard(received);
        }
    }

    /** Removes file {@code name} on top of {@code baseRevision} (the file stays stored for the revisions that have it). */
    public SaveOutcome remove(long agreementId, int baseRevision, String name, Author author) {
        return editing.change(agreementId, baseRevision, new AttachmentEditing.Remove(name), author);
    }

    private static Optional<FileType> detect(Path file) {
        try {
            return FileType.detect(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

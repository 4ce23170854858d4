package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.RevisionContent;
import nl.afsprakenwiki.koppelzones.KoppelzoneLevel;
import nl.afsprakenwiki.koppelzones.OrganisationKind;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A folder in the import format, read and checked, ready to apply. Nothing in it touches the
 * database. It holds no agreement texts: those are read again, one file at a time, while the import
 * writes them, so that a folder of any size imports in the same memory.
 */
record ImportSet(List<KoppelzoneSpec> koppelzones, List<AgreementFile> agreements) {

    /**
     * An agreement file as it was checked: where to read it again, what was checked (its outline:
     * everything but the revisions' texts) and a digest of its revisions, to notice a file that
     * changed between checking and writing.
     */
    record AgreementFile(Path file, Path history, AgreementSpec outline, String digest) {

        static AgreementFile of(Path file, Path history, AgreementSpec spec) {
            return new AgreementFile(file, history, outline(spec), digest(spec));
        }

        /** Whether {@code spec}, read again, is what was checked. */
        boolean matches(AgreementSpec spec) {
            return outline.equals(outline(spec)) && digest.equals(digest(spec));
        }

        private static AgreementSpec outline(AgreementSpec spec) {
            return new AgreementSpec(spec.file(), spec.slug(), spec.municipality(), spec.koppelzone(), spec.parties(),
                    spec.themes(), spec.status(), spec.reviewDate(), spec.revisions().stream()
                    .map(revision -> new RevisionSpec(revision.file(), revision.title(), "", revision.author(),
                            revision.date(), revision.summary(), revision.attachments(), revision.acceptedFindings()))
                    .toList(), spec.endorsedRevision());
        }

        /** The revisions' texts hashed as the wiki hashes a revision ({@link RevisionContent}), joined. */
        private static String digest(AgreementSpec spec) {
            return RevisionContent.of("", String.join("\0",
                    spec.revisions().stream().map(RevisionSpec::body).toList())).sha256();
        }
    }

    /** A problem in one file; all problems of a folder are reported together. */
    record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
        }
    }

    /** An organisation as named in a file; {@code kind} null means "infer from the name". */
    record PartySpec(String name, OrganisationKind kind, LocalDate joined) {
        OrganisationKind effectiveKind() {
            return kind != null ? kind : OrganisationKind.inferFromName(name);
        }
    }

    record KoppelzoneSpec(String file, String name, String slug, String municipality, String jeugdregio,
                          KoppelzoneLevel level, String chair, String description, List<PartySpec> parties) {
    }

    /** @param attachments the files the revision includes, checked (type by content, size) and hashed */
    record RevisionSpec(String file, String title, String body, String author, Instant date, String summary,
                        List<AttachmentSpec> attachments, List<String> acceptedFindings) {
    }

    /** A file of a revision in an import folder: where it is, and what it was when it was checked. */
    record AttachmentSpec(String name, Path file, String sha256, long size, String type) {
    }

    record AgreementSpec(String file, String slug, String municipality, String koppelzone, List<PartySpec> parties,
                         List<String> themes, AgreementStatus status, LocalDate reviewDate, List<RevisionSpec> revisions,
                         Integer endorsedRevision) {
        RevisionSpec head() {
            return revisions.get(revisions.size() - 1);
        }
    }
}

package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.koppelzones.KoppelzoneLevel;
import nl.afsprakenwiki.koppelzones.OrganisationKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A folder in the import format, read and checked, ready to apply. Nothing in it touches the database. */
record ImportSet(List<KoppelzoneSpec> koppelzones, List<AgreementSpec> agreements) {

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

    record RevisionSpec(String file, String title, String body, String author, Instant date, String summary) {
    }

    record AgreementSpec(String file, String slug, String municipality, String koppelzone, List<PartySpec> parties,
                         List<String> themes, AgreementStatus status, LocalDate reviewDate, List<RevisionSpec> revisions,
                         Integer endorsedRevision) {
        RevisionSpec head() {
            return revisions.get(revisions.size() - 1);
        }
    }
}

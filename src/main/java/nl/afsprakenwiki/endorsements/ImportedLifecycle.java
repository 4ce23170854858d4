package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.agreements.Revision;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * The lifecycle of agreements that come in through {@code import}: the status a file states is
 * taken over as it is, inside the import's transaction. An endorsement from outside the wiki is
 * recorded as an "imported" round, without decisions per party.
 */
public final class ImportedLifecycle {

    private final EndorsementStore store;
    private final AgreementStore agreements;

    public ImportedLifecycle(Lifecycle lifecycle, AgreementStore agreements) {
        this.store = lifecycle.store();
        this.agreements = agreements;
    }

    /**
     * Brings an imported agreement's lifecycle to the status its file states, as of {@code at}: an
     * imported endorsement is recorded as such (no decisions per party), an imported
     * "ter bekrachtiging" opens a round for the current revision.
     *
     * @param endorsedRevision the revision the file says was endorsed; null: for bekrachtigd the
     *                         current revision, for ter_bekrachtiging whatever was endorsed before
     */
    public void apply(Handle handle, long agreementId, AgreementStatus status, Integer endorsedRevision, Instant at,
                         String actor) {
        Agreement agreement = agreements.find(handle, agreementId).orElseThrow();
        var open = store.openRound(handle, agreementId);
        int current = agreement.currentRevision();
        switch (status) {
            case BEKRACHTIGD -> {
                open.ifPresent(round -> store.closeRound(handle, round.id(), Round.Outcome.VERVANGEN, actor, "import", at));
                int endorsed = endorsedRevision == null ? current : endorsedRevision;
                agreements.setLifecycle(handle, agreementId, AgreementStatus.BEKRACHTIGD, endorsed, null,
                        recordImportedEndorsement(handle, agreement, endorsed, at, actor));
            }
            case TER_BEKRACHTIGING -> {
                Integer endorsed = endorsedRevision != null ? endorsedRevision : agreement.endorsedRevision();
                Instant endorsedAt = endorsed == null ? null : recordImportedEndorsement(handle, agreement, endorsed, at, actor);
                if (endorsed != null && endorsed == current) {
                    open.ifPresent(round -> store.closeRound(handle, round.id(), Round.Outcome.VERVANGEN, actor, "import", at));
                    agreements.setLifecycle(handle, agreementId, AgreementStatus.BEKRACHTIGD, current, null, endorsedAt);
                    return;
                }
                if (open.isEmpty() || open.get().revision() != current) {
                    open.ifPresent(round -> store.closeRound(handle, round.id(), Round.Outcome.VERVANGEN, actor, "import", at));
                    Revision revision = agreements.revision(handle, agreementId, current).orElseThrow();
                    store.insertRound(handle, agreementId, current, revision.sha256(), Author.system(actor), at);
                }
                agreements.setLifecycle(handle, agreementId, AgreementStatus.TER_BEKRACHTIGING, endorsed, current, endorsedAt);
            }
            case CONCEPT -> {
                open.ifPresent(round -> store.closeRound(handle, round.id(), Round.Outcome.INGETROKKEN, actor, "import", at));
                agreements.setLifecycle(handle, agreementId, AgreementStatus.CONCEPT, agreement.endorsedRevision(), null,
                        agreement.endorsedAt());
            }
            case VERVALLEN -> {
                if (agreement.status() != AgreementStatus.VERVALLEN) {
                    open.ifPresent(round -> store.closeRound(handle, round.id(), Round.Outcome.VERVALLEN, actor, "import", at));
                    agreements.setRetired(handle, agreementId, at, "import");
                }
            }
            default -> throw new IllegalArgumentException("status " + status);
        }
    }

    /** Records {@code revision} as endorsed by the import unless it already is; returns when it was endorsed. */
    private Instant recordImportedEndorsement(Handle handle, Agreement agreement, int revision, Instant at, String actor) {
        if (agreement.endorsedRevision() != null && agreement.endorsedRevision() == revision
                && agreement.endorsedAt() != null) {
            return agreement.endorsedAt();
        }
        Revision endorsed = agreements.revision(handle, agreement.id(), revision).orElseThrow();
        store.insertImportedRound(handle, agreement.id(), revision, endorsed.sha256(), actor, at);
        return at;
    }

}

package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Author;
import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction, when an agreement's parties change: a round of endorsement that is
 * under way then starts afresh, because other organisations must now decide.
 */
@FunctionalInterface
public interface PartiesChanged {

    void partiesChanged(Handle handle, long agreementId, Author author);

    PartiesChanged NOTHING = (handle, agreementId, author) -> { };
}

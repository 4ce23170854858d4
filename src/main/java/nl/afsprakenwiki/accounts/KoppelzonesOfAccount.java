package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.access.Role;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * A port: the koppelzones an account takes part in, with its role in each. Memberships belong to
 * the koppelzones feature, which sits above accounts; it implements this port and {@code Services}
 * wires it in, so accounts can build a {@link nl.afsprakenwiki.access.Viewer} without importing it.
 */
public interface KoppelzonesOfAccount {

    /** One koppelzone of the account. */
    record Entry(long koppelzoneId, String slug, String name, Role role) {
    }

    /** The account's koppelzones by name, read on the caller's handle (inside its transaction). */
    List<Entry> of(Handle handle, long accountId);
}

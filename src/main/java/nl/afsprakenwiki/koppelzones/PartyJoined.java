package nl.afsprakenwiki.koppelzones;

import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction, when an organisation becomes a party of a koppelzone: the agreements
 * endorsed before it joined are for its people to take note of (the endorsement lifecycle knows which,
 * and tells them).
 */
@FunctionalInterface
public interface PartyJoined {

    void joined(Handle handle, Koppelzone koppelzone, Organisation organisation);

    PartyJoined NOTHING = (handle, koppelzone, organisation) -> { };
}

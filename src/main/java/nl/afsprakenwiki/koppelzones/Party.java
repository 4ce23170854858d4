package nl.afsprakenwiki.koppelzones;

import java.time.LocalDate;

/** An organisation taking part in a koppelzone, and since when. */
public record Party(Organisation organisation, LocalDate joinedOn) {
}

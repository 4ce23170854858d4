package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.access.Role;

import java.time.LocalDate;

/** An account's role in a koppelzone, seen from either side. */
public record Membership(long accountId, String username, String displayName, String organisationName,
                         long koppelzoneId, String koppelzoneSlug, String koppelzoneName, Role role, LocalDate since) {
}

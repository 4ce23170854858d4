package nl.afsprakenwiki.koppelzones;

public record Organisation(long id, String slug, String name, OrganisationKind kind) {
}

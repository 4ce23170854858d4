package nl.afsprakenwiki.koppelzones;

public record Municipality(long id, String slug, String name, String jeugdregio) {
}

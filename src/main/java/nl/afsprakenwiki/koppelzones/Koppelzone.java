package nl.afsprakenwiki.koppelzones;

/** A koppelzone: where the parties of one municipality's (or region's) youth-care chain meet. */
public record Koppelzone(long id, String slug, String name, Municipality municipality, KoppelzoneLevel level,
                         String description, Organisation chair) {
}

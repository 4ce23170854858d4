package nl.afsprakenwiki.leaks;

import nl.afsprakenwiki.koppelzones.Organisation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A waardelek (issue 18): a place where help leaks away at a hand-over between two or more parties
 * of a koppelzone, with the moment it happens, what it means for the child or family, how often, an
 * optional example, its status and the agreements that solve it.
 */
public record Leak(long id, long koppelzoneId, String moment, String title, String description, String frequency,
                   String example, Status status, String reason, boolean published, String authorName,
                   Instant createdAt, Instant updatedAt, List<Organisation> parties, List<LinkedAgreement> agreements) {

    /** The moments the form offers; any other text is a free moment. */
    public static final List<String> MOMENTS = List.of("toeleiding", "aanmelding", "wachttijd", "overdracht",
            "afschaling", "nazorg", "18-/18+", "crisis");

    /** The rough frequencies the form offers; any other text (e.g. "12 per jaar") is kept as written. */
    public static final List<String> FREQUENCIES = List.of("wekelijks", "maandelijks", "per kwartaal", "zelden");

    /** Open: not yet taken up in a meeting's decision (what a meeting agenda proposes). */
    public boolean open() {
        return status == Status.GESIGNALEERD || status == Status.GEAGENDEERD;
    }

    /**
     * An agreement linked to the leak as (part of) its solution; {@code published}: public (its title
     * is then that of the endorsed revision), so visitors of a published leak may see it.
     */
    public record LinkedAgreement(long id, String slug, String title, String status, boolean published) {
    }

    /** The leak as someone outside its koppelzone sees it: only its public agreements. */
    public Leak publicView() {
        return new Leak(id, koppelzoneId, moment, title, description, frequency, example, status, reason, published,
                authorName, createdAt, updatedAt, parties, agreements.stream().filter(LinkedAgreement::published).toList());
    }

    /** One entry of the leak's history (append-only). */
    public record Event(String kind, Status status, String detail, String authorName, Instant at) {
    }

    /** A member's comment on the leak. */
    public record Comment(long id, String authorName, String body, Instant createdAt) {
    }

    public enum Status {
        GESIGNALEERD("gesignaleerd"),
        GEAGENDEERD("geagendeerd"),
        IN_BEHANDELING("in_behandeling"),
        OPGELOST("opgelost"),
        NIET_OPGEPAKT("niet_opgepakt");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Status> of(String code) {
            return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
        }

        /** The statuses a leak may move to from this one. */
        public List<Status> next() {
            return switch (this) {
                case GESIGNALEERD -> List.of(GEAGENDEERD, IN_BEHANDELING, OPGELOST, NIET_OPGEPAKT);
                case GEAGENDEERD -> List.of(IN_BEHANDELING, OPGELOST, NIET_OPGEPAKT);
                case IN_BEHANDELING -> List.of(OPGELOST, NIET_OPGEPAKT);
                case OPGELOST -> List.of(IN_BEHANDELING);
                case NIET_OPGEPAKT -> List.of(GESIGNALEERD);
            };
        }
    }
}

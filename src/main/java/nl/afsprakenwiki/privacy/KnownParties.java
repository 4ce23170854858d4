package nl.afsprakenwiki.privacy;

/**
 * Where the detector learns a koppelzone's {@link Parties}: the listed phone numbers and e-mail domains
 * of its party organisations and its chair. A port: privacy/ knows no koppelzone, the koppelzones
 * package implements it and the wiring passes it to every feature that saves text.
 */
public interface KnownParties {

    /** For callers (and tests) that know no organisation data: every koppelzone has {@link Parties#NONE}. */
    KnownParties NONE = new KnownParties() {
        @Override
        public Parties of(long koppelzoneId) {
            return Parties.NONE;
        }

        @Override
        public Parties ofNamed(String koppelzone) {
            return Parties.NONE;
        }
    };

    /** The parties of koppelzone {@code koppelzoneId}; {@link Parties#NONE} for an unknown one. */
    Parties of(long koppelzoneId);

    /** The parties of the koppelzone with this slug or name (as an import file names it); NONE when there is none yet. */
    Parties ofNamed(String koppelzone);
}

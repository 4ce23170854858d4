package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.koppelzones.Organisation;

/** Where one party stands in a round: its newest decision, or none yet. */
public record PartyState(Organisation organisation, Decision decision) {

    public boolean undecided() {
        return decision == null;
    }

    public boolean endorsed() {
        return decision != null && decision.endorsed();
    }

    public boolean declined() {
        return decision != null && !decision.endorsed();
    }
}

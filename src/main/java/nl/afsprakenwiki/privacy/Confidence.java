package nl.afsprakenwiki.privacy;

/** How sure the detector is: HIGH refuses a save (issue 17 point 2), MEDIUM warns and needs a confirmation. */
public enum Confidence {
    HIGH, MEDIUM
}

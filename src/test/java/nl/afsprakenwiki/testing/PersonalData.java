package nl.afsprakenwiki.testing;

/** Made-up personal data for the privacy guard's tests (issue 17): what the detector finds, and how surely. */
public final class PersonalData {

    /** A made-up BSN that passes the elfproef: a high-confidence finding, which refuses until confirmed. */
    public static final String BSN = "111222333";
    /** A training example that holds {@link #BSN}. */
    public static final String WITH_BSN = "Voorbeeld voor de training: BSN " + BSN + " (verzonnen).";
    /** A first name in a sentence: a medium finding, saved with a warning. */
    public static final String WITH_NAME = "Het wijkteam belt moeder Fatima binnen vijf werkdagen terug.";

    private PersonalData() {
    }
}

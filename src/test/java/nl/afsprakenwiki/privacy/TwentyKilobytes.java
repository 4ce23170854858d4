package nl.afsprakenwiki.privacy;

/**
 * A working agreement of about 20 KB as the detector meets it on save: headings, lists, dates,
 * service numbers and organisation names, with a few pieces of personal data pasted in. Shared by the
 * content test and the benchmark.
 */
public final class TwentyKilobytes {

    private static final String SECTION = """
            ## Overdracht van het wijkteam naar de jeugdhulpaanbieder

            Het wijkteam meldt een jongere aan bij de aanbieder via het beveiligde portaal. De aanmelding bevat
            de hulpvraag, de doelen uit het gezinsplan en de afspraken over regie. Binnen 5 werkdagen na
            ontvangst neemt de aanbieder contact op met de ouders en de jongere. Uiterlijk 1 april 2026 wordt
            de werkwijze geëvalueerd in de koppelzone; de vergadering van 12 maart 2026 bereidt dat voor.

            - De regiehouder blijft het wijkteam tot de intake is afgerond.
            - Bij crisis belt de aanbieder de crisisdienst (088-1234567) of Veilig Thuis (0800-2000).
            - Vragen over facturen gaan naar facturen@aanbieder.nl; aanmeldingen naar aanmelding@wijkteam.nl.
            - Het dossiernummer (bijvoorbeeld 813415348) staat op elke brief; nooit het BSN.

            De moeder en de vader worden uitgenodigd voor het eerste gesprek, samen met de jongere. Is er
            een voogd, dan nodigt de gecertificeerde instelling ook die uit. Jeugdhulp De Brug en Stichting
            Kind en Gezin leveren elk een vaste contactpersoon. De wachttijd is in 2025 gemiddeld 12 weken.

            """;

    private TwentyKilobytes() {
    }

    public static String agreement() {
        StringBuilder text = new StringBuilder("# Werkafspraak overdracht en regie\n\n");
        int section = 0;
        while (text.length() < 20_000) {
            text.append(SECTION);
            if (++section == 7) {
                text.append("Voorbeeld dat er niet in hoort: moeder Fatima (BSN 268506590) is bereikbaar op 06-12345678.\n\n");
            }
        }
        return text.toString();
    }
}

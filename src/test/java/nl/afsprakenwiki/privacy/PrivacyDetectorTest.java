package nl.afsprakenwiki.privacy;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector on the labelled corpus (precision and recall, printed) and on the cases each rule
 * exists for. The clock is fixed: which years a child can be born in depends on today.
 */
class PrivacyDetectorTest {

    static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
    private final PrivacyDetector detector = new PrivacyDetector(DECEMBER_2026);

    private List<Finding> scan(String text) {
        return detector.scan(text, Parties.NONE);
    }

    @Test
    void onTheLabelledCorpusTheHighRulesAreAtLeast98PercentPreciseAnd95PercentCompleteAndTheMediumRules80PercentComplete() {
        CorpusFigures corpus = new CorpusFigures("/privacy/corpus.tsv");
        CorpusFigures.Counts high = corpus.measure(detector, Confidence.HIGH);
        CorpusFigures.Counts medium = corpus.measure(detector, Confidence.MEDIUM);
        System.out.printf("privacy corpus: %d sentences%n", corpus.sentences.size());
        System.out.printf("high rules:   precision %.3f, recall %.3f (tp %d, fp %d, fn %d)%n", high.precision(),
                high.recall(), high.truePositives, high.falsePositives, high.falseNegatives);
        System.out.printf("medium rules: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)%n", medium.precision(),
                medium.recall(), medium.truePositives, medium.falsePositives, medium.falseNegatives);
        high.mistakes.forEach(mistake -> System.out.println("  high " + mistake));
        medium.mistakes.forEach(mistake -> System.out.println("  medium " + mistake));

        assertThat(corpus.sentences).hasSizeGreaterThanOrEqualTo(200);
        assertThat(high.precision()).as("precision of the high rules").isGreaterThanOrEqualTo(0.98);
        assertThat(high.recall()).as("recall of the high rules").isGreaterThanOrEqualTo(0.95);
        assertThat(medium.recall()).as("recall of the medium rules").isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void aBsnPassingTheElfproefIsFoundWithItsExactSpanInEveryNotationAndOneFailingItIsNot() {
        String text = "BSN 268506590, ook als 2685.06.590 of 268 506 590; niet 268506591.";
        List<Finding> findings = scan(text);
        assertThat(findings).extracting(Finding::kind).containsExactly(Kind.BSN, Kind.BSN, Kind.BSN);
        assertThat(findings).extracting(finding -> finding.textIn(text))
                .containsExactly("268506590", "2685.06.590", "268 506 590");
        assertThat(findings.get(0).start()).isEqualTo(4);
        assertThat(findings.get(0).end()).isEqualTo(13);
        assertThat(findings.get(0).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void theFingerprintIsTheSameForTheSameDataInAnyNotationOrTextAndRevealsNothingOfIt() {
        Finding plain = scan("BSN 268506590").get(0);
        Finding dotted = scan("In een andere tekst: 2685.06.590.").get(0);
        Finding other = scan("BSN 955234657").get(0);
        assertThat(plain.fingerprint()).isEqualTo(dotted.fingerprint()).hasSize(20).matches("[0-9a-f]+")
                .doesNotContain("268506590").isNotEqualTo(other.fingerprint());
        assertThat(plain.toString()).doesNotContain("268506590");
    }

    @Test
    void anIbanNeedsItsCountrysLengthAndAValidChecksum() {
        assertThat(scan("Rekening NL61 BUNQ 5660 5863 54 van vader.")).extracting(Finding::kind).containsExactly(Kind.IBAN);
        assertThat(scan("Rekening NL61 BUNQ 5660 5863 55 van vader.")).isEmpty();
        assertThat(scan("Belgisch: BE16894297782792, Duits: DE89906348966030944152")).hasSize(2);
        String followed = "NL39RABO5610794991 2026";
        assertThat(scan(followed)).extracting(finding -> finding.textIn(followed)).containsExactly("NL39RABO5610794991");
    }

    @Test
    void aPostcodeCountsOnlyWithAHouseNumber() {
        assertThat(scan("Het gezin woont op 5038 AB 12.")).extracting(Finding::kind).containsExactly(Kind.POSTCODE);
        assertThat(scan("Huisbezoek op 1234AB 12a.")).extracting(Finding::kind).containsExactly(Kind.POSTCODE);
        assertThat(scan("Het kantoor in 5038 AB Tilburg.")).isEmpty();
    }

    @Test
    void aDateIsABirthDateWhenWrittenAsOneOrNextToAChildButNeverAsADeadlineOrInTheFuture() {
        assertThat(scan("Geb. 03-03-2012, woont bij moeder.")).extracting(Finding::kind).containsExactly(Kind.GEBOORTEDATUM);
        assertThat(scan("De dochter van 4 mei 2016 gaat naar de opvang.")).extracting(Finding::kind)
                .containsExactly(Kind.GEBOORTEDATUM);
        assertThat(scan("De jongere krijgt binnen 6 weken na 12 maart 2025 een besluit.")).isEmpty();
        assertThat(scan("Het kind wordt op 3 maart 2027 gezien.")).isEmpty();
        assertThat(scan("Het kind werd op 3 maart 2025 gezien door de jeugdarts.")).isEmpty();
        assertThat(scan("Het kind is op 3 maart 2025 geboren.")).extracting(Finding::kind).containsExactly(Kind.GEBOORTEDATUM);
        assertThat(scan("Het convenant van 12 mei 2024 met de scholen blijft gelden.")).isEmpty();
    }

    @Test
    void aPhoneNumberIsFlaggedUnlessItIsAServiceNumberOrAListedNumberOfAParty() {
        assertThat(scan("Moeder: 06-12345678, oma: +31 6 3456 7890, thuis: (013) 456 78 90"))
                .extracting(Finding::kind).containsExactly(Kind.TELEFOON, Kind.TELEFOON, Kind.TELEFOON);
        assertThat(scan("Veilig Thuis 0800-2000, informatie 0900-1234, crisisdienst 088-1234567.")).isEmpty();
        Parties parties = new Parties(Set.of("+31 13 543 2100"), Set.of());
        assertThat(detector.scan("Het wijkteam: 013-5432100.", parties)).isEmpty();
        assertThat(detector.scan("Het wijkteam: 013-5432100.", Parties.NONE)).hasSize(1);
    }

    @Test
    void aNameNextToAFamilyRoleIsAMediumFindingAndTheRoleAloneIsNothing() {
        String text = "Moeder F. de Vries en vader Mehmet; de zoon van Daan.";
        List<Finding> findings = scan(text);
        assertThat(findings).extracting(finding -> finding.textIn(text)).containsExactly("F. de Vries", "Mehmet", "Daan");
        assertThat(findings).allSatisfy(finding -> assertThat(finding.confidence()).isEqualTo(Confidence.MEDIUM));
        assertThat(scan("De moeder en de vader van het kind komen allebei.")).isEmpty();
        assertThat(scan("Aanmelden bij Jeugdhulp De Brug of het Emma Kinderziekenhuis.")).isEmpty();
    }

    @Test
    void aPersonalEmailAddressIsFlaggedButNotARoleAddressNorOneAtAPartysDomain() {
        assertThat(scan("Moeder mailt vanaf fatima.elamrani@gmail.com.")).extracting(Finding::kind).containsExactly(Kind.EMAIL);
        assertThat(scan("Mail info@jeugdhulp.nl of aanmelding.jeugd@tilburg.nl.")).isEmpty();
        Parties parties = new Parties(Set.of(), Set.of("Horizon-Jeugd.nl"));
        assertThat(detector.scan("De contactpersoon is m.devries@horizon-jeugd.nl.", parties)).isEmpty();
        assertThat(detector.scan("De contactpersoon is m.devries@horizon-jeugd.nl.", Parties.NONE)).hasSize(1);
    }

    @Test
    void anEmptyOrMissingTextHasNoFindings() {
        assertThat(scan("")).isEmpty();
        assertThat(scan(null)).isEmpty();
    }
}

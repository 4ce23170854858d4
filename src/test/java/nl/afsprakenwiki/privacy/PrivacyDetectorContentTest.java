package nl.afsprakenwiki.privacy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The detector on whole texts: the demo corpus is clean, a long agreement and an adversarial
 * megabyte are read in one linear pass (no regex backtracking), and every kind is explained in both
 * languages.
 */
class PrivacyDetectorContentTest {

    private final PrivacyDetector detector = new PrivacyDetector(PrivacyDetectorTest.DECEMBER_2026);

    @Test
    void theDemoCorpusHoldsNothingThatLooksLikePersonalData() throws IOException, URISyntaxException {
        Path demo = Path.of(getClass().getResource("/demo").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(demo)) {
            files = walk.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(".md")
                    || path.toString().endsWith(".yaml")).toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            String text = Files.readString(file);
            List<Finding> findings = detector.scan(text, Parties.NONE);
            assertThat(findings).as(demo.relativize(file) + ": " + findings.stream()
                    .map(finding -> finding.kind().code() + " '" + finding.textIn(text) + "'").toList()).isEmpty();
        }
    }

    @Test
    void aLongAgreementWithPersonalDataIsScannedCompletely() {
        String agreement = TwentyKilobytes.agreement();
        assertThat(agreement.length()).isBetween(20_000, 22_000);
        List<Finding> findings = detector.scan(agreement, Parties.NONE);
        assertThat(findings).extracting(Finding::kind).contains(Kind.BSN, Kind.TELEFOON, Kind.NAAM);
        assertThat(findings).extracting(finding -> finding.textIn(agreement)).contains("268506590", "06-12345678");
    }

    @Test
    void aMegabyteOfDigitsSpacesAndSeparatorsIsScannedInLinearTime() {
        String[] adversarial = {"1 ".repeat(500_000), "9".repeat(1_000_000), "0 6-1 2 3 (4) 5.".repeat(60_000),
                "NL12 ".repeat(200_000), "12-12-2012 ".repeat(90_000), "a.".repeat(200_000) + "@" + "b.".repeat(200_000),
                "moeder ".repeat(140_000), "1234 AB ".repeat(120_000)};
        for (String text : adversarial) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> detector.scan(text, Parties.NONE),
                    () -> "took too long on " + text.substring(0, 20));
        }
    }

    @Test
    void everyKindIsExplainedInDutchAndInEnglish() throws IOException {
        for (String language : List.of("nl", "en")) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/messages_" + language + ".properties")) {
                messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Kind kind : Kind.values()) {
                assertThat(messages.getProperty(kind.messageKey())).as(language + " " + kind).isNotBlank();
                assertThat(messages.getProperty("privacy.kind." + kind.code())).as(language + " " + kind).isNotBlank();
            }
            assertThat(messages.getProperty("privacy.confidence." + "high")).isNotBlank();
            assertThat(messages.getProperty("privacy.confidence." + Confidence.MEDIUM.name().toLowerCase(Locale.ROOT)))
                    .isNotBlank();
        }
    }
}

package nl.afsprakenwiki.admin;

import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Translations;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every action the code records has a sentence and a filter name in both languages, and every labelled detail a label. */
class AuditSentencesTest {

    private static final Pattern CALL = Pattern.compile("audit\\.record(?:Now)?\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    /** The action codes in the source: the string literals of each audit.record call before its details, without a colon. */
    private static Set<String> recordedActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(file));
                while (call.find()) {
                    String head = call.group(1).split("Map\\.of|details\\b", 2)[0];
                    Matcher literal = LITERAL.matcher(head);
                    while (literal.find()) {
                        if (!literal.group(1).contains(":")) {
                            actions.add(literal.group(1));
                        }
                    }
                }
            }
        }
        return actions;
    }

    @Test
    void everyRecordedActionIsKnownToTheAuditPage() throws IOException {
        Set<String> recorded = recordedActions();
        assertThat(recorded).as("the scan finds the calls").contains("login", "agreement.save", "account.admin-revoked",
                "import").hasSizeGreaterThan(40);
        assertThat(AuditSentences.ACTIONS).containsAll(recorded);
    }

    @Test
    void everyActionAndDetailHasItsTextsInBothLanguages() {
        for (String language : new String[] {Translations.DUTCH, Translations.ENGLISH}) {
            Texts texts = new Translations().of(language);
            for (String action : AuditSentences.ACTIONS) {
                assertThatCode(() -> texts.get("audit.event." + action)).as(language + " " + action).doesNotThrowAnyException();
                assertThatCode(() -> texts.get("audit.kind." + action)).as(language + " " + action).doesNotThrowAnyException();
            }
            for (String key : AuditSentences.DETAIL_KEYS) {
                assertThatCode(() -> texts.get("audit.detail." + key)).as(language + " " + key).doesNotThrowAnyException();
            }
            assertThat(texts.get("audit.event.agreement.decision.endorse")).contains("{0}", "{1}", "{2}", "{3}");
            assertThat(texts.get("audit.event.unknown")).contains("{2}");
        }
    }
}

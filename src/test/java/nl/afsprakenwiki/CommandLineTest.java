package nl.afsprakenwiki;

import nl.afsprakenwiki.CommandLine.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    private static final Set<String> VALUE_OPTIONS = Set.of("port", "data", "host");
    private static final Set<String> FLAGS = Set.of("demo", "help");

    private static CommandLine parse(String... args) {
        return CommandLine.parse(args, VALUE_OPTIONS, FLAGS);
    }

    @Test
    void withoutArgumentsTheCommandIsServe() {
        CommandLine line = parse();

        assertThat(line.command()).isEqualTo("serve");
        assertThat(line.arguments()).isEmpty();
        assertThat(line.option("port")).isEmpty();
        assertThat(line.flag("demo")).isFalse();
    }

    @Test
    void theFirstWordIsTheCommandAndTheRestAreArguments() {
        CommandLine line = parse("import", "map-a", "map-b");

        assertThat(line.command()).isEqualTo("import");
        assertThat(line.arguments()).containsExactly("map-a", "map-b");
        assertThat(line.argument(0, "een map")).isEqualTo("map-a");
        assertThat(line.argument(1, "een map")).isEqualTo("map-b");
    }

    @Test
    void optionsTakeTheNextWordAsTheirValue() {
        CommandLine line = parse("serve", "--port", "8080", "--data", "/tmp/wiki", "--demo");

        assertThat(line.option("port")).contains("8080");
        assertThat(line.option("data")).contains("/tmp/wiki");
        assertThat(line.option("host")).isEmpty();
        assertThat(line.flag("demo")).isTrue();
        assertThat(line.flag("help")).isFalse();
        assertThat(line.arguments()).isEmpty();
    }

    @Test
    void optionsAcceptTheNameEqualsValueForm() {
        CommandLine line = parse("--port=9090", "export", "--data=/srv/data=oud", "uitvoer", "--host=");

        assertThat(line.command()).isEqualTo("export");
        assertThat(line.arguments()).containsExactly("uitvoer");
        assertThat(line.option("port")).contains("9090");
        // Only the first '=' separates name and value.
        assertThat(line.option("data")).contains("/srv/data=oud");
        assertThat(line.option("host")).contains("");
    }

    @Test
    void optionsMayComeBeforeTheCommand() {
        CommandLine line = parse("--demo", "--port", "0", "serve");

        assertThat(line.command()).isEqualTo("serve");
        assertThat(line.flag("demo")).isTrue();
        assertThat(line.option("port")).contains("0");
    }

    @Test
    void theLastValueOfARepeatedOptionWins() {
        assertThat(parse("--port", "1", "--port=2").option("port")).contains("2");
    }

    @Test
    void anUnknownOptionIsRejected() {
        assertThatThrownBy(() -> parse("serve", "--prot", "8080"))
                .isInstanceOf(UsageException.class)
                .hasMessage("onbekende optie --prot");
    }

    @Test
    void aFlagGivenAValueIsRejected() {
        assertThatThrownBy(() -> parse("--demo=true"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--demo heeft geen waarde");
    }

    @Test
    void anOptionWithoutItsValueIsRejected() {
        assertThatThrownBy(() -> parse("serve", "--port"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port heeft een waarde nodig");
    }

    @Test
    void anOptionFollowedByAnotherOptionIsMissingItsValue() {
        assertThatThrownBy(() -> parse("--port", "--demo"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port heeft een waarde nodig");
    }

    @Test
    void singleDashesAndABareDoubleDashAreOrdinaryWords() {
        CommandLine line = parse("import", "-p", "--", "-");

        assertThat(line.arguments()).containsExactly("-p", "--", "-");
    }

    @Test
    void aMissingArgumentIsReportedWithItsDescription() {
        CommandLine line = parse("backup");

        assertThatThrownBy(() -> line.argument(0, "een bestandsnaam voor de kopie"))
                .isInstanceOf(UsageException.class)
                .hasMessage("backup heeft een bestandsnaam voor de kopie nodig");
    }

    @Test
    void theParsedLineCannotBeChangedAfterwards() {
        CommandLine line = parse("import", "map");

        assertThatThrownBy(() -> line.arguments().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(line.arguments()).isEqualTo(List.of("map"));
    }
}

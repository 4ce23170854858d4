package nl.afsprakenwiki.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonTest {

    enum Colour { ROOD, GROEN }

    record Inner(Integer number, String text) {
    }

    record Sample(String title, Integer baseRevision, Long item, List<String> themes, LocalDate reviewDate,
                  Map<String, String> parties, Inner inner, Colour colour) {
    }

    private final Json json = new Json();

    private Sample read(String body) {
        return json.read(body.getBytes(StandardCharsets.UTF_8), Sample.class);
    }

    private String refusal(String body) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> read(body));
        assertThat(problem).as(body).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        return problem.detail();
    }

    @Test
    void aWellTypedObjectIsRead() {
        Sample sample = read("""
                {"title": "T", "baseRevision": 2, "item": 99999999999, "themes": ["a"], "reviewDate": "2030-01-31",
                 "parties": {"x": "y"}, "inner": {"number": 1, "text": "t"}, "colour": "ROOD"}""");
        assertThat(sample).isEqualTo(new Sample("T", 2, 99999999999L, List.of("a"), LocalDate.of(2030, 1, 31),
                Map.of("x", "y"), new Inner(1, "t"), Colour.ROOD));
        assertThat(read("{\"title\": null, \"themes\": []}")).isEqualTo(new Sample(null, null, null, List.of(), null, null,
                null, null));
    }

    @Test
    void aNumberIsNoTextAndTextIsNoNumber() {
        assertThat(refusal("{\"title\": 123}")).startsWith("title: een tekst verwacht, niet een getal (regel 1");
        assertThat(refusal("{\"title\": 1.5}")).startsWith("title: een tekst verwacht, niet een kommagetal");
        assertThat(refusal("{\"title\": true}")).startsWith("title: een tekst verwacht, niet true of false");
        assertThat(refusal("{\"title\": {}}")).startsWith("title: een tekst verwacht, niet een object");
        assertThat(refusal("{\"title\": [\"x\"]}")).startsWith("title: een tekst verwacht, niet een lijst");
        assertThat(refusal("{\"baseRevision\": \"7\"}")).startsWith("baseRevision: een geheel getal verwacht, niet een tekst");
        assertThat(refusal("{\"baseRevision\": true}")).startsWith("baseRevision: een geheel getal verwacht");
        assertThat(refusal("{\"inner\": {\"text\": 5}}")).startsWith("inner.text: een tekst verwacht, niet een getal");
        assertThat(refusal("{\"parties\": {\"x\": 5}}")).startsWith("parties.x: een tekst verwacht, niet een getal");
    }

    @Test
    void aFractionIsNoWholeNumberAndTooBigANumberIsNamed() {
        assertThat(refusal("{\"baseRevision\": 1.5}")).startsWith("baseRevision: een geheel getal verwacht, niet een kommagetal");
        assertThat(refusal("{\"baseRevision\": 1.0}")).startsWith("baseRevision: een geheel getal verwacht");
        assertThat(refusal("{\"baseRevision\": 99999999999}")).startsWith("baseRevision: een getal dat te groot");
        assertThat(refusal("{\"item\": 99999999999999999999}")).startsWith("item: een getal dat te groot");
    }

    @Test
    void listsAreListsWithoutNulls() {
        assertThat(refusal("{\"themes\": \"los\"}")).startsWith("themes: een lijst verwacht, niet een tekst");
        assertThat(refusal("{\"themes\": [null]}")).startsWith("themes[0]: een tekst verwacht, niet null (regel 1");
        assertThat(refusal("{\"themes\": [1]}")).startsWith("themes[0]: een tekst verwacht, niet een getal");
        assertThat(refusal("{\"themes\": [{}]}")).startsWith("themes[0]: een tekst verwacht, niet een object");
        assertThat(refusal("{\"parties\": []}")).startsWith("parties: een object verwacht, niet een lijst");
        assertThat(refusal("{\"inner\": []}")).startsWith("inner: een object verwacht, niet een lijst");
    }

    @Test
    void aDateIsAnIsoText() {
        assertThat(refusal("{\"reviewDate\": 20000}")).startsWith("reviewDate: een datum als tekst (JJJJ-MM-DD) verwacht, niet een getal");
        assertThat(refusal("{\"reviewDate\": [2030, 1, 31]}")).startsWith("reviewDate: een datum als tekst (JJJJ-MM-DD) verwacht");
        assertThat(refusal("{\"reviewDate\": \"31-01-2030\"}")).startsWith("reviewDate: '31-01-2030' is geen geldige waarde; verwacht een datum");
        assertThat(refusal("{\"reviewDate\": \"\"}")).startsWith("reviewDate: '' is geen geldige waarde");
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedOnes() {
        assertThat(refusal("{\"colour\": \"paars\"}")).startsWith("colour: 'paars' is geen geldige waarde; verwacht een van: ROOD, GROEN");
        assertThat(refusal("{\"colour\": 0}")).startsWith("colour: een van: ROOD, GROEN verwacht, niet een getal");
    }

    @Test
    void theBodyIsOneObjectInValidUtf8() {
        for (String body : List.of("null", "[]", "[{}]", "3", "\"tekst\"", "true")) {
            assertThat(refusal(body)).as(body).startsWith("De body moet een JSON-object zijn");
        }
        assertThat(refusal("null")).contains("niet null");
        assertThat(refusal("[]")).contains("niet een lijst");
        assertThat(refusal("  ")).startsWith("De body is leeg");
        assertThat(refusal("{} {}")).startsWith("Na het JSON-object volgt nog meer");
        assertThat(refusal("{\"title\": \"x\",\n \"body\": }")).startsWith("Ongeldige JSON (regel 2, kolom");
        assertThat(refusal("{\"title\": ")).startsWith("Ongeldige JSON (regel 1").contains("houdt op");
        assertThat(refusal("{\"title\": \"a\u0000b\"}")).startsWith("Ongeldige JSON (regel 1");
        assertThat(refusal("{\"title\": \"a\u0001b\"}")).endsWith("hier staat een teken dat daar niet mag.");
        assertThat(refusal("{\"titel\": 1}")).isEqualTo("Onbekend veld 'titel'. Toegestaan zijn: baseRevision, colour, "
                + "inner, item, parties, reviewDate, themes, title.");
        ProblemException utf8 = catchThrowableOfType(ProblemException.class, () -> json.read(new byte[] {'{', '"', 't', 'i',
                't', 'l', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'}, Sample.class));
        assertThat(utf8.detail()).startsWith("De body is geen geldige UTF-8");
    }

    @Test
    void aWrongFieldIsAlsoNamedInTheErrorsMember() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> read("{\"title\": 123}"));
        assertThat(problem.extensions()).isEqualTo(Map.of("errors", Map.of("title", "een tekst verwacht, niet een getal")));
    }
}

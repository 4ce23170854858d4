package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.text.CleanText;
import nl.afsprakenwiki.text.Slugs;
import nl.afsprakenwiki.transfer.FrontMatter.Invalid;
import nl.afsprakenwiki.transfer.FrontMatter.Value;
import nl.afsprakenwiki.transfer.ImportSet.PartySpec;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks the values of an import file's front matter, reporting each problem with its line. */
final class FieldReader {

    private static final Set<String> PARTY_KEYS = Set.of("name", "kind", "joined");

    private final ImportProblems problems;

    FieldReader(ImportProblems problems) {
        this.problems = problems;
    }

    List<PartySpec> parties(Path file, FrontMatter yaml, boolean allowJoined) throws Invalid {
        var value = yaml.get("parties");
        if (value.isEmpty()) {
            return List.of();
        }
        List<PartySpec> parties = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Value item : value.get().items(yaml.lineOffset())) {
            PartySpec party = party(file, item, yaml.lineOffset(), allowJoined);
            if (party != null && seen.add(Slugs.of(party.name(), 120))) {
                parties.add(party);
            }
        }
        return parties;
    }

    private PartySpec party(Path file, Value item, int offset, boolean allowJoined) throws Invalid {
        if (item.isScalar()) {
            String name = CleanText.line(item.text().orElse(""));
            return checkName(file, item.line(), name) ? new PartySpec(name, null, null) : null;
        }
        Map<String, Value> fields = item.mapping(offset);
        for (String key : fields.keySet()) {
            if (!PARTY_KEYS.contains(key) || (key.equals("joined") && !allowJoined)) {
                problems.add(file, fields.get(key).line(), "onbekende sleutel '" + key + "' bij een partij");
            }
        }
        String name = fields.containsKey("name") ? CleanText.line(fields.get("name").text().orElse("")) : "";
        if (!checkName(file, item.line(), name)) {
            return null;
        }
        OrganisationKind kind = null;
        if (fields.containsKey("kind")) {
            String code = fields.get("kind").text().orElse("");
            kind = OrganisationKind.fromCode(code).orElse(null);
            if (kind == null) {
                problems.add(file, fields.get("kind").line(), "soort organisatie '" + code + "' bestaat niet; kies uit "
                        + String.join(", ", Arrays.stream(OrganisationKind.values()).map(OrganisationKind::code).toList()));
            }
        }
        LocalDate joined = null;
        if (fields.containsKey("joined")) {
            joined = parseDate(file, fields.get("joined"));
        }
        return new PartySpec(name, kind, joined);
    }

    private boolean checkName(Path file, int line, String name) {
        if (name.isEmpty()) {
            problems.add(file, line, "een partij heeft geen naam");
            return false;
        }
        if (name.length() > 160 || Slugs.of(name, 120).isEmpty()) {
            problems.add(file, line, "partijnaam '" + name + "' is te lang of bevat geen letters");
            return false;
        }
        return true;
    }

    List<String> themes(Path file, FrontMatter yaml) throws Invalid {
        var value = yaml.get("themes");
        if (value.isEmpty()) {
            return List.of();
        }
        Set<String> themes = new LinkedHashSet<>();
        for (Value item : value.get().items(yaml.lineOffset())) {
            String theme = AgreementInput.normaliseTheme(item.text().orElse(""));
            if (theme.length() > AgreementInput.MAX_THEME) {
                problems.add(file, item.line(), "thema langer dan " + AgreementInput.MAX_THEME + " tekens");
            } else if (!theme.isEmpty()) {
                themes.add(theme);
            }
        }
        if (themes.size() > AgreementInput.MAX_THEMES) {
            problems.add(file, value.get().line(), "meer dan " + AgreementInput.MAX_THEMES + " thema's");
        }
        return List.copyOf(themes);
    }

    /** A list of short strings ({@code accepted_findings: [a, b]}); empty when absent. */
    List<String> list(Path file, FrontMatter yaml, String key, int maxLength) throws Invalid {
        var value = yaml.get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (Value item : value.get().items(yaml.lineOffset())) {
            String text = item.text().orElse("").strip();
            if (text.isEmpty() || text.length() > maxLength) {
                problems.add(file, item.line(), "'" + key + "' bevat een leeg of te lang item");
            } else {
                items.add(text);
            }
        }
        return List.copyOf(items);
    }

    String required(Path file, FrontMatter yaml, String key, int maxLength) throws Invalid {
        String value = optional(file, yaml, key, maxLength);
        if (value == null && yaml.get(key).isEmpty()) {
            problems.add(file, 1, "'" + key + "' ontbreekt");
        } else if (value == null) {
            problems.add(file, line(yaml, key), "'" + key + "' is leeg");
        }
        return value;
    }

    String optional(Path file, FrontMatter yaml, String key, int maxLength) throws Invalid {
        var value = yaml.get(key);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.get().isScalar()) {
            throw new Invalid(value.get().line(), "'" + key + "' moet een enkele waarde zijn");
        }
        // a value that is empty once cleaned counts as empty, as in the wiki's forms
        String text = value.get().text().map(CleanText::line).orElse(null);
        if (text != null && text.length() > maxLength) {
            problems.add(file, value.get().line(), "'" + key + "' is langer dan " + maxLength + " tekens");
            return null;
        }
        return text == null || text.isEmpty() ? null : text;
    }

    /** A name that identifies something must give a slug: it needs at least one letter or digit. */
    String named(Path file, FrontMatter yaml, String value, String key) {
        if (value != null && Slugs.of(value, 120).isEmpty()) {
            problems.add(file, line(yaml, key), "'" + key + "' moet minstens één letter of cijfer bevatten, niet '" + value + "'");
            return null;
        }
        return value;
    }

    static String optionalText(FrontMatter yaml, String key) {
        return CleanText.text(yaml.get(key).flatMap(Value::text).orElse(""));
    }

    LocalDate date(Path file, FrontMatter yaml, String key) {
        return yaml.get(key).map(value -> parseDate(file, value)).orElse(null);
    }

    private LocalDate parseDate(Path file, Value value) {
        String text = value.text().orElse(null);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(file, value.line(), "'" + text + "' is geen datum; schrijf JJJJ-MM-DD");
            return null;
        }
    }

    Instant instant(Path file, FrontMatter yaml) {
        var value = yaml.get("date");
        if (value.isEmpty() || value.get().text().isEmpty()) {
            return null;
        }
        String text = value.get().text().get().strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(file, value.get().line(), "'" + text + "' is geen tijdstip; schrijf bijvoorbeeld 2026-03-14T10:00:00Z");
            return null;
        }
    }

    void unknownKeys(Path file, FrontMatter yaml, Set<String> allowed) {
        yaml.values().forEach((key, value) -> {
            if (!allowed.contains(key)) {
                problems.add(file, value.line(), "onbekende sleutel '" + key + "'; toegestaan zijn " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        });
    }

    static int line(FrontMatter yaml, String key) {
        return yaml.get(key).map(Value::line).orElse(1);
    }
}

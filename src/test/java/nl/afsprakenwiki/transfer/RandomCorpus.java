package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.text.Slugs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A folder in the import format generated from a seed, written the way people write such files by
 * hand (plain, single- and double-quoted values, flow and block lists, CRLF line endings, a
 * byte-order mark, any folder structure), together with what an import has to make of it.
 * The YAML here is written independently of the exporter's {@link Yaml}, so the two check each other.
 */
final class RandomCorpus {

    /** One revision as the files describe it; {@code date} null means "the time of the import". */
    record Revision(String title, String body, String author, Instant date, String summary) {
    }

    /** A party of a koppelzone.yaml; {@code joined} null means "the date of the import". */
    record Party(String name, LocalDate joined) {
    }

    record Koppelzone(String name, String slug, String municipality, boolean declared, String level, String chair,
                      String description, List<Party> declaredParties) {
    }

    record Agreement(String file, String slug, Koppelzone koppelzone, Set<String> parties, Set<String> themes,
                     String status, LocalDate reviewDate, List<Revision> revisions) {
    }

    private static final List<String> MUNICIPALITIES = List.of("'s-Hertogenbosch", "Súdwest-Fryslân",
            "Nuenen, Gerwen en Nederwetten", "Bergen (NH)", "Den \"Haag\"", "Zaanstad: Noord", "Hof van Twente #1",
            "IJsselstein", "Noardeast-Fryslân", "Çeşme-Ölüdeniz", "Sint-Michielsgestel", "Wijk bij Duurstede");
    private static final List<String> REGIONS = List.of("Hart van Brabant", "Regio: \"Noord\" #3", "Fryslân",
            "Ĳssel & Vecht", "Zuid-Holland Zuid");
    private static final List<String> KOPPELZONE_NAMES = List.of("Koppelzone Jeugd %s", "Koppelzone: \"Jeugd & Gezin\" %s",
            "Regionale koppelzone #%d %s", "Jeugdtafel '%s'", "Koppelzone Onderwijs en Jeugdhulp – %s");
    private static final List<String> WORDS = List.of("warme-overdracht", "crisis", "triage", "18-plus", "wachtlijst",
            "poh-jeugd", "thuiszitters");
    private static final List<String> TITLE_PARTS = List.of("Warme overdracht", "bij afschaling", "Crisis: wie belt wie?",
            "\"Tussen wal en schip\"", "'s-Hertogenbosch", "#1 prioriteit", "18-/18+", "Ĳssel", "ë ï ö ü", "Ærø",
            "[concept]", "{geen json}", "& co", "- geen lijst", "50% sneller", "van A naar B", "中文", "😀", "a: b",
            "yes", "null", "~", "@team", "`code`", "!belangrijk", "*sterren*", "| pijp", "> groter");
    private static final List<String> BODY_LINES = List.of("# Kop met ë en ñ", "## Afspraken",
            "- punt met **vet** en _cursief_", "1. eerste stap: bellen", "---", "***", "> \"Citaat\" uit 's-Hertogenbosch",
            "Tekst met ë, ï, ö, ü, ß, Ω, 中文 en 😀.", "| kolom | waarde |", "|---|---|", "    ingesprongen code",
            "\tmet een tab", "regel met spaties aan het eind   ", "title: dit is geen front matter",
            "#hashtag zonder spatie", "<b>html</b> & entiteiten &amp;", "", "", "   ", "...", "%YAML 1.2", "```",
            "met\u00A0harde\u00A0spatie", "scheiding\u2028binnen een regel", "[link](https://example.org/a?b=c#d)",
            "- [ ] taak", "Ĳsselmeer en ĳs", "--- ", "=== kop ===");
    private static final List<String> DESCRIPTION_LINES = List.of("In de koppelzone stemmen we af: wie doet wat?",
            "# geen commentaar maar tekst", "Citaat: \"warme overdracht\" en 'koude' overdracht", "---",
            "  - ingesprongen punt", "Ĳssel, Fryslân, Ærø en 中文 😀", "100% #1 & <b>", "key: value", "...",
            "Het wijkteam zit voor.");
    private static final List<String> THEMES = List.of("afschaling", "Uitstroom en Nazorg", "  crisis  ", "18-/18+",
            "huisarts   en poh", "Thema #1", "a: b", "Ñandú", "privacy, echt", "informatie-uitwisseling", "'quote'",
            "\"dubbel\"");
    private static final List<String> AUTHORS = List.of("Marieke de Vries", "Çiğdem Yılmaz", "O'Neill, Seán",
            "Jan \"JJ\" Jansen", "#1 Fan", "Ĳsbrand van 't Hof", "anoniem: geen naam");
    private static final List<String> SUMMARIES = List.of("Eerste versie", "Termijn: 5 werkdagen (was 10)",
            "\"Warme\" overdracht toegevoegd #2", "Typfout in 's-Hertogenbosch hersteld", "- geen lijst",
            "100% eens & akkoord", "Ĳssel, ë, 中文 en 😀", "yes");
    private static final List<String> STATUSES = List.of("", "concept", "ter_bekrachtiging", "ter bekrachtiging",
            "bekrachtigd", "vervallen", "bekrachtigd");

    private static final Pattern PLAIN_SAFE = Pattern.compile("\\p{L}([\\p{L}\\p{N} -]*[\\p{L}\\p{N}])?");
    /** Words a careful author quotes, because YAML gives them a meaning of their own. */
    private static final Set<String> RESERVED = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

    private record Organisation(String name, OrganisationKind kind, boolean explicit) {
    }

    final List<Koppelzone> koppelzones = new ArrayList<>();
    final List<Agreement> agreements = new ArrayList<>();
    /** Municipality name to the jeugdregio some koppelzone.yaml of it declared. */
    final Map<String, String> jeugdregio = new LinkedHashMap<>();
    /** Every organisation named somewhere, with the kind it must get. */
    final Map<String, OrganisationKind> kinds = new LinkedHashMap<>();
    final Set<String> municipalities = new LinkedHashSet<>();

    private final Random random;
    private final Path root;
    private int counter;

    private RandomCorpus(long seed, Path root) {
        this.random = new Random(seed);
        this.root = root;
    }

    /** Writes a corpus for {@code seed} into the (empty) folder {@code root}. */
    static RandomCorpus write(long seed, Path root) {
        RandomCorpus corpus = new RandomCorpus(seed, root);
        corpus.generate();
        return corpus;
    }

    private void generate() {
        List<String> places = new ArrayList<>(MUNICIPALITIES);
        Collections.shuffle(places, random);
        for (String municipality : places.subList(0, 2 + random.nextInt(3))) {
            municipalities.add(municipality);
            String regio = REGIONS.get(random.nextInt(REGIONS.size()));
            List<Organisation> organisations = organisations(municipality);
            int zones = 1 + random.nextInt(2);
            for (int i = 0; i < zones; i++) {
                Koppelzone koppelzone = koppelzone(municipality, regio, organisations, i);
                koppelzones.add(koppelzone);
                int count = 1 + random.nextInt(3);
                for (int j = 0; j < count; j++) {
                    agreement(koppelzone, organisations);
                }
            }
        }
    }

    private List<Organisation> organisations(String place) {
        List<Organisation> all = new ArrayList<>();
        add(all, "Wijkteam " + place, OrganisationKind.LOKAAL_TEAM);
        add(all, "Jeugdhulp 'De Brug' " + place, OrganisationKind.AANBIEDER);
        add(all, "Huisartsen: " + place + " e.o.", OrganisationKind.HUISARTS);
        add(all, "Stichting \"Ons Huis\" " + place, OrganisationKind.OVERIG);
        add(all, "Veilig Thuis " + place, OrganisationKind.VEILIG_THUIS);
        add(all, "Zorggroep Ærø #" + (++counter) + " " + place, OrganisationKind.AANBIEDER);
        add(all, "Basisschool 't Kofschip " + place, OrganisationKind.ONDERWIJS);
        add(all, "Gemeente " + place, OrganisationKind.GEMEENTE);
        add(all, "Praktijk De Linde " + place, OrganisationKind.HUISARTS);
        add(all, "Bureau Jeugd & Co " + place, OrganisationKind.AANBIEDER);
        Collections.shuffle(all, random);
        return all.subList(0, 5 + random.nextInt(all.size() - 4));
    }

    private void add(List<Organisation> all, String name, OrganisationKind kind) {
        boolean inferred = OrganisationKind.inferFromName(name) == kind;
        all.add(new Organisation(name, kind, !inferred || random.nextInt(3) == 0));
        kinds.put(name, kind);
    }

    // --- koppelzone.yaml ------------------------------------------------------------------------

    private Koppelzone koppelzone(String municipality, String regio, List<Organisation> organisations, int index) {
        String template = KOPPELZONE_NAMES.get(random.nextInt(KOPPELZONE_NAMES.size()));
        String name = template.contains("%d") ? template.formatted(index + 1, municipality)
                : template.formatted(municipality) + (index > 0 ? " " + (index + 1) : "");
        boolean declared = random.nextInt(10) < 7;
        String derived = Slugs.of(name, 120);
        if (!declared) {
            return new Koppelzone(name, derived, municipality, false, "lokaal", null, "", List.of());
        }
        StringBuilder yaml = new StringBuilder();
        List<String> lines = new ArrayList<>();
        lines.add("name: " + scalar(name));
        String slug = derived;
        int slugChoice = random.nextInt(3);
        if (slugChoice == 0) {
            slug = "kz-" + (++counter) + "-" + Slugs.of(municipality, 40);
            lines.add("slug: " + slug);
        } else if (slugChoice == 1) {
            lines.add("slug: " + scalar(slug));
        }
        lines.add("municipality: " + scalar(municipality));
        if (random.nextBoolean()) {
            lines.add("jeugdregio: " + scalar(regio));
            jeugdregio.put(municipality, regio);
        }
        String level = random.nextBoolean() ? "regionaal" : "lokaal";
        if (level.equals("regionaal") || random.nextBoolean()) {
            lines.add("level: " + level);
        }
        List<Organisation> members = new ArrayList<>(organisations.subList(0, 2 + random.nextInt(organisations.size() - 2)));
        Collections.shuffle(members, random);
        String chair = null;
        if (random.nextInt(3) > 0) {
            chair = members.get(random.nextInt(members.size())).name();
            lines.add("chair: " + scalar(random.nextBoolean() ? chair : chair.toUpperCase(Locale.ROOT)));
        }
        String description = description(lines);
        Collections.shuffle(lines, random);
        lines.forEach(line -> yaml.append(line).append('\n'));
        yaml.append("parties:\n");
        List<Party> parties = new ArrayList<>();
        for (Organisation member : members) {
            LocalDate joined = random.nextBoolean() ? LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1500)) : null;
            parties.add(new Party(member.name(), joined));
            yaml.append(party(member, joined));
        }
        String folder = switch (random.nextInt(3)) {
            case 0 -> Slugs.of(municipality, 80) + "/" + slug;
            case 1 -> "zones/Koppelzone " + (++counter);
            default -> "alles door elkaar/" + (++counter);
        };
        writeFile(folder + "/" + (random.nextInt(4) == 0 ? "koppelzone.yml" : "koppelzone.yaml"), yaml.toString());
        return new Koppelzone(name, slug, municipality, true, level, chair, description, parties);
    }

    /** Adds a description in one of YAML's notations to {@code lines}; returns the text it stands for. */
    private String description(List<String> lines) {
        List<String> text = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            text.add(DESCRIPTION_LINES.get(random.nextInt(DESCRIPTION_LINES.size())));
        }
        switch (random.nextInt(5)) {
            case 0 -> {
                return "";
            }
            case 1 -> {
                String value = String.join("\n", text) + (random.nextBoolean() ? "\n" : "") + "\tmet tab en spaties  ";
                lines.add("description: " + doubleQuoted(value));
                return value;
            }
            case 2, 3 -> {
                text.set(0, "Eerste regel: " + text.get(0).strip());
                if (count > 2) {
                    text.add(1, "");
                }
                boolean clip = random.nextBoolean();
                StringBuilder block = new StringBuilder("description: |" + (clip ? "" : "-"));
                for (String line : text) {
                    block.append('\n').append(line.isEmpty() ? "" : "  " + line);
                }
                lines.add(block.toString());
                return String.join("\n", text) + (clip ? "\n" : "");
            }
            default -> {
                String value = text.get(0).strip();
                lines.add("description: " + scalar(value));
                return value;
            }
        }
    }

    private String party(Organisation organisation, LocalDate joined) {
        if (!organisation.explicit() && joined == null) {
            return "  - " + scalar(organisation.name()) + "\n";
        }
        if (random.nextInt(4) == 0) {
            List<String> fields = new ArrayList<>();
            fields.add("name: " + doubleQuoted(organisation.name()));
            if (organisation.explicit()) {
                fields.add("kind: " + organisation.kind().code());
            }
            if (joined != null) {
                fields.add("joined: " + joined);
            }
            return "  - {" + String.join(", ", fields) + "}\n";
        }
        StringBuilder out = new StringBuilder("  - name: " + scalar(organisation.name()) + "\n");
        if (organisation.explicit()) {
            out.append("    kind: ").append(organisation.kind().code()).append('\n');
        }
        if (joined != null) {
            out.append("    joined: ").append(random.nextBoolean() ? joined.toString() : "\"" + joined + "\"").append('\n');
        }
        return out.toString();
    }

    // --- agreements -----------------------------------------------------------------------------

    private void agreement(Koppelzone koppelzone, List<Organisation> organisations) {
        String slug = "afspraak-" + (++counter) + "-" + WORDS.get(random.nextInt(WORDS.size()));
        String folder = switch (random.nextInt(4)) {
            case 0 -> Slugs.of(koppelzone.municipality(), 80) + "/" + koppelzone.slug() + "/";
            case 1 -> "";
            case 2 -> "import/" + Slugs.of(koppelzone.municipality(), 80) + "/";
            default -> "Diverse Map/sub " + counter + "/";
        };
        int count = 1 + random.nextInt(4);
        int datelessFrom = random.nextInt(10) < 6 ? count : random.nextInt(count + 1);
        Instant date = Instant.parse("2020-01-01T00:00:00Z").plus(random.nextInt(1500), ChronoUnit.DAYS)
                .plusSeconds(random.nextInt(86_400));
        List<Revision> revisions = new ArrayList<>();
        List<String> dateTexts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String dateText = null;
            Instant at = null;
            if (i < datelessFrom) {
                if (i == 0 && random.nextInt(4) == 0) {
                    at = date.truncatedTo(ChronoUnit.DAYS);
                    dateText = at.toString().substring(0, 10);
                } else {
                    at = random.nextBoolean() ? date : date.plusMillis(1 + random.nextInt(999));
                    dateText = random.nextBoolean() ? at.toString()
                            : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.ofHours(2)));
                }
                date = date.plus(1 + random.nextInt(24 * 60), ChronoUnit.HOURS);
            }
            dateTexts.add(dateText);
            revisions.add(new Revision(title(), body(), random.nextInt(4) == 0 ? null : pick(AUTHORS), at,
                    random.nextInt(3) == 0 ? null : pick(SUMMARIES)));
        }
        Set<String> parties = new LinkedHashSet<>();
        List<String> partyLines = new ArrayList<>();
        int partyCount = 1 + random.nextInt(4);
        for (int i = 0; i < partyCount; i++) {
            Organisation organisation = organisations.get(random.nextInt(organisations.size()));
            parties.add(organisation.name());
            partyLines.add(organisation.explicit()
                    ? (random.nextBoolean() ? "  - name: " + scalar(organisation.name()) + "\n    kind: " + organisation.kind().code()
                    : "  - {name: " + doubleQuoted(organisation.name()) + ", kind: " + organisation.kind().code() + "}")
                    : "  - " + scalar(organisation.name()));
        }
        Set<String> themes = new LinkedHashSet<>();
        List<String> themeTexts = new ArrayList<>();
        int themeCount = random.nextInt(5);
        for (int i = 0; i < themeCount; i++) {
            String theme = pick(THEMES);
            themeTexts.add(theme);
            themes.add(theme.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        }
        String status = pick(STATUSES);
        LocalDate review = random.nextBoolean() ? null : LocalDate.of(2024, 1, 1).plusDays(random.nextInt(2500));

        for (int i = 0; i < count - 1; i++) {
            List<String> lines = revisionLines(revisions.get(i), dateTexts.get(i));
            Collections.shuffle(lines, random);
            writeDocument(folder + slug + ".history/" + (i + 1) + ".md", lines, revisions.get(i).body());
        }
        Revision head = revisions.get(count - 1);
        List<String> lines = revisionLines(head, dateTexts.get(count - 1));
        lines.add("municipality: " + scalar(random.nextBoolean() || !koppelzone.declared() ? koppelzone.municipality()
                : koppelzone.municipality().toUpperCase(Locale.ROOT)));
        String reference = !koppelzone.declared() ? koppelzone.name() : switch (random.nextInt(3)) {
            case 0 -> koppelzone.name();
            case 1 -> koppelzone.slug();
            default -> koppelzone.name().toUpperCase(Locale.ROOT);
        };
        lines.add("koppelzone: " + scalar(reference));
        lines.add("parties:\n" + String.join("\n", partyLines));
        if (!themeTexts.isEmpty() || random.nextBoolean()) {
            lines.add(random.nextBoolean()
                    ? "themes: [" + String.join(", ", themeTexts.stream().map(this::scalar).toList()) + "]"
                    : "themes:" + (themeTexts.isEmpty() ? " []" : "") + String.join("",
                    themeTexts.stream().map(theme -> "\n  - " + scalar(theme)).toList()));
        }
        if (!status.isEmpty()) {
            lines.add("status: " + scalar(status));
        }
        if (review != null) {
            lines.add("review_date: " + (random.nextBoolean() ? review.toString() : "'" + review + "'"));
        }
        Collections.shuffle(lines, random);
        String file = folder + slug + ".md";
        writeDocument(file, lines, head.body());
        agreements.add(new Agreement(file, slug, koppelzone, parties, themes,
                status.isEmpty() ? "concept" : status.replace(' ', '_'), review, revisions));
    }

    private List<String> revisionLines(Revision revision, String dateText) {
        List<String> lines = new ArrayList<>();
        lines.add("title: " + scalar(random.nextInt(5) == 0 ? "  " + revision.title() + " " : revision.title()));
        if (revision.author() != null) {
            lines.add("author: " + scalar(revision.author()));
        }
        if (dateText != null) {
            lines.add("date: " + (random.nextBoolean() ? dateText : "\"" + dateText + "\""));
        }
        if (revision.summary() != null) {
            lines.add("summary: " + scalar(revision.summary()));
        }
        return lines;
    }

    private String title() {
        StringBuilder title = new StringBuilder(pick(TITLE_PARTS));
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            title.append(' ').append(pick(TITLE_PARTS));
        }
        return title.toString();
    }

    private String body() {
        StringBuilder body = new StringBuilder("\n".repeat(random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0));
        int count = 1 + random.nextInt(12);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(pick(BODY_LINES));
        }
        lines.add(random.nextInt(lines.size() + 1), "Afspraak " + (++counter) + ": de tekst.");
        body.append(String.join("\n", lines));
        body.append(switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "\n";
            default -> "\n\n\n";
        });
        return body.toString();
    }

    // --- writing --------------------------------------------------------------------------------

    private void writeDocument(String file, List<String> frontMatter, String body) {
        StringBuilder text = new StringBuilder("---\n");
        frontMatter.forEach(line -> text.append(line).append('\n'));
        text.append("---\n").append(body);
        writeFile(file, text.toString());
    }

    /** Writes UTF-8, sometimes with Windows line endings or a byte-order mark, which import normalises. */
    private void writeFile(String relative, String text) {
        String content = random.nextInt(4) == 0 ? text.replace("\n", "\r\n") : text;
        if (random.nextInt(10) == 0) {
            content = "\uFEFF" + content;
        }
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML scalar in a randomly chosen style that means exactly {@code value}. */
    private String scalar(String value) {
        boolean plain = PLAIN_SAFE.matcher(value).matches() && !RESERVED.contains(value.toLowerCase(Locale.ROOT));
        int style = random.nextInt(plain ? 3 : 2);
        if (style == 2) {
            return value;
        }
        if (style == 1 && value.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            return "'" + value.replace("'", "''") + "'";
        }
        return doubleQuoted(value);
    }

    private static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}

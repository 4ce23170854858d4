package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.Slugs;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.ThreeWayMerge;
import nl.afsprakenwiki.koppelzones.KoppelzoneLevel;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.transfer.FrontMatter.Invalid;
import nl.afsprakenwiki.transfer.FrontMatter.Value;
import nl.afsprakenwiki.transfer.ImportSet.AgreementSpec;
import nl.afsprakenwiki.transfer.ImportSet.KoppelzoneSpec;
import nl.afsprakenwiki.transfer.ImportSet.PartySpec;
import nl.afsprakenwiki.transfer.ImportSet.Problem;
import nl.afsprakenwiki.transfer.ImportSet.RevisionSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a folder in the import format (docs/IMPORT-FORMAT.md) into an {@link ImportSet}, collecting
 * every problem in every file instead of stopping at the first.
 */
final class ImportReader {

    private static final long MAX_FILE_BYTES = 2L * AgreementInput.MAX_BODY;
    private static final Set<String> AGREEMENT_KEYS = Set.of("title", "municipality", "koppelzone", "parties", "themes",
            "status", "review_date", "author", "date", "summary");
    private static final Set<String> HISTORY_KEYS = Set.of("title", "author", "date", "summary");
    private static final Set<String> KOPPELZONE_KEYS = Set.of("name", "slug", "municipality", "jeugdregio", "level",
            "chair", "description", "parties");
    private static final Set<String> PARTY_KEYS = Set.of("name", "kind", "joined");

    private final Path root;
    private final MarkdownRenderer markdown;
    private final Progress progress;
    private final List<Problem> problems = new ArrayList<>();

    ImportReader(Path root, MarkdownRenderer markdown, Progress progress) {
        this.root = root;
        this.markdown = markdown;
        this.progress = progress;
    }

    /** The folder's content, or the problems that prevent importing it. */
    record Result(ImportSet set, List<Problem> problems) {
    }

    Result read() {
        List<Path> files = listFiles();
        List<KoppelzoneSpec> koppelzones = new ArrayList<>();
        List<AgreementSpec> agreements = new ArrayList<>();
        Set<Path> historyDirs = new HashSet<>();
        int done = 0;
        for (Path file : files) {
            progress.step("lezen", ++done, files.size());
            String name = file.getFileName().toString();
            if (name.equals("koppelzone.yaml") || name.equals("koppelzone.yml")) {
                readKoppelzone(file).ifPresent(koppelzones::add);
            } else if (name.endsWith(".md") && !isInHistory(file)) {
                Path history = file.resolveSibling(name.substring(0, name.length() - 3) + ".history");
                historyDirs.add(history);
                readAgreement(file, history).ifPresent(agreements::add);
            }
        }
        files.stream().filter(this::isInHistory).map(Path::getParent).distinct()
                .filter(dir -> !historyDirs.contains(dir))
                .forEach(dir -> problem(dir, 0, "geschiedenismap zonder bijbehorend bestand "
                        + dir.getFileName().toString().replace(".history", ".md")));
        if (files.isEmpty()) {
            problems.add(new Problem(root.toString(), 0, "de map bevat geen .md-bestanden"));
        }
        checkAcrossFiles(koppelzones, agreements);
        return new Result(new ImportSet(koppelzones, agreements), problems);
    }

    private List<Path> listFiles() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> root.relativize(path).toString().chars().noneMatch(c -> c == '\0'))
                    .filter(path -> !hidden(root.relativize(path)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read folder " + root, e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private boolean isInHistory(Path file) {
        Path parent = file.getParent();
        return parent != null && !parent.equals(root) && parent.getFileName().toString().endsWith(".history");
    }

    // --- koppelzone.yaml ------------------------------------------------------------------------

    private java.util.Optional<KoppelzoneSpec> readKoppelzone(Path file) {
        String text = readText(file);
        if (text == null) {
            return java.util.Optional.empty();
        }
        try {
            FrontMatter yaml = FrontMatter.parse(text, 1);
            unknownKeys(file, yaml, KOPPELZONE_KEYS);
            String name = named(file, yaml, required(file, yaml, "name", 160), "name");
            String municipality = named(file, yaml, required(file, yaml, "municipality", 120), "municipality");
            String slug = optional(file, yaml, "slug", 120);
            if (slug != null && !Slugs.isValid(slug)) {
                problem(file, line(yaml, "slug"), "slug '" + slug + "' mag alleen kleine letters, cijfers en streepjes bevatten");
            }
            KoppelzoneLevel level = KoppelzoneLevel.LOKAAL;
            String levelText = optional(file, yaml, "level", 20);
            if (levelText != null) {
                level = KoppelzoneLevel.fromCode(levelText).orElse(null);
                if (level == null) {
                    problem(file, line(yaml, "level"), "niveau '" + levelText + "' bestaat niet; kies lokaal of regionaal");
                }
            }
            List<PartySpec> parties = parties(file, yaml, true);
            if (name == null || municipality == null || level == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new KoppelzoneSpec(display(file), name,
                    slug != null ? slug : Slugs.of(name, 120), municipality, optional(file, yaml, "jeugdregio", 120),
                    level, optional(file, yaml, "chair", 160), optionalText(yaml, "description"), parties));
        } catch (Invalid e) {
            problem(file, e.line, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    // --- agreement files ------------------------------------------------------------------------

    private java.util.Optional<AgreementSpec> readAgreement(Path file, Path historyDir) {
        String fileName = file.getFileName().toString();
        String slug = Slugs.of(fileName.substring(0, fileName.length() - 3), 120);
        if (slug.isEmpty()) {
            problem(file, 0, "de bestandsnaam geeft geen bruikbare slug; gebruik letters en cijfers");
            return java.util.Optional.empty();
        }
        List<RevisionSpec> revisions = new ArrayList<>(readHistory(historyDir));
        Document document = document(file);
        if (document == null) {
            return java.util.Optional.empty();
        }
        FrontMatter yaml = document.frontMatter();
        try {
            unknownKeys(file, yaml, AGREEMENT_KEYS);
            String municipality = named(file, yaml, required(file, yaml, "municipality", 120), "municipality");
            String koppelzone = named(file, yaml, required(file, yaml, "koppelzone", 160), "koppelzone");
            List<PartySpec> parties = parties(file, yaml, false);
            if (parties.isEmpty() && yaml.get("parties").isPresent()) {
                problem(file, line(yaml, "parties"), "noem minstens één partij");
            } else if (yaml.get("parties").isEmpty()) {
                problem(file, 1, "'parties' ontbreekt: noem de partijen van de afspraak");
            }
            List<String> themes = themes(file, yaml);
            AgreementStatus status = AgreementStatus.CONCEPT;
            String statusText = optional(file, yaml, "status", 40);
            if (statusText != null) {
                status = AgreementStatus.fromCode(statusText).orElse(null);
                if (status == null) {
                    problem(file, line(yaml, "status"), "status '" + statusText
                            + "' bestaat niet; kies concept, ter_bekrachtiging, bekrachtigd of vervallen");
                }
            }
            LocalDate review = date(file, yaml, "review_date");
            RevisionSpec head = revision(file, document, true);
            if (head == null || municipality == null || koppelzone == null || status == null) {
                return java.util.Optional.empty();
            }
            revisions.add(head);
            checkDatesAscending(revisions);
            return java.util.Optional.of(new AgreementSpec(display(file), slug, municipality, koppelzone, parties,
                    themes, status, review, revisions));
        } catch (Invalid e) {
            problem(file, e.line, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private List<RevisionSpec> readHistory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        TreeMap<Integer, Path> numbered = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.matches("[1-9][0-9]{0,5}\\.md")) {
                    problem(file, 0, "bestanden in een geschiedenismap heten 1.md, 2.md, …");
                    continue;
                }
                numbered.put(Integer.parseInt(name.substring(0, name.length() - 3)), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        List<RevisionSpec> revisions = new ArrayList<>();
        int expected = 1;
        for (var entry : numbered.entrySet()) {
            if (entry.getKey() != expected) {
                problem(entry.getValue(), 0, "revisie " + expected + " ontbreekt in de geschiedenis");
                return List.of();
            }
            expected++;
            Document document = document(entry.getValue());
            if (document == null) {
                continue;
            }
            try {
                unknownKeys(entry.getValue(), document.frontMatter(), HISTORY_KEYS);
                RevisionSpec revision = revision(entry.getValue(), document, false);
                if (revision != null) {
                    revisions.add(revision);
                }
            } catch (Invalid e) {
                problem(entry.getValue(), e.line, e.getMessage());
            }
        }
        return revisions;
    }

    private RevisionSpec revision(Path file, Document document, boolean head) throws Invalid {
        FrontMatter yaml = document.frontMatter();
        String title = required(file, yaml, "title", AgreementInput.MAX_TITLE);
        String author = optional(file, yaml, "author", 100);
        String summary = optional(file, yaml, "summary", AgreementInput.MAX_SUMMARY);
        Instant date = instant(file, yaml);
        String body = document.body();
        if (body.isBlank()) {
            problem(file, document.bodyLine(), "de tekst van de afspraak is leeg");
            return null;
        }
        if (body.length() > AgreementInput.MAX_BODY) {
            problem(file, document.bodyLine(), "de tekst is langer dan " + AgreementInput.MAX_BODY + " tekens");
            return null;
        }
        if (ThreeWayMerge.hasConflictMarkers(body)) {
            problem(file, document.bodyLine(), "de tekst bevat nog conflictmarkeringen (<<<<<<< … >>>>>>>)");
        }
        String unrenderable = markdown.problem(body);
        if ("error.body.tooManyLinks".equals(unrenderable)) {
            problem(file, document.bodyLine(), "een alinea bevat meer dan " + MarkdownRenderer.MAX_LINKS_PER_PARAGRAPH
                    + " links; verdeel ze over meer alinea's");
        } else if (unrenderable != null) {
            problem(file, document.bodyLine(), "de tekst is zo diep genest (citaten of lijsten in elkaar) dat hij niet"
                    + " kan worden weergegeven");
        }
        if (title == null) {
            return null;
        }
        return new RevisionSpec(display(file), title, body, author == null ? "Import" : author, date,
                summary == null ? "" : summary);
    }

    private void checkDatesAscending(List<RevisionSpec> revisions) {
        Instant previous = null;
        for (RevisionSpec revision : revisions) {
            if (revision.date() != null) {
                if (previous != null && revision.date().isBefore(previous)) {
                    problems.add(new Problem(revision.file(), 0, "de datum ligt vóór die van de vorige revisie"));
                }
                previous = revision.date();
            }
        }
    }

    // --- values ---------------------------------------------------------------------------------

    private List<PartySpec> parties(Path file, FrontMatter yaml, boolean allowJoined) throws Invalid {
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
            String name = item.text().orElse("").strip();
            return checkName(file, item.line(), name) ? new PartySpec(name, null, null) : null;
        }
        Map<String, Value> fields = item.mapping(offset);
        for (String key : fields.keySet()) {
            if (!PARTY_KEYS.contains(key) || (key.equals("joined") && !allowJoined)) {
                problem(file, fields.get(key).line(), "onbekende sleutel '" + key + "' bij een partij");
            }
        }
        String name = fields.containsKey("name") ? fields.get("name").text().orElse("").strip() : "";
        if (!checkName(file, item.line(), name)) {
            return null;
        }
        OrganisationKind kind = null;
        if (fields.containsKey("kind")) {
            String code = fields.get("kind").text().orElse("");
            kind = OrganisationKind.fromCode(code).orElse(null);
            if (kind == null) {
                problem(file, fields.get("kind").line(), "soort organisatie '" + code + "' bestaat niet; kies uit "
                        + String.join(", ", java.util.Arrays.stream(OrganisationKind.values()).map(OrganisationKind::code).toList()));
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
            problem(file, line, "een partij heeft geen naam");
            return false;
        }
        if (name.length() > 160 || Slugs.of(name, 120).isEmpty()) {
            problem(file, line, "partijnaam '" + name + "' is te lang of bevat geen letters");
            return false;
        }
        return true;
    }

    private List<String> themes(Path file, FrontMatter yaml) throws Invalid {
        var value = yaml.get("themes");
        if (value.isEmpty()) {
            return List.of();
        }
        Set<String> themes = new LinkedHashSet<>();
        for (Value item : value.get().items(yaml.lineOffset())) {
            String theme = AgreementInput.normaliseTheme(item.text().orElse(""));
            if (theme.length() > AgreementInput.MAX_THEME) {
                problem(file, item.line(), "thema langer dan " + AgreementInput.MAX_THEME + " tekens");
            } else if (!theme.isEmpty()) {
                themes.add(theme);
            }
        }
        if (themes.size() > AgreementInput.MAX_THEMES) {
            problem(file, value.get().line(), "meer dan " + AgreementInput.MAX_THEMES + " thema's");
        }
        return List.copyOf(themes);
    }

    private String required(Path file, FrontMatter yaml, String key, int maxLength) throws Invalid {
        String value = optional(file, yaml, key, maxLength);
        if (value == null && yaml.get(key).isEmpty()) {
            problem(file, 1, "'" + key + "' ontbreekt");
        } else if (value == null) {
            problem(file, line(yaml, key), "'" + key + "' is leeg");
        }
        return value;
    }

    private String optional(Path file, FrontMatter yaml, String key, int maxLength) throws Invalid {
        var value = yaml.get(key);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.get().isScalar()) {
            throw new Invalid(value.get().line(), "'" + key + "' moet een enkele waarde zijn");
        }
        String text = value.get().text().map(String::strip).orElse(null);
        if (text != null && text.length() > maxLength) {
            problem(file, value.get().line(), "'" + key + "' is langer dan " + maxLength + " tekens");
            return null;
        }
        return text == null || text.isEmpty() ? null : text;
    }

    /** A name that identifies something must give a slug: it needs at least one letter or digit. */
    private String named(Path file, FrontMatter yaml, String value, String key) {
        if (value != null && Slugs.of(value, 120).isEmpty()) {
            problem(file, line(yaml, key), "'" + key + "' moet minstens één letter of cijfer bevatten, niet '" + value + "'");
            return null;
        }
        return value;
    }

    private static String optionalText(FrontMatter yaml, String key) {
        return yaml.get(key).flatMap(Value::text).orElse("");
    }

    private LocalDate date(Path file, FrontMatter yaml, String key) {
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
            problem(file, value.line(), "'" + text + "' is geen datum; schrijf JJJJ-MM-DD");
            return null;
        }
    }

    private Instant instant(Path file, FrontMatter yaml) {
        var value = yaml.get("date");
        if (value.isEmpty() || value.get().text().isEmpty()) {
            return null;
        }
        String text = value.get().text().get().strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problem(file, value.get().line(), "'" + text + "' is geen tijdstip; schrijf bijvoorbeeld 2026-03-14T10:00:00Z");
            return null;
        }
    }

    private void unknownKeys(Path file, FrontMatter yaml, Set<String> allowed) {
        yaml.values().forEach((key, value) -> {
            if (!allowed.contains(key)) {
                problem(file, value.line(), "onbekende sleutel '" + key + "'; toegestaan zijn " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        });
    }

    private static int line(FrontMatter yaml, String key) {
        return yaml.get(key).map(Value::line).orElse(1);
    }

    // --- files ----------------------------------------------------------------------------------

    private record Document(FrontMatter frontMatter, String body, int bodyLine) {
    }

    /** Splits "---\n yaml \n---\n body" and parses the YAML; reports and returns null when impossible. */
    private Document document(Path file) {
        String text = readText(file);
        if (text == null) {
            return null;
        }
        if (!text.startsWith("---\n")) {
            problem(file, 1, "het bestand begint niet met front matter (een regel '---')");
            return null;
        }
        int end = text.indexOf("\n---\n", 3);
        boolean emptyBody = false;
        if (end < 0 && text.endsWith("\n---")) {
            end = text.length() - 4;
            emptyBody = true;
        }
        if (end < 0) {
            problem(file, 1, "de front matter wordt niet afgesloten met een regel '---'");
            return null;
        }
        String yaml = text.substring(4, end + 1);
        int bodyLine = (int) yaml.chars().filter(c -> c == '\n').count() + 3;
        String body = emptyBody ? "" : text.substring(end + 5);
        try {
            return new Document(FrontMatter.parse(yaml, 2), body, bodyLine);
        } catch (Invalid e) {
            problem(file, e.line, e.getMessage());
            return null;
        }
    }

    private String readText(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problem(file, 0, "het bestand is groter dan " + (MAX_FILE_BYTES / 1000) + " KB");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            problem(file, 0, "het bestand is geen geldige UTF-8-tekst");
            return null;
        } catch (IOException e) {
            problem(file, 0, "kan het bestand niet lezen: " + e.getMessage());
            return null;
        }
    }

    // --- across files ---------------------------------------------------------------------------

    private void checkAcrossFiles(List<KoppelzoneSpec> koppelzones, List<AgreementSpec> agreements) {
        KoppelzoneRefs<KoppelzoneSpec> declared = new KoppelzoneRefs<>();
        for (KoppelzoneSpec koppelzone : koppelzones) {
            declared.add(koppelzone.slug(), koppelzone.name(), koppelzone).ifPresent(earlier ->
                    problems.add(new Problem(koppelzone.file(), 0, "koppelzone '" + koppelzone.name()
                            + "' (slug " + koppelzone.slug() + ") is ook beschreven in " + earlier.file())));
            if (koppelzone.chair() != null && koppelzone.parties().stream()
                    .noneMatch(p -> Slugs.of(p.name(), 120).equals(Slugs.of(koppelzone.chair(), 120)))) {
                problems.add(new Problem(koppelzone.file(), 0, "voorzitter '" + koppelzone.chair()
                        + "' staat niet bij de partijen"));
            }
        }
        Map<String, String> agreementFiles = new HashMap<>();
        Map<String, OrganisationKind> kinds = new HashMap<>();
        Map<String, String> kindSource = new HashMap<>();
        for (KoppelzoneSpec koppelzone : koppelzones) {
            koppelzone.parties().forEach(p -> checkKind(p, koppelzone.file(), kinds, kindSource));
        }
        for (AgreementSpec agreement : agreements) {
            KoppelzoneSpec koppelzone = declared.find(agreement.koppelzone()).orElse(null);
            String koppelzoneKey = koppelzone != null ? koppelzone.slug() : Slugs.of(agreement.koppelzone(), 120);
            if (koppelzone != null && !Slugs.of(koppelzone.municipality(), 80).equals(Slugs.of(agreement.municipality(), 80))) {
                problems.add(new Problem(agreement.file(), 0, "koppelzone '" + koppelzone.name() + "' hoort bij "
                        + koppelzone.municipality() + ", niet bij " + agreement.municipality()));
            }
            String earlier = agreementFiles.putIfAbsent(koppelzoneKey + "/" + agreement.slug(), agreement.file());
            if (earlier != null) {
                problems.add(new Problem(agreement.file(), 0, "dezelfde afspraak (slug '" + agreement.slug()
                        + "') staat ook in " + earlier));
            }
            agreement.parties().forEach(p -> checkKind(p, agreement.file(), kinds, kindSource));
        }
    }

    private void checkKind(PartySpec party, String file, Map<String, OrganisationKind> kinds, Map<String, String> sources) {
        if (party.kind() == null) {
            return;
        }
        String slug = Slugs.of(party.name(), 120);
        OrganisationKind earlier = kinds.putIfAbsent(slug, party.kind());
        if (earlier != null && earlier != party.kind()) {
            problems.add(new Problem(file, 0, "organisatie '" + party.name() + "' heeft hier soort " + party.kind().code()
                    + ", maar in " + sources.get(slug) + " " + earlier.code()));
        } else {
            sources.putIfAbsent(slug, file);
        }
    }

    private void problem(Path file, int line, String message) {
        problems.add(new Problem(display(file), line, message));
    }

    private String display(Path file) {
        String relative = root.relativize(file).toString();
        return relative.isEmpty() ? file.toString() : relative;
    }
}

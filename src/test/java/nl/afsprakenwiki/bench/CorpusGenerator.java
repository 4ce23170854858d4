package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.text.Slugs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import static nl.afsprakenwiki.koppelzones.OrganisationKind.AANBIEDER;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.GECERTIFICEERDE_INSTELLING;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.GEMEENTE;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.HUISARTS;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.LOKAAL_TEAM;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.ONDERWIJS;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.OVERIG;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.VEILIG_THUIS;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.ZORGVERZEKERAAR;

/**
 * Writes a synthetic corpus of werkafspraken in the import format (docs/IMPORT-FORMAT.md) for the
 * search benchmark: real Dutch municipalities grouped into jeugdregio's, koppelzones with invented
 * organisations of every kind, and agreements whose titles and markdown bodies are composed from a
 * grammar of the domain's own vocabulary (docs: /work/shared/DOMAIN.md §2.7, §3, §4).
 *
 * <p>Everything follows from the seed: the world (municipalities, organisations, koppelzones) from
 * one random stream, and agreement {@code i} from its own stream derived from the seed and {@code i},
 * so two runs with the same seed and count write byte-identical folders.
 *
 * <pre>
 *   CorpusGenerator &lt;empty-or-new-folder&gt; [--count N] [--seed S]
 * </pre>
 */
public final class CorpusGenerator {

    public static final long DEFAULT_SEED = 20_200_314L;
    public static final int DEFAULT_COUNT = 50_000;

    private final long seed;
    private final Grammar grammar;

    public CorpusGenerator(long seed) {
        this.seed = seed;
        this.grammar = Grammar.parse(Vocabulary.sources(), Composer.CONTEXT_KEYS);
        Topic.ALL.forEach(topic -> topic.requireRules(grammar));
    }

    /** What a run wrote. {@code files} counts every file, {@code bytes} their total size. */
    public record Summary(int municipalities, int jeugdregios, int koppelzones, int organisations, int agreements,
                          int historyRevisions, int files, long bytes, Duration elapsed) {
        public double megabytes() {
            return bytes / 1_000_000.0;
        }
    }

    public Summary write(Path folder, int count) {
        return write(folder, count, done -> { });
    }

    /** Writes {@code count} agreements into {@code folder} (new or empty); {@code progress} gets the number done. */
    public Summary write(Path folder, int count, IntConsumer progress) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        long start = System.nanoTime();
        Output output = Output.into(folder);
        World world = World.build(new SplittableRandom(seed), grammar);
        for (Koppelzone koppelzone : world.koppelzones()) {
            output.write(koppelzone.directory().resolve("koppelzone.yaml"), KoppelzoneFile.text(koppelzone));
        }
        AgreementFactory factory = new AgreementFactory(grammar, world);
        int history = 0;
        for (int i = 0; i < count; i++) {
            GeneratedAgreement agreement = factory.next(new SplittableRandom(mix(seed ^ mix(i + 1L))));
            Path directory = agreement.koppelzone().directory();
            for (int n = 0; n < agreement.history().size(); n++) {
                output.write(directory.resolve(agreement.slug() + ".history").resolve((n + 1) + ".md"), agreement.history().get(n));
            }
            output.write(directory.resolve(agreement.slug() + ".md"), agreement.text());
            history += agreement.history().size();
            progress.accept(i + 1);
        }
        return new Summary(world.municipalityCount(), world.regionCount(), world.koppelzones().size(),
                world.organisationCount(), count, history, output.files(), output.bytes(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    public static void main(String[] args) {
        Path folder = null;
        int count = DEFAULT_COUNT;
        long seed = DEFAULT_SEED;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--count" -> count = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> {
                        if (folder != null || args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        folder = Path.of(args[i]);
                    }
                }
            }
            if (folder == null) {
                throw new IllegalArgumentException("missing folder");
            }
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: CorpusGenerator <empty-or-new-folder> [--count N] [--seed S]");
            System.exit(2);
            return;
        }
        int total = count;
        int step = Math.max(1, total / 20);
        Summary summary;
        try {
            summary = new CorpusGenerator(seed).write(folder, total, done -> {
                if (done % step == 0 || done == total) {
                    System.err.printf(Locale.US, "[gen] %,d / %,d agreements%n", done, total);
                }
            });
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.err.printf(Locale.US, "[gen] done: %,d agreements (%,d history revisions) in %,d koppelzones of %,d "
                        + "municipalities in %d jeugdregio's, %,d organisations; %,d files, %.1f MB in %.1f s (seed %d)%n",
                summary.agreements(), summary.historyRevisions(), summary.koppelzones(), summary.municipalities(),
                summary.jeugdregios(), summary.organisations(), summary.files(), summary.megabytes(),
                summary.elapsed().toMillis() / 1000.0, seed);
    }

    /** SplitMix64's finaliser: spreads consecutive numbers over the whole range of longs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    // =============================================================================================
    // Output
    // =============================================================================================

    /** Writes UTF-8 files under a root that must be new or empty; counts files and bytes. */
    static final class Output {
        private final Path root;
        private final Set<Path> directories = new HashSet<>();
        private int files;
        private long bytes;

        private Output(Path root) {
            this.root = root;
        }

        static Output into(Path folder) {
            try {
                if (Files.exists(folder)) {
                    if (!Files.isDirectory(folder)) {
                        throw new IllegalArgumentException(folder + " is not a folder");
                    }
                    try (Stream<Path> entries = Files.list(folder)) {
                        if (entries.findAny().isPresent()) {
                            throw new IllegalArgumentException(folder + " is not empty");
                        }
                    }
                }
                Files.createDirectories(folder);
                return new Output(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + folder, e);
            }
        }

        /** One write call per file: the text is encoded once and handed to the OS as a whole. */
        void write(Path relative, String text) {
            Path file = root.resolve(relative);
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            try {
                Path parent = file.getParent();
                if (directories.add(parent)) {
                    Files.createDirectories(parent);
                }
                Files.write(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            files++;
            bytes += content.length;
        }

        int files() {
            return files;
        }

        long bytes() {
            return bytes;
        }
    }

    // =============================================================================================
    // Grammar: rules with alternatives, {slots} and [inline|alternatives]
    // =============================================================================================

    /**
     * A small generative grammar. A source text holds rules: a line {@code @name} starts a rule, every
     * following non-empty line is one alternative. In an alternative, {@code {name}} expands another
     * rule (or, for upper-case names, a value of the agreement's context) and {@code [a|b|c]} picks one
     * of the inline options (an empty option makes the part optional). Rules are compiled once.
     */
    static final class Grammar {
        private final Map<String, Node[]> rules;

        private Grammar(Map<String, Node[]> rules) {
            this.rules = rules;
        }

        static Grammar parse(List<String> sources, Set<String> contextKeys) {
            Map<String, List<Node>> building = new LinkedHashMap<>();
            for (String source : sources) {
                String current = null;
                for (String raw : source.split("\n")) {
                    String line = raw.strip();
                    if (line.isEmpty() || line.startsWith("//")) {
                        continue;
                    }
                    if (line.startsWith("@")) {
                        current = line.substring(1);
                        if (building.containsKey(current)) {
                            throw new IllegalArgumentException("rule @" + current + " is defined twice");
                        }
                        building.put(current, new ArrayList<>());
                    } else if (current == null) {
                        throw new IllegalArgumentException("alternative outside a rule: " + line);
                    } else {
                        building.get(current).add(new Parser(line).parse());
                    }
                }
            }
            Map<String, Node[]> rules = new HashMap<>();
            building.forEach((name, alternatives) -> {
                if (alternatives.isEmpty()) {
                    throw new IllegalArgumentException("rule @" + name + " has no alternatives");
                }
                rules.put(name, alternatives.toArray(Node[]::new));
            });
            Grammar grammar = new Grammar(rules);
            grammar.checkReferences(contextKeys);
            return grammar;
        }

        private void checkReferences(Set<String> contextKeys) {
            Set<String> missing = new LinkedHashSet<>();
            for (Node[] alternatives : rules.values()) {
                for (Node node : alternatives) {
                    node.references(name -> {
                        if (!rules.containsKey(name) && !contextKeys.contains(name)) {
                            missing.add(name);
                        }
                    });
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("unknown slots in the grammar: " + missing);
            }
        }

        boolean has(String rule) {
            return rules.containsKey(rule);
        }

        /** Expansions of {@code count} different alternatives of {@code rule} (fewer if it has fewer). */
        List<String> expandDistinct(String rule, int count, Context context, SplittableRandom random) {
            return expandDistinct(rule, count, context, random, false);
        }

        /** As above; {@code inRuleOrder} keeps the alternatives in the order of the rule (for steps). */
        List<String> expandDistinct(String rule, int count, Context context, SplittableRandom random, boolean inRuleOrder) {
            Node[] alternatives = rules.get(rule);
            if (alternatives == null) {
                throw new IllegalStateException("no rule @" + rule);
            }
            int n = Math.min(count, alternatives.length);
            int[] order = new int[alternatives.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(order.length - i);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            if (inRuleOrder) {
                Arrays.sort(order, 0, n);
            }
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                StringBuilder text = new StringBuilder(128);
                alternatives[order[i]].expand(this, context, random, text, 1);
                out.add(text.toString());
            }
            return out;
        }

        /** One expansion of {@code rule}. */
        String expand(String rule, Context context, SplittableRandom random) {
            StringBuilder out = new StringBuilder(128);
            expandRule(rule, context, random, out, 0);
            return out.toString();
        }

        private void expandRule(String rule, Context context, SplittableRandom random, StringBuilder out, int depth) {
            String[] values = context.values(rule);
            if (values != null) {
                out.append(values[random.nextInt(values.length)]);
                return;
            }
            Node[] alternatives = rules.get(rule);
            if (alternatives == null) {
                throw new IllegalStateException("no rule or context value for {" + rule + "}");
            }
            if (depth > 40) {
                throw new IllegalStateException("grammar recursion too deep at {" + rule + "}");
            }
            alternatives[random.nextInt(alternatives.length)].expand(this, context, random, out, depth + 1);
        }

        /** A compiled alternative. */
        sealed interface Node permits Text, Slot, Choice, Sequence {
            void expand(Grammar grammar, Context context, SplittableRandom random, StringBuilder out, int depth);

            void references(Consumer<String> sink);
        }

        record Text(String text) implements Node {
            public void expand(Grammar grammar, Context context, SplittableRandom random, StringBuilder out, int depth) {
                out.append(text);
            }

            public void references(Consumer<String> sink) {
            }
        }

        record Slot(String name) implements Node {
            public void expand(Grammar grammar, Context context, SplittableRandom random, StringBuilder out, int depth) {
                grammar.expandRule(name, context, random, out, depth);
            }

            public void references(Consumer<String> sink) {
                sink.accept(name);
            }
        }

        record Choice(Node[] options) implements Node {
            public void expand(Grammar grammar, Context context, SplittableRandom random, StringBuilder out, int depth) {
                options[random.nextInt(options.length)].expand(grammar, context, random, out, depth);
            }

            public void references(Consumer<String> sink) {
                for (Node option : options) {
                    option.references(sink);
                }
            }
        }

        record Sequence(Node[] parts) implements Node {
            public void expand(Grammar grammar, Context context, SplittableRandom random, StringBuilder out, int depth) {
                for (Node part : parts) {
                    part.expand(grammar, context, random, out, depth);
                }
            }

            public void references(Consumer<String> sink) {
                for (Node part : parts) {
                    part.references(sink);
                }
            }
        }

        /** Recursive-descent parser for one alternative. */
        private static final class Parser {
            private final String line;
            private int at;

            Parser(String line) {
                this.line = line;
            }

            Node parse() {
                Node node = sequence(false);
                if (at != line.length()) {
                    throw error("unexpected '" + line.charAt(at) + "'");
                }
                return node;
            }

            private Node sequence(boolean inChoice) {
                List<Node> parts = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                while (at < line.length()) {
                    char c = line.charAt(at);
                    if (inChoice && (c == '|' || c == ']')) {
                        break;
                    }
                    if (c == '{') {
                        int end = line.indexOf('}', at);
                        if (end < 0) {
                            throw error("unclosed {");
                        }
                        flush(text, parts);
                        parts.add(new Slot(line.substring(at + 1, end)));
                        at = end + 1;
                    } else if (c == '[') {
                        flush(text, parts);
                        at++;
                        List<Node> options = new ArrayList<>();
                        while (true) {
                            options.add(sequence(true));
                            if (at >= line.length()) {
                                throw error("unclosed [");
                            }
                            if (line.charAt(at++) == ']') {
                                break;
                            }
                        }
                        parts.add(new Choice(options.toArray(Node[]::new)));
                    } else if (c == ']' || c == '}') {
                        throw error("unbalanced " + c);
                    } else {
                        text.append(c);
                        at++;
                    }
                }
                flush(text, parts);
                return parts.size() == 1 ? parts.get(0) : new Sequence(parts.toArray(Node[]::new));
            }

            private static void flush(StringBuilder text, List<Node> parts) {
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
            }

            private IllegalArgumentException error(String message) {
                return new IllegalArgumentException(message + " at " + at + " in: " + line);
            }
        }
    }

    /** The values of the upper-case slots for one agreement or koppelzone (names, dates, team words). */
    static final class Context {
        private final Map<String, String[]> values = new HashMap<>();

        Context put(String key, String... options) {
            if (options.length == 0) {
                throw new IllegalArgumentException("no value for " + key);
            }
            values.put(key, options);
            return this;
        }

        Context put(String key, List<String> options) {
            return put(key, options.toArray(String[]::new));
        }

        String[] values(String key) {
            return values.get(key);
        }

        String first(String key) {
            return values.get(key)[0];
        }
    }

    // =============================================================================================
    // The world: regions, municipalities, organisations, koppelzones
    // =============================================================================================

    /** How a municipality calls its local team, with the words the text uses for it. */
    record TeamType(String prefix, String singular, String plural, List<String> members) {
    }

    static final List<TeamType> TEAM_TYPES = List.of(
            new TeamType("Wijkteam", "het wijkteam", "de wijkteams",
                    List.of("wijkteammedewerker", "jeugdprofessional van het wijkteam", "wijkteammedewerker")),
            new TeamType("Sociaal Wijkteam", "het sociaal wijkteam", "de sociale wijkteams",
                    List.of("medewerker van het sociaal wijkteam", "jeugdconsulent", "gezinscoach")),
            new TeamType("Buurtteam Jeugd en Gezin", "het buurtteam", "de buurtteams",
                    List.of("buurtteammedewerker", "jeugdprofessional van het buurtteam")),
            new TeamType("Jeugdteam", "het jeugdteam", "de jeugdteams", List.of("jeugdteammedewerker", "jeugdconsulent")),
            new TeamType("Jeugd- en Gezinsteam", "het jeugd- en gezinsteam", "de jeugd- en gezinsteams",
                    List.of("jeugd- en gezinscoach", "JGC-medewerker", "jeugd- en gezinscoach")),
            new TeamType("Sociaal Team", "het sociaal team", "de sociale teams",
                    List.of("medewerker van het sociaal team", "jeugdconsulent")),
            new TeamType("Gebiedsteam", "het gebiedsteam", "de gebiedsteams", List.of("gebiedsteammedewerker", "gezinscoach")),
            new TeamType("CJG", "het CJG", "de CJG’s", List.of("CJG-medewerker", "jeugdverpleegkundige van het CJG")),
            new TeamType("Basisteam Jeugd en Gezin", "het basisteam", "de basisteams",
                    List.of("basisteammedewerker", "jeugd- en gezinsprofessional")),
            new TeamType("Toegangsteam Jeugd", "het toegangsteam", "de toegangsteams", List.of("jeugdconsulent", "toegangsmedewerker")),
            new TeamType("Team Jeugd en Gezin", "het team jeugd en gezin", "de teams jeugd en gezin",
                    List.of("jeugd- en gezinsprofessional", "casusregisseur")));

    record Region(String name, List<Municipality> municipalities) {
    }

    record Municipality(String name, String slug, int regionIndex, boolean central, boolean big, TeamType team,
                        List<String> wijken) {
    }

    record Organisation(String name, OrganisationKind kind) {
    }

    record Party(Organisation organisation, LocalDate joined) {
    }

    /** A koppelzone with its parties; {@code focus} are the topics it mostly works on (empty: all). */
    record Koppelzone(String name, String slug, Municipality municipality, Region region, boolean regional, String wijk,
                      LocalDate start, List<Party> parties, Organisation chair, List<Topic> focus, String description) {
        Path directory() {
            return Path.of(municipality.slug(), slug);
        }

        List<Organisation> organisations() {
            return parties.stream().map(Party::organisation).toList();
        }
    }

    /** The kinds of koppelzone a municipality can have: a name pattern and the topics it focuses on. */
    enum KoppelzoneType {
        JEUGD("Koppelzone Jeugd %s"),
        JEUGD_EN_GEZIN("Koppelzone Jeugd en Gezin %s", "vroeg", "kopp", "normaliseren", "bestaanszekerheid"),
        ONDERWIJS("Koppelzone Onderwijs en Jeugdhulp %s", "onderwijs", "eed", "nazorg", "lvb", "informatie"),
        MEDISCH("Koppelzone Medische Route %s", "poh", "toeleiding", "consultatie", "triage", "achttien"),
        VEILIGHEID("Koppelzone Jeugd en Veiligheid %s", "bescherming", "veiligthuis", "crisis", "scheiding", "gesloten"),
        WIJK("Koppelzone Jeugd %s"),
        REGIONAAL("Regionale Koppelzone %s", "crisis", "doorstroom", "gesloten", "pleegzorg", "administratie",
                "wachtlijst", "achttien", "triage");

        final String pattern;
        final List<String> focus;

        KoppelzoneType(String pattern, String... focus) {
            this.pattern = pattern;
            this.focus = List.of(focus);
        }
    }

    /** The generated world; koppelzones are sampled with a Zipf-like weight by their size rank. */
    static final class World {
        private final List<Region> regions;
        private final List<Koppelzone> koppelzones;
        private final Koppelzone[] ranked;
        private final double[] cumulative;
        private final int organisations;

        World(List<Region> regions, List<Koppelzone> koppelzones, List<Koppelzone> ranked) {
            this.regions = regions;
            this.koppelzones = koppelzones;
            this.ranked = ranked.toArray(Koppelzone[]::new);
            this.cumulative = new double[this.ranked.length];
            double sum = 0;
            for (int rank = 0; rank < this.ranked.length; rank++) {
                sum += 1.0 / Math.pow(rank + 3, 0.9);
                cumulative[rank] = sum;
            }
            this.organisations = (int) koppelzones.stream().flatMap(k -> k.organisations().stream())
                    .map(o -> Slugs.of(o.name(), 120)).distinct().count();
        }

        static World build(SplittableRandom random, Grammar grammar) {
            return new WorldBuilder(random, grammar).build();
        }

        Koppelzone sample(SplittableRandom random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int index = Arrays.binarySearch(cumulative, u);
            return ranked[index >= 0 ? index : Math.min(-index - 1, ranked.length - 1)];
        }

        List<Koppelzone> koppelzones() {
            return koppelzones;
        }

        int regionCount() {
            return regions.size();
        }

        int municipalityCount() {
            return regions.stream().mapToInt(r -> r.municipalities().size()).sum();
        }

        int organisationCount() {
            return organisations;
        }
    }

    /** The organisations every koppelzone of a jeugdregio can draw from. */
    record RegionalOrganisations(Organisation gi, Organisation jeugdreclassering, Organisation veiligThuis,
                                 Organisation huisartsen, Organisation swvPo, Organisation swvVo,
                                 Organisation verzekeraar, Organisation raad, Organisation leerplicht,
                                 Organisation crisisdienst, List<Organisation> aanbieders) {
    }

    /** The organisations of one municipality. */
    record LocalOrganisations(Organisation team, Organisation gemeente, List<Organisation> huisartsen,
                              List<Organisation> aanbieders, List<Organisation> scholen, List<Organisation> overig) {
    }

    /** Builds the world from one random stream; the registry keeps every organisation's kind unique per name. */
    static final class WorldBuilder {
        private static final Set<String> BIG = Set.of("Amsterdam", "Rotterdam", "Den Haag", "Utrecht");
        private static final List<Integer> TEAM_WEIGHTS = List.of(25, 8, 10, 10, 10, 10, 8, 7, 5, 4, 3);
        private static final LocalDate FIRST_START = LocalDate.of(2021, 9, 1);

        private final SplittableRandom random;
        private final Grammar grammar;
        private final Map<String, Organisation> registry = new HashMap<>();
        private final Set<String> koppelzoneSlugs = new HashSet<>();

        WorldBuilder(SplittableRandom random, Grammar grammar) {
            this.random = random;
            this.grammar = grammar;
        }

        World build() {
            List<Region> regions = regions();
            List<Organisation> national = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                national.add(inventProvider(null));
            }
            List<Koppelzone> koppelzones = new ArrayList<>();
            Map<Koppelzone, Double> size = new HashMap<>();
            for (int index = 0; index < regions.size(); index++) {
                Region region = regions.get(index);
                RegionalOrganisations shared = regional(region, index, national);
                Map<Municipality, LocalOrganisations> locals = new LinkedHashMap<>();
                for (Municipality municipality : region.municipalities()) {
                    LocalOrganisations local = local(municipality);
                    locals.put(municipality, local);
                    for (Koppelzone koppelzone : municipal(municipality, region, shared, local)) {
                        koppelzones.add(koppelzone);
                        double base = municipality.big() ? 3 : municipality.central() ? 2 : 1;
                        double bonus = koppelzone.name().startsWith("Koppelzone Jeugd " + municipality.name()) ? 0.6 : 0;
                        size.put(koppelzone, base + bonus + random.nextDouble());
                    }
                }
                Koppelzone regional = regionalKoppelzone(region, shared, locals);
                koppelzones.add(regional);
                size.put(regional, 2 + random.nextDouble());
            }
            List<Koppelzone> ranked = new ArrayList<>(koppelzones);
            ranked.sort(Comparator.comparingDouble((Koppelzone k) -> -size.get(k)).thenComparing(Koppelzone::slug));
            return new World(regions, koppelzones, ranked);
        }

        private List<Region> regions() {
            List<Region> regions = new ArrayList<>();
            for (String line : Vocabulary.REGIONS.strip().split("\n")) {
                int equals = line.indexOf('=');
                String name = line.substring(0, equals).strip();
                List<Municipality> municipalities = new ArrayList<>();
                String[] names = line.substring(equals + 1).split(";");
                for (int i = 0; i < names.length; i++) {
                    String municipality = names[i].strip();
                    municipalities.add(new Municipality(municipality, Slugs.of(municipality, 80), regions.size(), i == 0,
                            BIG.contains(municipality), TEAM_TYPES.get(weighted(TEAM_WEIGHTS)),
                            pick(Vocabulary.WIJKEN, 4 + random.nextInt(6))));
                }
                regions.add(new Region(name, List.copyOf(municipalities)));
            }
            return List.copyOf(regions);
        }

        private RegionalOrganisations regional(Region region, int index, List<Organisation> national) {
            String name = region.name();
            List<Organisation> aanbieders = new ArrayList<>();
            int count = 6 + random.nextInt(7);
            for (int i = 0; i < count; i++) {
                aanbieders.add(inventProvider(random.nextInt(4) == 0 ? name : null));
            }
            for (Organisation provider : pick(national, 1 + random.nextInt(3))) {
                aanbieders.add(provider);
            }
            String verzekeraar = Vocabulary.VERZEKERAARS.get(Math.min(index * Vocabulary.VERZEKERAARS.size() / 40,
                    Vocabulary.VERZEKERAARS.size() - 1));
            return new RegionalOrganisations(
                    organisation("Jeugdbescherming " + name, GECERTIFICEERDE_INSTELLING),
                    random.nextInt(10) < 4 ? organisation("Jeugdreclassering " + name, GECERTIFICEERDE_INSTELLING) : null,
                    organisation("Veilig Thuis " + name, VEILIG_THUIS),
                    organisation(oneOf("Huisartsencoöperatie ", "Huisartsenkring ", "Huisartsen Coöperatie ") + name, HUISARTS),
                    organisation("Samenwerkingsverband PO " + name, ONDERWIJS),
                    organisation("Samenwerkingsverband VO " + name, ONDERWIJS),
                    organisation(verzekeraar, ZORGVERZEKERAAR),
                    organisation("Raad voor de Kinderbescherming regio " + name, OVERIG),
                    organisation("Leerplicht " + name, OVERIG),
                    organisation("Crisisdienst Jeugd " + name, AANBIEDER),
                    List.copyOf(aanbieders));
        }

        private LocalOrganisations local(Municipality municipality) {
            String m = municipality.name();
            Organisation team = organisation(municipality.team().prefix() + " " + m, LOKAAL_TEAM);
            Organisation gemeente = organisation("Gemeente " + m, GEMEENTE);
            List<Organisation> huisartsen = new ArrayList<>();
            huisartsen.add(random.nextBoolean() ? organisation("Huisartsengroep " + m, HUISARTS)
                    : invent(HUISARTS, List.of("Huisartsenpraktijk", "Gezondheidscentrum"), Vocabulary.CORES, "", m));
            if (municipality.central() || random.nextInt(3) == 0) {
                huisartsen.add(invent(HUISARTS, List.of("Huisartsenpraktijk", "Gezondheidscentrum", "Huisartsen"),
                        Vocabulary.CORES, "", m));
            }
            List<Organisation> aanbieders = new ArrayList<>();
            int providers = municipality.central() ? 2 + random.nextInt(3) : random.nextInt(3);
            for (int i = 0; i < providers; i++) {
                aanbieders.add(random.nextInt(3) == 0
                        ? invent(AANBIEDER, Vocabulary.LOCAL_PROVIDER_PREFIXES, List.of(m), "", null)
                        : inventProvider(null));
            }
            List<Organisation> scholen = new ArrayList<>();
            int schools = random.nextInt(municipality.central() ? 4 : 3);
            for (int i = 0; i < schools; i++) {
                scholen.add(random.nextBoolean()
                        ? invent(ONDERWIJS, Vocabulary.SCHOOL_PREFIXES, Vocabulary.CORES, "", m)
                        : invent(ONDERWIJS, List.of(""), Vocabulary.BARE_CORES, oneOf(" College", " Lyceum", " Vakcollege"), m));
            }
            List<Organisation> overig = new ArrayList<>();
            for (String prefix : pick(Vocabulary.LOCAL_OTHER_PREFIXES, random.nextInt(3))) {
                overig.add(organisation(prefix + m, OVERIG));
            }
            return new LocalOrganisations(team, gemeente, List.copyOf(huisartsen), List.copyOf(aanbieders),
                    List.copyOf(scholen), List.copyOf(overig));
        }

        private List<Koppelzone> municipal(Municipality municipality, Region region, RegionalOrganisations shared,
                                           LocalOrganisations local) {
            List<KoppelzoneType> types = new ArrayList<>();
            types.add(random.nextInt(6) == 0 ? KoppelzoneType.JEUGD_EN_GEZIN : KoppelzoneType.JEUGD);
            List<KoppelzoneType> themed = List.of(KoppelzoneType.ONDERWIJS, KoppelzoneType.MEDISCH, KoppelzoneType.VEILIGHEID);
            int extra = municipality.big() ? 2 : municipality.central() ? 1 + random.nextInt(2)
                    : random.nextInt(20) == 0 ? 2 : random.nextInt(4) == 0 ? 1 : 0;
            types.addAll(pick(themed, extra));
            List<Koppelzone> result = new ArrayList<>();
            for (KoppelzoneType type : types) {
                result.add(koppelzone(type, municipality, region, shared, local, null));
            }
            if (municipality.big()) {
                for (String wijk : pick(municipality.wijken(), 2)) {
                    result.add(koppelzone(KoppelzoneType.WIJK, municipality, region, shared, local, wijk));
                }
            }
            return result;
        }

        private Koppelzone koppelzone(KoppelzoneType type, Municipality municipality, Region region,
                                      RegionalOrganisations shared, LocalOrganisations local, String wijk) {
            String name = type.pattern.formatted(wijk == null ? municipality.name() : municipality.name() + " " + wijk);
            LocalDate start = FIRST_START.plusDays(random.nextInt(1000));
            Organisation team = wijk == null ? local.team()
                    : organisation(municipality.team().prefix() + " " + municipality.name() + "-" + wijk, LOKAAL_TEAM);
            Set<Organisation> members = new LinkedHashSet<>();
            members.add(team);
            if (wijk != null || random.nextInt(4) > 0) {
                members.add(local.gemeente());
            }
            members.addAll(local.huisartsen().subList(0, 1 + (type == KoppelzoneType.MEDISCH ? local.huisartsen().size() - 1 : 0)));
            if (type == KoppelzoneType.MEDISCH || random.nextBoolean()) {
                members.add(shared.huisartsen());
            }
            members.addAll(pick(shared.aanbieders(), 3 + random.nextInt(5)));
            members.addAll(local.aanbieders());
            boolean safety = type == KoppelzoneType.VEILIGHEID;
            if (safety || random.nextInt(5) > 0) {
                members.add(shared.gi());
            }
            if (shared.jeugdreclassering() != null && (safety || random.nextInt(3) == 0)) {
                members.add(shared.jeugdreclassering());
            }
            if (safety || random.nextInt(4) > 0) {
                members.add(shared.veiligThuis());
            }
            boolean school = type == KoppelzoneType.ONDERWIJS;
            if (school || random.nextInt(10) < 7) {
                members.add(random.nextBoolean() ? shared.swvPo() : shared.swvVo());
            }
            if (school) {
                members.add(shared.swvPo());
                members.add(shared.swvVo());
                members.add(shared.leerplicht());
            }
            if (school || random.nextInt(10) < 4) {
                members.addAll(local.scholen());
            }
            if (type == KoppelzoneType.MEDISCH || random.nextInt(20) < 7) {
                members.add(shared.verzekeraar());
            }
            if (safety || random.nextInt(5) == 0) {
                members.add(shared.raad());
            }
            if (safety || random.nextInt(3) == 0) {
                members.add(shared.crisisdienst());
            }
            if (random.nextBoolean()) {
                members.addAll(local.overig());
            }
            return finish(name, type, municipality, region, false, wijk, start, team, members);
        }

        private Koppelzone regionalKoppelzone(Region region, RegionalOrganisations shared,
                                              Map<Municipality, LocalOrganisations> locals) {
            Municipality host = region.municipalities().get(0);
            Set<Organisation> members = new LinkedHashSet<>();
            LocalOrganisations hostOrganisations = locals.get(host);
            members.add(hostOrganisations.team());
            List<Municipality> others = region.municipalities().subList(1, region.municipalities().size());
            List<Municipality> joining = pick(others, Math.min(others.size(), 2 + random.nextInt(4)));
            members.add(hostOrganisations.gemeente());
            for (Municipality municipality : joining) {
                members.add(locals.get(municipality).team());
                members.add(locals.get(municipality).gemeente());
            }
            members.addAll(shared.aanbieders());
            members.addAll(List.of(shared.crisisdienst(), shared.gi(), shared.veiligThuis(), shared.huisartsen(),
                    shared.raad(), shared.verzekeraar()));
            if (shared.jeugdreclassering() != null) {
                members.add(shared.jeugdreclassering());
            }
            members.add(random.nextBoolean() ? shared.swvVo() : shared.swvPo());
            return finish("Regionale Koppelzone " + region.name(), KoppelzoneType.REGIONAAL, host, region, true, null,
                    FIRST_START.plusDays(random.nextInt(600)), hostOrganisations.team(), members);
        }

        private Koppelzone finish(String name, KoppelzoneType type, Municipality municipality, Region region,
                                  boolean regional, String wijk, LocalDate start, Organisation chair,
                                  Set<Organisation> members) {
            String slug = Slugs.of(name, 120);
            for (int n = 2; !koppelzoneSlugs.add(slug); n++) {
                slug = Slugs.of(name, 110) + "-" + n;
            }
            List<Party> parties = new ArrayList<>();
            for (Organisation organisation : members) {
                LocalDate joined = parties.size() < 3 || random.nextInt(10) < 7 ? start
                        : start.plusDays(random.nextInt((int) Math.max(1, start.until(LAST_DATE).toTotalMonths() * 30)));
                parties.add(new Party(organisation, joined.isAfter(LAST_DATE) ? LAST_DATE : joined));
            }
            Context context = new Context().put("M", municipality.name()).put("REGIO", region.name()).put("KZ", name)
                    .put("LT", chair.name()).put("TEAM", municipality.team().singular())
                    .put("TEAMS", municipality.team().plural());
            String description = grammar.expand(regional ? "kz.regionaal" : "kz.lokaal", context, random);
            List<Topic> focus = type.focus.stream().map(Topic::byKey).toList();
            return new Koppelzone(name, slug, municipality, region, regional, wijk, start, List.copyOf(parties), chair,
                    focus, capitalise(description));
        }

        private Organisation inventProvider(String region) {
            return region == null
                    ? invent(AANBIEDER, Vocabulary.PROVIDER_PREFIXES, Vocabulary.CORES, "")
                    : invent(AANBIEDER, Vocabulary.PROVIDER_PREFIXES, List.of(region), "");
        }

        /** An organisation named prefix + core + suffix that does not exist yet. */
        private Organisation invent(OrganisationKind kind, List<String> prefixes, List<String> cores, String suffix) {
            return invent(kind, prefixes, cores, suffix, null);
        }

        /** As above; when the plain names run out, {@code place} (a municipality) is added to the name. */
        private Organisation invent(OrganisationKind kind, List<String> prefixes, List<String> cores, String suffix,
                                    String place) {
            for (int attempt = 0; attempt < 60; attempt++) {
                String prefix = prefixes.get(random.nextInt(prefixes.size())).strip();
                String name = (prefix.isEmpty() ? "" : prefix + " ") + cores.get(random.nextInt(cores.size())) + suffix
                        + (attempt >= 20 && place != null ? " " + place : "");
                if (!registry.containsKey(Slugs.of(name, 120))) {
                    return organisation(name, kind);
                }
            }
            return organisation((prefixes.get(0).strip() + " " + cores.get(0) + suffix + " " + (registry.size() + 1)).strip(), kind);
        }

        private Organisation organisation(String name, OrganisationKind kind) {
            String slug = Slugs.of(name, 120);
            Organisation existing = registry.get(slug);
            if (existing != null) {
                if (existing.kind() != kind) {
                    throw new IllegalStateException(name + " is already a " + existing.kind());
                }
                return existing;
            }
            Organisation organisation = new Organisation(name, kind);
            registry.put(slug, organisation);
            return organisation;
        }

        private int weighted(List<Integer> weights) {
            int total = weights.stream().mapToInt(Integer::intValue).sum();
            int u = random.nextInt(total);
            for (int i = 0; i < weights.size(); i++) {
                u -= weights.get(i);
                if (u < 0) {
                    return i;
                }
            }
            return weights.size() - 1;
        }

        private String oneOf(String... options) {
            return options[random.nextInt(options.length)];
        }

        private <T> List<T> pick(List<T> from, int count) {
            return CorpusGenerator.pick(from, count, random);
        }
    }

    static final LocalDate LAST_DATE = LocalDate.of(2026, 5, 31);

    /** {@code count} distinct elements of {@code from} in random order (all of them if there are fewer). */
    static <T> List<T> pick(List<T> from, int count, SplittableRandom random) {
        List<T> copy = new ArrayList<>(from);
        int n = Math.min(count, copy.size());
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(copy.size() - i);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return List.copyOf(copy.subList(0, n));
    }

    static String capitalise(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // =============================================================================================
    // Topics: the overdrachtsmomenten an agreement is about
    // =============================================================================================

    /** The themes of DOMAIN.md §2.7 (with the names of the suggested list in IMPORT-FORMAT.md). */
    static final List<String> THEMES = List.of("toeleiding en verwijzing", "triage", "consultatie en advies", "opschaling",
            "doorstroom", "afschaling", "uitstroom en nazorg", "18-/18+", "crisis", "jeugdbescherming", "onderwijs",
            "informatie-uitwisseling", "wachtlijsten", "administratie", "huisarts en poh", "verblijf");

    /**
     * A topic: its grammar rules ({@code key.title}, {@code .intro}, {@code .lek}, {@code .afspraak},
     * {@code .stap}), how often it occurs, its themes (the first is always used) and the kinds of
     * organisations that are usually party to it.
     */
    record Topic(String key, int weight, List<String> themes, List<OrganisationKind> kinds) {
        static final List<Topic> ALL = List.of(
                new Topic("toeleiding", 8, List.of("toeleiding en verwijzing", "huisarts en poh", "triage"),
                        List.of(HUISARTS, LOKAAL_TEAM, AANBIEDER)),
                new Topic("poh", 7, List.of("huisarts en poh", "toeleiding en verwijzing", "consultatie en advies"),
                        List.of(HUISARTS, LOKAAL_TEAM, ZORGVERZEKERAAR, GEMEENTE)),
                new Topic("triage", 5, List.of("triage", "toeleiding en verwijzing", "consultatie en advies", "wachtlijsten"),
                        List.of(LOKAAL_TEAM, AANBIEDER, GECERTIFICEERDE_INSTELLING, GEMEENTE)),
                new Topic("consultatie", 5, List.of("consultatie en advies", "triage", "opschaling", "huisarts en poh"),
                        List.of(LOKAAL_TEAM, AANBIEDER, HUISARTS)),
                new Topic("opschaling", 4, List.of("opschaling", "consultatie en advies", "crisis", "verblijf"),
                        List.of(LOKAAL_TEAM, AANBIEDER, AANBIEDER)),
                new Topic("doorstroom", 4, List.of("doorstroom", "verblijf", "afschaling", "wachtlijsten"),
                        List.of(AANBIEDER, AANBIEDER, LOKAAL_TEAM, GEMEENTE)),
                new Topic("afschaling", 9, List.of("afschaling", "uitstroom en nazorg", "doorstroom"),
                        List.of(AANBIEDER, LOKAAL_TEAM, AANBIEDER, GECERTIFICEERDE_INSTELLING)),
                new Topic("nazorg", 5, List.of("uitstroom en nazorg", "afschaling", "onderwijs"),
                        List.of(LOKAAL_TEAM, AANBIEDER, OVERIG)),
                new Topic("achttien", 6, List.of("18-/18+", "uitstroom en nazorg", "verblijf", "doorstroom"),
                        List.of(LOKAAL_TEAM, AANBIEDER, ZORGVERZEKERAAR, GEMEENTE)),
                new Topic("crisis", 5, List.of("crisis", "jeugdbescherming", "verblijf", "opschaling"),
                        List.of(AANBIEDER, LOKAAL_TEAM, VEILIG_THUIS, GECERTIFICEERDE_INSTELLING)),
                new Topic("bescherming", 5, List.of("jeugdbescherming", "afschaling", "opschaling", "informatie-uitwisseling"),
                        List.of(GECERTIFICEERDE_INSTELLING, LOKAAL_TEAM, VEILIG_THUIS, OVERIG)),
                new Topic("veiligthuis", 4, List.of("jeugdbescherming", "informatie-uitwisseling", "crisis"),
                        List.of(VEILIG_THUIS, LOKAAL_TEAM, GECERTIFICEERDE_INSTELLING)),
                new Topic("onderwijs", 6, List.of("onderwijs", "consultatie en advies", "toeleiding en verwijzing"),
                        List.of(ONDERWIJS, LOKAAL_TEAM, AANBIEDER, ONDERWIJS)),
                new Topic("eed", 3, List.of("onderwijs", "toeleiding en verwijzing", "administratie"),
                        List.of(ONDERWIJS, AANBIEDER, GEMEENTE)),
                new Topic("informatie", 5, List.of("informatie-uitwisseling", "administratie", "toeleiding en verwijzing"),
                        List.of(LOKAAL_TEAM, AANBIEDER, HUISARTS, GEMEENTE)),
                new Topic("wachtlijst", 6, List.of("wachtlijsten", "doorstroom", "toeleiding en verwijzing"),
                        List.of(AANBIEDER, LOKAAL_TEAM, GEMEENTE, AANBIEDER)),
                new Topic("administratie", 5, List.of("administratie", "informatie-uitwisseling", "opschaling", "afschaling"),
                        List.of(GEMEENTE, AANBIEDER, LOKAAL_TEAM)),
                new Topic("pleegzorg", 3, List.of("verblijf", "doorstroom", "jeugdbescherming"),
                        List.of(AANBIEDER, GECERTIFICEERDE_INSTELLING, LOKAAL_TEAM)),
                new Topic("gesloten", 2, List.of("verblijf", "opschaling", "crisis", "onderwijs"),
                        List.of(AANBIEDER, LOKAAL_TEAM, ONDERWIJS, GECERTIFICEERDE_INSTELLING)),
                new Topic("lvb", 3, List.of("consultatie en advies", "opschaling", "18-/18+", "onderwijs"),
                        List.of(LOKAAL_TEAM, AANBIEDER, ONDERWIJS)),
                new Topic("scheiding", 3, List.of("jeugdbescherming", "consultatie en advies", "toeleiding en verwijzing"),
                        List.of(LOKAAL_TEAM, GECERTIFICEERDE_INSTELLING, OVERIG)),
                new Topic("normaliseren", 4, List.of("toeleiding en verwijzing", "uitstroom en nazorg", "onderwijs"),
                        List.of(LOKAAL_TEAM, OVERIG, GEMEENTE, ONDERWIJS)),
                new Topic("bestaanszekerheid", 3, List.of("consultatie en advies", "toeleiding en verwijzing", "administratie"),
                        List.of(LOKAAL_TEAM, GEMEENTE, OVERIG, AANBIEDER)),
                new Topic("verslaving", 2, List.of("opschaling", "consultatie en advies", "verblijf"),
                        List.of(AANBIEDER, LOKAAL_TEAM, ONDERWIJS)),
                new Topic("kopp", 2, List.of("consultatie en advies", "informatie-uitwisseling"),
                        List.of(AANBIEDER, LOKAAL_TEAM, HUISARTS, ZORGVERZEKERAAR)),
                new Topic("vroeg", 3, List.of("toeleiding en verwijzing", "triage"),
                        List.of(LOKAAL_TEAM, HUISARTS, GEMEENTE, OVERIG)));

        static final List<String> PARTS = List.of("title", "intro", "lek", "afspraak", "stap");

        static Topic byKey(String key) {
            return ALL.stream().filter(t -> t.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no topic " + key));
        }

        static Topic sample(SplittableRandom random) {
            int total = ALL.stream().mapToInt(Topic::weight).sum();
            int u = random.nextInt(total);
            for (Topic topic : ALL) {
                u -= topic.weight;
                if (u < 0) {
                    return topic;
                }
            }
            return ALL.get(ALL.size() - 1);
        }

        void requireRules(Grammar grammar) {
            for (String part : PARTS) {
                if (!grammar.has(key + "." + part)) {
                    throw new IllegalStateException("the grammar has no rule @" + key + "." + part);
                }
            }
        }

        String rule(String part) {
            return key + "." + part;
        }
    }

    // =============================================================================================
    // Agreements
    // =============================================================================================

    /** One agreement's files: the current revision and its earlier revisions (oldest first). */
    record GeneratedAgreement(Koppelzone koppelzone, String slug, String text, List<String> history) {
    }

    enum Status {
        BEKRACHTIGD("bekrachtigd"), CONCEPT("concept"), TER_BEKRACHTIGING("ter_bekrachtiging"), VERVALLEN("vervallen");

        final String code;

        Status(String code) {
            this.code = code;
        }

        static Status sample(SplittableRandom random) {
            int u = random.nextInt(100);
            return u < 68 ? BEKRACHTIGD : u < 80 ? CONCEPT : u < 90 ? TER_BEKRACHTIGING : VERVALLEN;
        }
    }

    /** Plans agreements one after the other; remembers the slugs used per koppelzone so titles stay unique. */
    static final class AgreementFactory {
        private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
        private static final LocalDate EARLIEST = LocalDate.of(2021, 6, 1);

        final Grammar grammar;
        private final World world;
        final Composer composer;
        private final Map<String, Set<String>> slugs = new HashMap<>();

        AgreementFactory(Grammar grammar, World world) {
            this.grammar = grammar;
            this.world = world;
            this.composer = new Composer(grammar);
        }

        GeneratedAgreement next(SplittableRandom random) {
            Koppelzone koppelzone = world.sample(random);
            Topic topic = !koppelzone.focus().isEmpty() && random.nextInt(10) < 6
                    ? koppelzone.focus().get(random.nextInt(koppelzone.focus().size())) : Topic.sample(random);
            List<Organisation> parties = parties(koppelzone, topic, random);
            Status status = Status.sample(random);
            LocalDate day = day(koppelzone, random);
            Context context = composer.context(koppelzone, parties, day, random);
            Titled titled = title(koppelzone, topic, context, random);
            String title = titled.title();
            String slug = titled.slug();
            List<String> themes = themes(topic, random);
            Composer.Body body = composer.compose(topic, context, parties, random, composer.targetLength(random));

            List<Composer.Block> optional = body.optionalInOrder();
            int historyCount = random.nextInt(100) < 8 ? Math.min(optional.size(), 1 + random.nextInt(3)) : 0;
            List<Instant> dates = revisionDates(day, historyCount, random);
            List<String> history = new ArrayList<>();
            for (int revision = 1; revision <= historyCount; revision++) {
                int removed = historyCount + 1 - revision;
                String summary = revision == 1 ? "Eerste versie"
                        : "Paragraaf '" + optional.get(optional.size() - removed - 1).heading() + "' toegevoegd";
                String text = body.render(Set.copyOf(optional.subList(optional.size() - removed, optional.size())));
                history.add(historyFile(title, grammar.expand("persoon", context, random), dates.get(revision - 1), summary, text));
            }
            String summary;
            if (status == Status.VERVALLEN) {
                summary = "Vervallen per " + context.first("DATUM");
            } else if (historyCount > 0) {
                summary = grammar.expand("summary.wijziging", context, random)
                        .replace("PARAGRAAF", optional.get(optional.size() - 1).heading());
            } else {
                summary = random.nextInt(4) == 0 ? null : grammar.expand("summary.eerste", context, random);
            }
            String text = composer.statusNote(status, context, random) + body.render(Set.of());
            LocalDate review = review(status, day, random);
            String file = agreementFile(title, koppelzone, parties, themes, status, review,
                    grammar.expand("persoon", context, random), dates.get(dates.size() - 1), summary, text);
            return new GeneratedAgreement(koppelzone, slug, file, List.copyOf(history));
        }

        /** Parties: the topic's usual kinds first, then others of the koppelzone; two to five in all. */
        List<Organisation> parties(Koppelzone koppelzone, Topic topic, SplittableRandom random) {
            int u = random.nextInt(100);
            int wanted = u < 20 ? 2 : u < 55 ? 3 : u < 85 ? 4 : 5;
            List<Organisation> available = new ArrayList<>(pick(koppelzone.organisations(), Integer.MAX_VALUE, random));
            Set<Organisation> chosen = new LinkedHashSet<>();
            for (OrganisationKind kind : topic.kinds()) {
                if (chosen.size() >= wanted) {
                    break;
                }
                available.stream().filter(o -> o.kind() == kind && !chosen.contains(o)).findFirst().ifPresent(chosen::add);
            }
            for (Organisation organisation : available) {
                if (chosen.size() >= wanted) {
                    break;
                }
                if (organisation.kind() == AANBIEDER || organisation.kind() == LOKAAL_TEAM || random.nextInt(3) == 0) {
                    chosen.add(organisation);
                }
            }
            for (Organisation organisation : available) {
                if (chosen.size() >= Math.min(2, available.size())) {
                    break;
                }
                chosen.add(organisation);
            }
            return List.copyOf(chosen);
        }

        /** A title and the slug (file name) derived from it. */
        record Titled(String title, String slug) {
        }

        /** A title whose slug is not yet used in the koppelzone; after a dozen tries, a numbered one. */
        Titled title(Koppelzone koppelzone, Topic topic, Context context, SplittableRandom random) {
            Set<String> used = slugs.computeIfAbsent(koppelzone.slug(), k -> new HashSet<>());
            String title = null;
            for (int attempt = 0; attempt < 12; attempt++) {
                title = capitalise(grammar.expand(topic.rule("title"), context, random));
                if (attempt > 3 || random.nextInt(100) < 35) {
                    String suffix = grammar.expand("title.suffix", context, random);
                    title = title + (suffix.startsWith(":") ? "" : " ") + suffix;
                }
                String slug = Slugs.of(title, 80);
                if (title.length() <= 190 && used.add(slug)) {
                    return new Titled(title, slug);
                }
            }
            String base = title.length() > 180 ? title.substring(0, 180).strip() : title;
            for (int n = 2; ; n++) {
                String slug = Slugs.of(base, 72) + "-" + n;
                if (used.add(slug)) {
                    return new Titled(base + " (" + n + ")", slug);
                }
            }
        }

        static List<String> themes(Topic topic, SplittableRandom random) {
            int u = random.nextInt(100);
            int wanted = u < 35 ? 1 : u < 70 ? 2 : u < 90 ? 3 : 4;
            Set<String> themes = new LinkedHashSet<>();
            themes.add(topic.themes().get(0));
            List<String> secondary = topic.themes().subList(1, topic.themes().size());
            for (String theme : pick(secondary, wanted - 1, random)) {
                themes.add(theme);
            }
            if (themes.size() < wanted || random.nextInt(20) == 0) {
                themes.add(THEMES.get(random.nextInt(THEMES.size())));
            }
            return List.copyOf(themes);
        }

        static LocalDate day(Koppelzone koppelzone, SplittableRandom random) {
            LocalDate from = koppelzone.start().plusDays(14);
            long span = Math.max(1, from.until(LAST_DATE, ChronoUnit.DAYS));
            return from.plusDays(random.nextLong(span));
        }

        private static List<Instant> revisionDates(LocalDate day, int history, SplittableRandom random) {
            Instant[] dates = new Instant[history + 1];
            LocalDate current = day;
            for (int i = history; i >= 0; i--) {
                dates[i] = current.atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(8 * 3600 + random.nextInt(120) * 300L);
                current = current.minusDays(20 + random.nextInt(220));
                if (current.isBefore(EARLIEST)) {
                    current = EARLIEST;
                }
            }
            for (int i = 1; i < dates.length; i++) {
                if (dates[i].isBefore(dates[i - 1])) {
                    dates[i] = dates[i - 1];
                }
            }
            return List.of(dates);
        }

        static LocalDate review(Status status, LocalDate day, SplittableRandom random) {
            boolean has = status == Status.BEKRACHTIGD || (status == Status.TER_BEKRACHTIGING && random.nextBoolean());
            return has ? day.plusMonths(12 + random.nextInt(25)).withDayOfMonth(1) : null;
        }

        static String agreementFile(String title, Koppelzone koppelzone, List<Organisation> parties,
                                            List<String> themes, Status status, LocalDate review, String author,
                                            Instant date, String summary, String body) {
            StringBuilder out = new StringBuilder(body.length() + 512);
            out.append("---\n");
            Yaml.entry(out, "title", title);
            Yaml.entry(out, "municipality", koppelzone.municipality().name());
            Yaml.entry(out, "koppelzone", koppelzone.name());
            out.append("parties:\n");
            for (Organisation party : parties) {
                out.append("  - ").append(Yaml.scalar(party.name())).append('\n');
            }
            out.append("themes: [");
            for (int i = 0; i < themes.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(Yaml.scalar(themes.get(i)));
            }
            out.append("]\n");
            out.append("status: ").append(status.code).append('\n');
            if (review != null) {
                out.append("review_date: ").append(review).append('\n');
            }
            Yaml.entry(out, "author", author);
            out.append("date: ").append(INSTANT.format(date.atOffset(ZoneOffset.UTC))).append('\n');
            if (summary != null) {
                Yaml.entry(out, "summary", summary);
            }
            out.append("---\n").append(body);
            return out.toString();
        }

        static String historyFile(String title, String author, Instant date, String summary, String body) {
            StringBuilder out = new StringBuilder(body.length() + 256);
            out.append("---\n");
            Yaml.entry(out, "title", title);
            Yaml.entry(out, "author", author);
            out.append("date: ").append(INSTANT.format(date.atOffset(ZoneOffset.UTC))).append('\n');
            Yaml.entry(out, "summary", summary);
            out.append("---\n").append(body);
            return out.toString();
        }
    }

    // =============================================================================================
    // Bodies
    // =============================================================================================

    /** Composes an agreement's markdown body from sections until it reaches a target length. */
    static final class Composer {
        static final Set<String> CONTEXT_KEYS = Set.of("M", "REGIO", "KZ", "LT", "TEAM", "TEAMS", "TEAMLID", "AANB", "GI",
                "VT", "HA", "SCHOOL", "GEM", "WIJK", "JAAR", "VOLGJAAR", "DATUM", "PARTIJ", "PARTIJEN", "KIND");
        private static final List<String> MONTHS = List.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
                "augustus", "september", "oktober", "november", "december");

        /** The sections, in the order they appear in a body. */
        enum Section {
            INTRO(0), ACHTERGROND(35, "Achtergrond", "Aanleiding", "Context"),
            DOELGROEP(35, "Doelgroep", "Voor wie is deze afspraak?"),
            LEK(0, "Waardelek", "Waardelek", "Waardelek", "Waardelek: wat ging er mis?", "Het waardelek"),
            VERBINDING(40, "Waardevolle verbinding", "Wat levert het op?"),
            AFSPRAKEN(0, "Afspraken", "Afspraken", "Afspraak", "De afspraken", "Wat we afspreken"),
            WERKWIJZE(70, "Werkwijze", "Werkwijze", "Stappenplan", "Zo werkt het"),
            WIE(90, "Wie doet wat", "Wie doet wat", "Rollen", "Rollen en verantwoordelijkheden"),
            TERMIJNEN(80, "Termijnen", "Termijnen", "Termijnen en bereikbaarheid"),
            PRIVACY(40, "Privacy en toestemming", "Informatie delen"),
            UITZONDERINGEN(60, "Uitzonderingen", "Uitzonderingen", "Wanneer geldt deze afspraak niet?"),
            SAMENHANG(30, "Samenhang met andere leefgebieden", "Samenhang", "Verbinding met andere domeinen"),
            FINANCIERING(30, "Financiering en inkoop", "Bekostiging", "Randvoorwaarden"),
            CASUS(25, "Casus ter illustratie", "Voorbeeld uit de praktijk"),
            ERVARINGEN(25, "Ervaringen", "Ervaringen uit de praktijk", "Wat zeggen betrokkenen?"),
            FAQ(25, "Veelgestelde vragen"),
            EXTRA(0, "Uitwerking per fase"),
            BEGRIPPEN(25, "Begrippen", "Begrippenlijst"),
            CONTACT(25, "Contactpersonen", "Contact"),
            BORGING(35, "Borging", "Bekrachtiging en borging"),
            EVALUATIE(85, "Evaluatie", "Evaluatie", "Evaluatie en onderhoud");

            final int weight;
            final List<String> headings;

            Section(int weight, String... headings) {
                this.weight = weight;
                this.headings = List.of(headings);
            }
        }

        /** A rendered section; {@code order} is when it was added (-1 for the sections every body has). */
        record Block(Section section, String heading, String text, int order) {
        }

        /** The blocks of a body; older revisions leave out the sections added last. */
        record Body(List<Block> blocks) {
            List<Block> optionalInOrder() {
                return blocks.stream().filter(b -> b.order() >= 0).sorted(Comparator.comparingInt(Block::order)).toList();
            }

            String render(Set<Block> without) {
                StringBuilder out = new StringBuilder(blocks.stream().mapToInt(b -> b.text().length() + 2).sum());
                for (Block block : blocks) {
                    if (!without.contains(block)) {
                        out.append(block.text()).append("\n\n");
                    }
                }
                out.setLength(out.length() - 1);
                return out.toString();
            }
        }

        private final Grammar grammar;

        Composer(Grammar grammar) {
            this.grammar = grammar;
            for (OrganisationKind kind : OrganisationKind.values()) {
                for (String prefix : List.of("wie.", "verbinding.")) {
                    if (!grammar.has(prefix + kind.code())) {
                        throw new IllegalStateException("the grammar has no rule @" + prefix + kind.code());
                    }
                }
            }
        }

        /** Mostly 1,500-5,000 characters (log-uniform), a tail to 9,000 and a few up to 15,000. */
        int targetLength(SplittableRandom random) {
            int u = random.nextInt(100);
            if (u < 85) {
                return (int) Math.exp(Math.log(1300) + random.nextDouble() * (Math.log(4600) - Math.log(1300)));
            }
            return u < 97 ? 4600 + random.nextInt(4000) : 8600 + random.nextInt(6000);
        }

        Context context(Koppelzone koppelzone, List<Organisation> parties, LocalDate day, SplittableRandom random) {
            Municipality municipality = koppelzone.municipality();
            TeamType team = municipality.team();
            Organisation lokaalTeam = parties.stream().filter(o -> o.kind() == LOKAAL_TEAM).findFirst()
                    .orElse(koppelzone.chair());
            List<String> names = parties.stream().map(Organisation::name).toList();
            Context context = new Context()
                    .put("M", municipality.name())
                    .put("REGIO", koppelzone.region().name())
                    .put("KZ", koppelzone.name())
                    .put("LT", lokaalTeam.name())
                    .put("TEAM", team.singular(), team.singular(), team.singular(), lokaalTeam.name())
                    .put("TEAMS", team.plural())
                    .put("TEAMLID", team.members())
                    .put("AANB", names(parties, AANBIEDER, "de aanbieder", "de jeugdhulpaanbieder"))
                    .put("GI", names(parties, GECERTIFICEERDE_INSTELLING, "de GI", "de gecertificeerde instelling"))
                    .put("VT", names(parties, VEILIG_THUIS, "Veilig Thuis"))
                    .put("HA", names(parties, HUISARTS, "de huisarts", "de huisartsen"))
                    .put("SCHOOL", names(parties, ONDERWIJS, "de school", "het samenwerkingsverband"))
                    .put("GEM", names(parties, GEMEENTE, "de gemeente", "de gemeente " + municipality.name()))
                    .put("WIJK", koppelzone.wijk() != null ? List.of(koppelzone.wijk()) : municipality.wijken())
                    .put("JAAR", String.valueOf(day.getYear()))
                    .put("VOLGJAAR", String.valueOf(day.getYear() + 1))
                    .put("DATUM", dutchDate(day))
                    .put("PARTIJ", names)
                    .put("PARTIJEN", enumeration(names));
            return context.put("KIND", grammar.expand("kindnaam", context, random));
        }

        private static List<String> names(List<Organisation> parties, OrganisationKind kind, String... fallback) {
            List<String> names = parties.stream().filter(o -> o.kind() == kind).map(Organisation::name).toList();
            return names.isEmpty() ? List.of(fallback) : names;
        }

        static String enumeration(List<String> names) {
            if (names.size() == 1) {
                return names.get(0);
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " en " + names.get(names.size() - 1);
        }

        static String dutchDate(LocalDate day) {
            return day.getDayOfMonth() + " " + MONTHS.get(day.getMonthValue() - 1) + " " + day.getYear();
        }

        String statusNote(Status status, Context context, SplittableRandom random) {
            return switch (status) {
                case VERVALLEN -> "> **Vervallen per " + context.first("DATUM") + ".** "
                        + grammar.expand("note.vervallen", context, random) + "\n\n";
                case CONCEPT -> random.nextInt(10) < 4
                        ? "> **Concept.** " + grammar.expand("note.concept", context, random) + "\n\n" : "";
                case TER_BEKRACHTIGING -> random.nextInt(10) < 4
                        ? "> **Ter bekrachtiging.** " + grammar.expand("note.ter", context, random) + "\n\n" : "";
                case BEKRACHTIGD -> "";
            };
        }

        Body compose(Topic topic, Context context, List<Organisation> parties, SplittableRandom random, int target) {
            Writer writer = new Writer(grammar, topic, context, parties, random);
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block(Section.INTRO, "", writer.intro(), -1));
            blocks.add(writer.block(Section.LEK, -1));
            blocks.add(writer.block(Section.AFSPRAKEN, -1));
            int length = blocks.stream().mapToInt(b -> b.text().length() + 2).sum();
            int order = 0;
            for (Section section : optionalOrder(random)) {
                if (length >= target) {
                    break;
                }
                Block block = writer.block(section, order++);
                blocks.add(block);
                length += block.text().length() + 2;
            }
            if (length < target) {
                blocks.add(new Block(Section.EXTRA, Section.EXTRA.headings.get(0),
                        writer.extra(target - length), order));
            }
            blocks.sort(Comparator.comparingInt(b -> b.section().ordinal()));
            return new Body(List.copyOf(blocks));
        }

        /** The optional sections in a random order where heavier ones tend to come first. */
        private static List<Section> optionalOrder(SplittableRandom random) {
            Map<Section, Double> keys = new EnumMap<>(Section.class);
            for (Section section : Section.values()) {
                if (section.weight > 0) {
                    keys.put(section, -Math.log(1 - random.nextDouble()) / section.weight);
                }
            }
            List<Section> order = new ArrayList<>(keys.keySet());
            order.sort(Comparator.comparingDouble(keys::get));
            return order;
        }
    }

    /** Renders the sections of one body. */
    static final class Writer {
        private final Grammar grammar;
        private final Topic topic;
        private final Context context;
        private final List<Organisation> parties;
        private final SplittableRandom random;

        Writer(Grammar grammar, Topic topic, Context context, List<Organisation> parties, SplittableRandom random) {
            this.grammar = grammar;
            this.topic = topic;
            this.context = context;
            this.parties = parties;
            this.random = random;
        }

        Composer.Block block(Composer.Section section, int order) {
            String heading = section.headings.get(random.nextInt(section.headings.size()));
            String content = switch (section) {
                case LEK -> lek();
                case AFSPRAKEN -> afspraken();
                case WERKWIJZE -> numbered(concat(steps(3 + random.nextInt(3)),
                        distinct("stap.generic", random.nextInt(3) == 0 ? 1 : 0)));
                case WIE -> wie();
                case TERMIJNEN -> termijnen();
                case PRIVACY -> random.nextBoolean() ? bullets(distinct("privacy", 2 + random.nextInt(3)))
                        : paragraph(distinct("privacy", 2 + random.nextInt(3)));
                case UITZONDERINGEN -> bullets(distinct("uitzondering", 2 + random.nextInt(3)));
                case CASUS -> casus();
                case FAQ -> String.join("\n\n", distinct("faq", 2 + random.nextInt(3)));
                case BEGRIPPEN -> bullets(distinct("begrip", 3 + random.nextInt(4)));
                case CONTACT -> contact();
                case BORGING -> paragraph(distinct("borging", 2 + random.nextInt(2)));
                case ACHTERGROND -> paragraph(distinct("achtergrond", 2 + random.nextInt(2)));
                case VERBINDING -> verbinding();
                case DOELGROEP -> doelgroep();
                case SAMENHANG -> paragraph(distinct("samenhang", 2 + random.nextInt(3)));
                case FINANCIERING -> random.nextBoolean() ? paragraph(distinct("financiering", 2 + random.nextInt(3)))
                        : bullets(distinct("financiering", 2 + random.nextInt(3)));
                case ERVARINGEN -> sentence("ervaring.intro") + "\n\n"
                        + String.join("\n\n", distinct("ervaring", 2 + random.nextInt(3)).stream().map(q -> "> " + q).toList());
                case EVALUATIE -> evaluatie();
                case INTRO, EXTRA -> throw new IllegalArgumentException(section.name());
            };
            return new Composer.Block(section, heading, "## " + heading + "\n\n" + content, order);
        }

        String intro() {
            List<String> sentences = new ArrayList<>(distinct(topic.rule("intro"), 1));
            if (random.nextBoolean()) {
                sentences.addAll(distinct("intro.generic", 1));
            }
            String intro = paragraph(sentences);
            return random.nextInt(5) == 0 ? intro + "\n\n" + paragraph(distinct("intro.generic", 1)) : intro;
        }

        private String lek() {
            if (random.nextInt(100) < 55) {
                return bullets(concat(distinct(topic.rule("lek"), 2 + random.nextInt(3)),
                        distinct("lek.generic", random.nextInt(10) < 4 ? 1 : 0)));
            }
            return paragraph(concat(concat(distinct(topic.rule("lek"), 2 + random.nextInt(2)), distinct("lek.generic", 1)),
                    distinct("lek.gevolg", 1)));
        }

        private String afspraken() {
            List<String> items = concat(distinct(topic.rule("afspraak"), 3 + random.nextInt(4)),
                    distinct("afspraak.generic", random.nextInt(3)));
            List<String> emphasised = new ArrayList<>();
            for (String item : items) {
                emphasised.add(random.nextInt(100) < 35 ? emphasise(item) : item);
            }
            return numbered(emphasised);
        }

        private String wie() {
            List<String> lines = new ArrayList<>();
            for (Organisation party : parties) {
                lines.add("- **" + party.name() + "**: " + grammar.expand("wie." + party.kind().code(), context, random));
            }
            if (random.nextInt(10) < 4) {
                lines.add("- **" + capitalise(grammar.expand("ouders", context, random)) + "**: "
                        + grammar.expand("wie.gezin", context, random));
            }
            return String.join("\n", lines);
        }

        private String termijnen() {
            List<String> rows = distinct("termijn", 3 + random.nextInt(4));
            boolean table = random.nextInt(10) < 4;
            StringBuilder out = new StringBuilder();
            if (table) {
                out.append("| Moment | Termijn | Wie |\n|---|---|---|\n");
            }
            for (String row : rows) {
                int separator = row.indexOf(" = ");
                String moment = row.substring(0, separator);
                String term = row.substring(separator + 3);
                String who = grammar.expand("termijn.wie", context, random);
                if (table) {
                    out.append("| ").append(moment).append(" | ").append(term).append(" | ").append(capitalise(who)).append(" |\n");
                } else {
                    out.append("- ").append(moment).append(": **").append(term).append("** (").append(who).append(")\n");
                }
            }
            out.setLength(out.length() - 1);
            if (random.nextInt(3) == 0) {
                out.append("\n\n").append(sentence("termijn.toelichting"));
            }
            return out.toString();
        }

        private String casus() {
            List<String> sentences = new ArrayList<>();
            sentences.add(sentence("casus.start"));
            sentences.addAll(distinct("casus.midden", 1 + random.nextInt(2)));
            sentences.add(sentence("casus.eind"));
            return paragraph(sentences);
        }

        private String contact() {
            StringBuilder out = new StringBuilder("| Organisatie | Contactpersoon | Bereikbaar |\n|---|---|---|");
            for (Organisation party : parties) {
                out.append("\n| ").append(party.name()).append(" | ").append(grammar.expand("persoon", context, random))
                        .append(", ").append(grammar.expand("functie", context, random)).append(" | ")
                        .append(grammar.expand("bereik", context, random)).append(" |");
            }
            return out.toString();
        }

        private String verbinding() {
            List<String> lines = new ArrayList<>();
            lines.add(sentence("verbinding.jeugd"));
            Set<OrganisationKind> kinds = new LinkedHashSet<>();
            parties.forEach(p -> kinds.add(p.kind()));
            for (OrganisationKind kind : kinds) {
                lines.add(sentence("verbinding." + kind.code()));
            }
            return sentence("verbinding.intro") + "\n\n" + bullets(lines);
        }

        private String doelgroep() {
            String out = sentence("doelgroep.intro") + "\n\n" + bullets(distinct("doelgroep", 2 + random.nextInt(4)));
            return random.nextInt(3) == 0 ? out + "\n\n" + sentence("doelgroep.niet") : out;
        }

        private String evaluatie() {
            List<String> sentences = new ArrayList<>();
            sentences.add(sentence("eval.start"));
            sentences.add(sentence("eval.meet"));
            if (random.nextBoolean()) {
                sentences.add(sentence("eval.resultaat"));
            }
            return paragraph(sentences);
        }

        /** "Uitwerking per fase": subsections until {@code needed} characters are written. */
        String extra(int needed) {
            StringBuilder out = new StringBuilder("## Uitwerking per fase\n\n").append(sentence("extra.inleiding"));
            for (String fase : distinct("fase", 20)) {
                if (out.length() >= needed) {
                    break;
                }
                out.append("\n\n### ").append(fase).append("\n\n")
                        .append(paragraph(concat(distinct(topic.rule("afspraak"), 1), distinct("extra.zin", 1 + random.nextInt(2)))))
                        .append("\n\n")
                        .append(bullets(concat(steps(1 + random.nextInt(2)), distinct("stap.generic", 1))));
            }
            return out.toString();
        }

        private String sentence(String rule) {
            return capitalise(grammar.expand(rule, context, random));
        }

        /** Up to {@code count} of the topic's steps, in their order. */
        private List<String> steps(int count) {
            List<String> out = new ArrayList<>(count);
            for (String text : grammar.expandDistinct(topic.rule("stap"), count, context, random, true)) {
                out.add(capitalise(text));
            }
            return out;
        }

        /** Up to {@code count} expansions of distinct alternatives of {@code rule}, capitalised. */
        private List<String> distinct(String rule, int count) {
            List<String> out = new ArrayList<>(count);
            for (String text : grammar.expandDistinct(rule, count, context, random)) {
                out.add(capitalise(text));
            }
            return out;
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }

        private static String paragraph(List<String> sentences) {
            return String.join(" ", sentences);
        }

        private static String bullets(List<String> items) {
            StringBuilder out = new StringBuilder();
            for (String item : items) {
                out.append(out.isEmpty() ? "" : "\n").append("- ").append(item);
            }
            return out.toString();
        }

        private static String numbered(List<String> items) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(items.get(i));
            }
            return out.toString();
        }

        /** Puts a term such as "binnen 5 werkdagen" in bold, as writers of the demo agreements do. */
        static String emphasise(String item) {
            for (String start : new String[]{"binnen ", "uiterlijk ", "elke ", "maandelijks"}) {
                int from = item.indexOf(start);
                if (from < 0) {
                    continue;
                }
                for (String end : new String[]{"werkdagen", "weken", "uur", "maanden", "week", "maand", "kwartaal", "werkdag"}) {
                    int to = item.indexOf(end, from);
                    if (to > from && to - from < 40) {
                        to += end.length();
                        return item.substring(0, from) + "**" + item.substring(from, to) + "**" + item.substring(to);
                    }
                }
            }
            return item;
        }
    }

    // =============================================================================================
    // Koppelzone files and YAML
    // =============================================================================================

    static final class KoppelzoneFile {
        private KoppelzoneFile() {
        }

        static String text(Koppelzone koppelzone) {
            StringBuilder out = new StringBuilder(2048);
            Yaml.entry(out, "name", koppelzone.name());
            Yaml.entry(out, "municipality", koppelzone.municipality().name());
            Yaml.entry(out, "jeugdregio", koppelzone.region().name());
            out.append("level: ").append(koppelzone.regional() ? "regionaal" : "lokaal").append('\n');
            Yaml.entry(out, "chair", koppelzone.chair().name());
            out.append("description: |\n");
            for (String line : wrap(koppelzone.description(), 100)) {
                out.append("  ").append(line).append('\n');
            }
            out.append("parties:\n");
            for (Party party : koppelzone.parties()) {
                out.append("  - name: ").append(Yaml.scalar(party.organisation().name())).append('\n');
                out.append("    kind: ").append(party.organisation().kind().code()).append('\n');
                out.append("    joined: ").append(party.joined()).append('\n');
            }
            return out.toString();
        }

        static List<String> wrap(String text, int width) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }

    /** Writes scalars plain when YAML reads them back unchanged, otherwise double-quoted. */
    static final class Yaml {
        private static final Set<String> SPECIAL = Set.of("yes", "no", "true", "false", "null", "on", "off", "y", "n");

        private Yaml() {
        }

        static void entry(StringBuilder out, String key, String value) {
            out.append(key).append(": ").append(scalar(value)).append('\n');
        }

        static String scalar(String value) {
            return plain(value) ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }

        private static boolean plain(String value) {
            if (value.isEmpty() || !Character.isLetter(value.charAt(0)) || value.endsWith(" ")
                    || SPECIAL.contains(value.toLowerCase(Locale.ROOT))) {
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (!Character.isLetterOrDigit(c) && " -.()/+–’".indexOf(c) < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    // =============================================================================================
    // Vocabulary (DOMAIN.md §2-§6): world data and the grammar
    // =============================================================================================

    /** The texts the generator composes from. Several text blocks, since one class constant may hold at most 64 KB. */
    static final class Vocabulary {
        private Vocabulary() {
        }

        static List<String> sources() {
            return List.of(LEXICON, SECTIONS, SECTIONS_2, SECTIONS_3, COMPOUNDS, TOPICS_1, TOPICS_2, TOPICS_3, TOPICS_4);
        }

        /** Real municipalities (2023) in real jeugdregio's; the first of each line is the regional centre. */
        static final String REGIONS = """
                Groningen = Groningen; Midden-Groningen; Het Hogeland; Eemsdelta; Oldambt; Westerkwartier; Stadskanaal; Veendam; Pekela; Westerwolde
                Fryslân = Leeuwarden; Súdwest-Fryslân; Smallingerland; Heerenveen; De Fryske Marren; Noardeast-Fryslân; Waadhoeke; Tytsjerksteradiel; Opsterland; Ooststellingwerf; Weststellingwerf; Achtkarspelen; Dantumadiel; Harlingen; Ameland; Terschelling; Vlieland; Schiermonnikoog
                Drenthe = Assen; Emmen; Hoogeveen; Meppel; Coevorden; Midden-Drenthe; Aa en Hunze; Borger-Odoorn; Tynaarlo; Noordenveld; De Wolden; Westerveld
                IJsselland = Zwolle; Kampen; Deventer; Hardenberg; Raalte; Olst-Wijhe; Dalfsen; Ommen; Staphorst; Steenwijkerland; Zwartewaterland
                Twente = Enschede; Hengelo; Almelo; Borne; Dinkelland; Haaksbergen; Hellendoorn; Hof van Twente; Losser; Oldenzaal; Rijssen-Holten; Tubbergen; Twenterand; Wierden
                Flevoland = Almere; Lelystad; Dronten; Noordoostpolder; Urk; Zeewolde
                Noord-Veluwe = Harderwijk; Elburg; Ermelo; Hattem; Heerde; Nunspeet; Oldebroek; Putten
                Midden-IJssel/Oost-Veluwe = Apeldoorn; Zutphen; Lochem; Brummen; Epe; Voorst
                Achterhoek = Doetinchem; Aalten; Berkelland; Bronckhorst; Montferland; Oost Gelre; Oude IJsselstreek; Winterswijk
                Centraal Gelderland = Arnhem; Doesburg; Duiven; Lingewaard; Overbetuwe; Renkum; Rheden; Rozendaal; Westervoort; Zevenaar
                Rijk van Nijmegen = Nijmegen; Berg en Dal; Beuningen; Druten; Heumen; Mook en Middelaar; Wijchen
                Foodvalley = Ede; Barneveld; Nijkerk; Scherpenzeel; Wageningen; Renswoude; Veenendaal
                Rivierenland = Tiel; Buren; Culemborg; West Betuwe; West Maas en Waal; Maasdriel; Neder-Betuwe; Zaltbommel
                Utrecht Stad = Utrecht
                Lekstroom = Nieuwegein; Houten; IJsselstein; Lopik; Vijfheerenlanden
                Zuidoost-Utrecht = Zeist; Utrechtse Heuvelrug; Wijk bij Duurstede; Bunnik; De Bilt
                Utrecht West = Woerden; Montfoort; Oudewater; De Ronde Venen; Stichtse Vecht
                Regio Amersfoort = Amersfoort; Baarn; Bunschoten; Eemnes; Leusden; Soest; Woudenberg
                Gooi en Vechtstreek = Hilversum; Gooise Meren; Huizen; Laren; Blaricum; Wijdemeren
                Amsterdam-Amstelland = Amsterdam; Amstelveen; Aalsmeer; Diemen; Ouder-Amstel; Uithoorn
                Zaanstreek-Waterland = Zaanstad; Purmerend; Edam-Volendam; Landsmeer; Oostzaan; Waterland; Wormerland
                Zuid-Kennemerland = Haarlem; Zandvoort; Bloemendaal; Heemstede
                IJmond = Velsen; Beverwijk; Heemskerk
                Haarlemmermeer = Haarlemmermeer
                Noord-Holland Noord = Alkmaar; Den Helder; Hoorn; Schagen; Hollands Kroon; Dijk en Waard; Bergen (NH); Castricum; Heiloo; Uitgeest; Enkhuizen; Drechterland; Stede Broec; Medemblik; Koggenland; Opmeer; Texel
                Holland Rijnland = Leiden; Alphen aan den Rijn; Kaag en Braassem; Katwijk; Leiderdorp; Lisse; Hillegom; Noordwijk; Oegstgeest; Teylingen; Voorschoten; Zoeterwoude; Nieuwkoop
                Haaglanden = Den Haag; Delft; Leidschendam-Voorburg; Midden-Delfland; Pijnacker-Nootdorp; Rijswijk; Wassenaar; Westland; Zoetermeer
                Midden-Holland = Gouda; Bodegraven-Reeuwijk; Krimpenerwaard; Waddinxveen; Zuidplas
                Rijnmond = Rotterdam; Schiedam; Vlaardingen; Maassluis; Capelle aan den IJssel; Krimpen aan den IJssel; Lansingerland; Barendrecht; Ridderkerk; Albrandswaard; Nissewaard; Voorne aan Zee; Goeree-Overflakkee
                Zuid-Holland Zuid = Dordrecht; Alblasserdam; Hardinxveld-Giessendam; Hendrik-Ido-Ambacht; Hoeksche Waard; Molenlanden; Gorinchem; Papendrecht; Sliedrecht; Zwijndrecht
                Zeeland = Middelburg; Vlissingen; Goes; Terneuzen; Hulst; Sluis; Schouwen-Duiveland; Veere; Borsele; Kapelle; Reimerswaal; Noord-Beveland; Tholen
                West-Brabant-West = Bergen op Zoom; Roosendaal; Woensdrecht; Steenbergen; Halderberge; Moerdijk; Rucphen; Zundert
                West-Brabant-Oost = Breda; Etten-Leur; Oosterhout; Drimmelen; Geertruidenberg; Alphen-Chaam; Baarle-Nassau; Altena
                Hart van Brabant = Tilburg; Waalwijk; Dongen; Gilze en Rijen; Goirle; Hilvarenbeek; Loon op Zand; Oisterwijk; Heusden
                Noordoost-Brabant = 's-Hertogenbosch; Oss; Meierijstad; Bernheze; Boxtel; Sint-Michielsgestel; Vught; Maashorst; Land van Cuijk; Boekel
                Zuidoost-Brabant = Eindhoven; Veldhoven; Best; Son en Breugel; Nuenen, Gerwen en Nederwetten; Geldrop-Mierlo; Waalre; Valkenswaard; Heeze-Leende; Cranendonck; Oirschot; Eersel; Bladel; Bergeijk; Reusel-De Mierden
                Helmond-De Peel = Helmond; Asten; Deurne; Gemert-Bakel; Laarbeek; Someren
                Noord-Limburg = Venlo; Venray; Horst aan de Maas; Peel en Maas; Beesel; Bergen (L); Gennep
                Midden-Limburg = Roermond; Weert; Leudal; Nederweert; Maasgouw; Roerdalen; Echt-Susteren
                Zuid-Limburg = Maastricht; Heerlen; Sittard-Geleen; Kerkrade; Landgraaf; Brunssum; Beekdaelen; Stein; Beek; Meerssen; Valkenburg aan de Geul; Gulpen-Wittem; Eijsden-Margraten; Vaals; Simpelveld; Voerendaal
                """;

        static final List<String> WIJKEN = List.of("Centrum", "Noord", "Oost", "Zuid", "West", "Binnenstad", "Oud-Zuid",
                "Nieuw-West", "De Hoven", "Het Hoogveld", "De Bongerd", "De Meente", "Kerkwijk", "Stationskwartier",
                "Havenkwartier", "De Velden", "Molenwijk", "Rivierwijk", "Schildersbuurt", "Bloemenbuurt", "Vogelwijk",
                "De Akkers", "Het Ven", "Dorpskern", "Buitengebied", "Muziekwijk", "Waterwijk", "De Beemden", "Bomenbuurt",
                "Heuvelkwartier", "Lindenholt", "Kanaalzone", "Parkwijk", "Zeeheldenbuurt", "Oude Dorp", "De Horsten",
                "Hoogkerk", "Beekpark", "Veldhuizen", "Spoorzone", "Transvaal", "Rivierenbuurt", "Indische Buurt",
                "Staatsliedenbuurt", "Kruiskamp", "De Schilderswijk", "Vogelenzang", "Het Zand", "De Graafschap",
                "Molenhoek", "Dichtersbuurt", "Sterrenwijk", "De Bloemhof", "Prinsenland", "Kerkdriel", "De Weteringen",
                "Boschveld", "Tuindorp", "Oosterpark", "De Vaart", "Hoograven", "Overvecht", "Malburgen", "Presikhaaf",
                "Kronenburg", "De Rompert", "Woensel", "Stratum", "Tongelre", "Meerhoven", "Selwerd", "Lewenborg",
                "Beijum", "Vinkhuizen", "Schalkwijk", "Delftwijk", "Lombok", "Ondiep", "Zuilen", "Kattenbroek",
                "Nieuwland", "Schothorst", "De Hagen", "Holtenbroek", "Stadshagen", "Aa-landen", "Wesselerbrink",
                "Deppenbroek", "Velve-Lindenhof");

        /** Invented organisation names: generic Dutch nouns, not real companies. */
        static final List<String> CORES = List.of("De Horizon", "Het Anker", "De Brug", "De Kompasroos", "Het Baken",
                "De Zevensprong", "Het Kwadrant", "De Linde", "De Waterlelie", "Het Palet", "De Wegwijzer", "Het Groeihuis",
                "De Vlinder", "De Meander", "De Kade", "Het Vaarwater", "De Steiger", "Het Lichtpunt", "De Driesprong",
                "Het Perspectief", "Kleurrijk", "Opgroeikracht", "Veerkracht", "Thuisbasis", "De Eik", "De Beuk",
                "Het Wilgenhof", "De Regenboog", "De Ster", "Noorderlicht", "De Wending", "Het Kantelpunt", "De Overstap",
                "Groeikracht", "Koersvast", "De Haven", "De Vuurtoren", "De Ankerplaats", "Het Kompas", "De Schakel",
                "De Sleutel", "Lichtbaken", "De Oever", "Het Veld", "De Akker", "Het Erf", "De Boomgaard", "De Hoeve",
                "De Klaver", "Het Speelhuis", "De Zonnewijzer", "De Windroos", "Het Startpunt", "De Opstap", "De Parel",
                "Het Vlot", "De Duinroos", "De Heide", "Het Bos", "De Kastanje", "De Esdoorn", "Het Wiel", "De Molen",
                "De Toren", "De Dijk", "Het Tij", "De Getijden", "De Bron", "Het Nest", "De Kiem", "De Kiemkracht",
                "Het Zaadje", "De Wieken", "De Passer", "De Lantaarn", "Het Carillon", "De Koepel", "De Tuin",
                "Het Leerhuis", "De Kim", "Het Zwaluwnest", "De Reiger", "De Ooievaar", "Het Kievitsnest", "De Uil",
                "De Kraanvogel", "Het Kabinet", "De Sprong", "Het Mozaïek", "De Cirkel", "De Fakkel", "Het Vergezicht",
                "De Zandloper", "Het Uitzicht", "De Berkenhof", "De Watermolen", "Het Dorpshart", "De Ruimte",
                "Het Bruggenhoofd", "De Loods", "De Werkplaats", "Het Atelier", "De Waaier", "De Vijverhof",
                "Het Klavertje", "De Sterrenwacht", "De Hazelaar", "De Lijsterbes", "Het Rietland", "De Vlonder",
                "De Aanloop", "Het Scharnier", "De Tussenstap", "Het Knooppunt", "De Verbinding", "De Bongerd",
                "Het Hoefijzer", "De Spiegel", "De Vuurvlinder", "Het Windjack", "De Zeef", "De Pelikaan");

        static final List<String> BARE_CORES = List.of("Horizon", "Anker", "Kompas", "Baken", "Meander", "Linde",
                "Esdoorn", "Kastanje", "Zonnewijzer", "Windroos", "Lichtpunt", "Vuurtoren", "Getijden", "Kim", "Passer",
                "Heuvelrand", "Dijkzicht", "Polderland", "Rivierduin", "Buitenhof", "Stadspoort", "Wijkhart", "Beekdal");

        static final List<String> PROVIDER_PREFIXES = List.of("Jeugdhulp", "Jeugdhulp", "Jeugdzorg", "Jeugd GGZ",
                "Kinder- en Jeugdpsychiatrie", "Orthopedagogisch Centrum", "Behandelcentrum", "Pleegzorg", "Gezinshuizen",
                "Dyslexiezorg", "Zorggroep", "Ambulante Jeugdhulp", "Jeugd- en Gezinszorg", "LVB-zorg", "Verslavingszorg Jeugd",
                "Gezinsbehandeling", "Jeugd-ggz", "Opvoedhulp", "Zorgboerderij", "Kleinschalig Wonen");

        static final List<String> LOCAL_PROVIDER_PREFIXES = List.of("Praktijk voor Jeugd", "Kinderpraktijk",
                "Gezinshuis", "Jeugdzorgpraktijk", "Opvoedpraktijk", "Zorgboerderij");

        static final List<String> SCHOOL_PREFIXES = List.of("Basisschool", "Kindcentrum", "Openbare Basisschool",
                "School voor Speciaal Onderwijs", "Praktijkonderwijs");

        static final List<String> LOCAL_OTHER_PREFIXES = List.of("Jongerenwerk ", "Welzijn ", "Schuldhulpverlening ",
                "Vrijwilligerscentrale ", "Sportservice ");

        static final List<String> VERZEKERAARS = List.of("Zorgverzekeraar Noorderzorg", "Zorgverzekeraar Oost",
                "Zorgverzekeraar Midden", "Zorgverzekeraar Randstad", "Zorgverzekeraar Delta", "Zorgverzekeraar Zuid");

        /** Words and phrases used everywhere: people, terms with their spelling variants, times. */
        static final String LEXICON = """
                @jeugdige
                de jeugdige
                de jeugdige
                de jongere
                het kind
                het kind of de jongere
                de cliënt

                @jeugdigen
                jeugdigen
                jongeren
                kinderen en jongeren
                gezinnen
                jeugdigen en hun ouders
                cliënten
                kinderen

                @ouders
                de ouders
                de ouders
                ouders of verzorgers
                de ouders of de voogd
                het gezin
                de gezaghebbende ouders
                ouders en jeugdige

                @aanbieder
                de aanbieder
                de aanbieder
                de jeugdhulpaanbieder
                de zorgaanbieder
                de behandelende instelling
                de specialistische aanbieder
                de gecontracteerde aanbieder
                de jeugdhulpinstelling
                {AANB}
                {AANB}
                {AANB}

                @aanbieders
                de aanbieders
                de jeugdhulpaanbieders
                de gecontracteerde aanbieders
                de zorgaanbieders
                de specialistische aanbieders
                alle gecontracteerde partijen
                de aanbieders van {spec}

                @spec
                specialistische jeugdhulp
                specialistische jeugdhulp
                gespecialiseerde jeugdhulp
                specialistische {jggz}
                hoogspecialistische jeugdzorg
                niet vrij toegankelijke jeugdhulp
                zwaardere zorg
                tweedelijns jeugdhulp
                intensieve ambulante behandeling
                jeugdhulp met verblijf
                residentiële jeugdhulp
                dagbehandeling
                een behandeling in de {jggz}
                {jo}

                @licht
                lichte ondersteuning
                vrij toegankelijke jeugdhulp
                de sociale basis
                het voorliggend veld
                basiszorg
                ondersteuning door {TEAM}
                lichte hulp in de wijk
                het jongerenwerk of een sportvereniging
                informele steun uit het eigen netwerk
                een steunfiguur of JIM (Jouw Ingebrachte Mentor)
                opvoedondersteuning
                een cursus of groepstraining

                @jggz
                jeugd-ggz
                jeugd-ggz
                jeugd-ggz
                jeugd-GGZ
                jeugd GGZ
                Jeugd GGZ
                JGGZ
                J-GGZ

                @basisggz
                basis-GGZ
                basis ggz
                de generalistische basis-ggz

                @poh
                POH-jeugd
                POH-jeugd
                POH-jeugd
                POH Jeugd
                POH-Jeugd GGZ
                POH JGGZ
                POH GGz jeugd
                praktijkondersteuner jeugd
                praktijkondersteuner jeugd-ggz (POH-jeugd)
                praktijkondersteuner huisarts (POH) jeugd
                ondersteuner jeugd en gezin (OJG)
                OJG

                @gi
                de GI
                de GI
                de gecertificeerde instelling
                de gecertificeerde instelling (GI)
                de jeugdbeschermer
                de jeugdbeschermingsorganisatie
                {GI}
                {GI}

                @gis
                de GI’s
                de GI's
                de gecertificeerde instellingen
                de jeugdbeschermingsorganisaties

                @lvb
                een LVB
                een LVB
                een licht verstandelijke beperking
                een licht verstandelijke beperking (LVB)
                een (L)VB

                @eed
                EED
                EED
                ernstige enkelvoudige dyslexie
                ernstige enkelvoudige dyslexie (EED)

                @jo
                jeugd- en opvoedhulp
                jeugd- en opvoedhulp
                J&O
                jeugd- en opvoedhulp (J&O)
                opvoed- en opgroeiondersteuning

                @jzplus
                JeugdzorgPlus
                Jeugdzorg Plus
                Jeugdzorgplus
                gesloten jeugdhulp
                jeugdhulp Plus

                @regios
                regio’s
                regio's
                jeugdregio’s
                jeugdhulpregio's

                @opaf
                op- en afschalen
                op- en afschalen
                op- en afschaling
                opschalen en afschalen

                @stroom
                in-, door- en uitstroom
                instroom, doorstroom en uitstroom
                door- en uitstroom

                @overleg
                het casusoverleg
                de casuïstiekbespreking
                het netwerkoverleg
                de weegtafel
                het multidisciplinair overleg (MDO)
                het driegesprek
                het rondetafelgesprek
                het zorgoverleg
                de netwerktafel
                het afstemmingsoverleg
                het overdrachtsgesprek
                het familienetwerkberaad
                de beschermingstafel
                het overleg van het regionaal expertteam (RET)

                @doc
                het overdrachtsdocument
                het gezinsplan
                het perspectiefplan
                het hulpverleningsplan
                het behandelplan
                de afsluitbrief
                het ondersteuningsplan
                het veiligheidsplan
                het plan van aanpak
                de verwijsbrief
                het groeidocument
                het ontwikkelingsperspectiefplan (OPP)
                het signaleringsplan
                het 17+-plan
                het toekomstplan
                het overdrachtsformulier van de koppelzone

                @medewerker
                de jeugdconsulent
                de jeugdprofessional
                de gezinscoach
                de jeugd- en gezinscoach
                de casusregisseur
                de gedragswetenschapper
                de zorgcoördinator
                de behandelaar
                de regiebehandelaar
                de orthopedagoog
                de jeugdpsycholoog
                de kinder- en jeugdpsychiater
                de ambulant hulpverlener
                de zorgbemiddelaar
                de vaste contactpersoon
                de teamleider
                de praktijkexpert
                de casemanager
                de trajectbegeleider
                de jeugdarts
                de {TEAMLID}
                de {TEAMLID}

                @functie
                teamleider
                praktijkexpert
                zorgcoördinator
                gedragswetenschapper
                beleidsadviseur jeugd
                contractmanager
                jeugdconsulent
                manager jeugd
                huisarts
                praktijkondersteuner
                intern begeleider
                coördinator passend onderwijs
                jeugdbeschermer
                regioprojectleider jeugd
                kwaliteitsmedewerker
                coördinator CJG
                zorgbemiddelaar
                regiebehandelaar
                teamcoördinator
                procesregisseur

                @bereik
                {straat} {huisnummer}, [maandag|dinsdag|woensdag|donderdag|vrijdag]ochtend
                inloopspreekuur {straat} {huisnummer}
                ma t/m vr 9.00–17.00 uur
                via het algemene nummer
                via Zorgmail
                dinsdag en donderdag
                via het secretariaat van de koppelzone
                tijdens kantooruren
                24/7 via de crisisdienst
                via Veilig Mailen
                maandag t/m donderdag
                via de teamleider

                @kanaal
                per telefoon
                via Zorgmail
                via Veilig Mailen
                via het beveiligde portaal
                in een kort overleg
                via het vaste aanmeldadres

                @huisnummer
                1
                3
                12
                14
                27
                45
                101
                2a

                @werkdagen
                2
                3
                5
                5
                10

                @weken
                2
                3
                4
                6
                8

                @frequentie
                elke week
                elke twee weken
                elke zes weken
                maandelijks
                eens per kwartaal
                twee keer per jaar

                @kwartaal
                het eerste kwartaal
                het tweede kwartaal
                het derde kwartaal
                het vierde kwartaal
                Q1
                Q3

                @signaal
                zorgen over de veiligheid
                een terugval
                een vastgelopen traject
                schooluitval
                signalen van huiselijk geweld
                een escalerende scheiding
                overbelasting van ouders
                middelengebruik
                schulden in het gezin
                een dreigende uithuisplaatsing
                thuiszitten
                suïcidale uitingen

                @probleem
                enkelvoudige problematiek
                meervoudige problematiek
                complexe scheidingsproblematiek
                hechtingsproblematiek
                gedragsproblemen
                angst- en stemmingsklachten
                autisme
                ADHD
                een eetstoornis
                trauma
                opvoedproblemen
                multiprobleemsituaties
                verslavingsproblematiek
                problemen die samenhangen met {lvb}

                @leeftijd
                0 tot 4 jaar
                4 tot 12 jaar
                12 tot 18 jaar
                16 tot 23 jaar
                17,5 jaar en ouder
                18 tot 23 jaar

                @kindleeftijd
                6
                8
                9
                11
                12
                13
                14
                15
                16
                17

                @bekostiging
                resultaatbekostiging
                trajectfinanciering
                P*Q-financiering
                lumpsumfinanciering
                populatiebekostiging
                een vast tarief per traject
                beschikbaarheidsfinanciering
                een uurtarief
                taakgerichte bekostiging
                arrangementsfinanciering
                integrale resultaatstarieven

                @klacht
                slaapproblemen
                piekeren
                faalangst
                paniekaanvallen
                somberheid
                woede-uitbarstingen
                zelfbeschadiging
                eetbuien
                schoolangst
                sociale angst
                dwanggedachten
                nachtmerries
                concentratieproblemen
                hyperventilatie
                bedplassen
                stotteren
                pestgedrag
                cyberpesten
                sexting
                blowen
                overmatig alcoholgebruik
                lachgasgebruik
                gameverslaving
                weglopen
                spijbelen
                agressie tegen ouders
                teruggetrokken gedrag
                buikpijn zonder lichamelijke oorzaak
                hoofdpijnklachten
                rouw na het overlijden van een ouder
                een laag zelfbeeld
                sombere buien
                vermoeidheidsklachten
                tics
                driftbuien
                grensoverschrijdend gedrag
                eenzaamheid
                identiteitsvragen
                onrust in de klas

                @diagnose
                een autismespectrumstoornis
                ADHD
                een oppositioneel-opstandige gedragsstoornis
                PTSS
                een hechtingsstoornis
                een depressie
                een gegeneraliseerde angststoornis
                een obsessief-compulsieve stoornis
                anorexia nervosa
                boulimia nervosa
                een gedragsstoornis
                het syndroom van Gilles de la Tourette
                dyscalculie
                een coördinatieontwikkelingsstoornis (DCD)
                een taalontwikkelingsstoornis (TOS)
                FASD
                een licht verstandelijke beperking in combinatie met trauma
                een beginnende persoonlijkheidsstoornis
                een hechtingsprobleem na meerdere uithuisplaatsingen
                een ontwikkelingsachterstand

                @methode
                Triple P
                Signs of Safety
                Multisysteemtherapie (MST)
                Functional Family Therapy (FFT)
                video-interactiebegeleiding (VIB)
                een Eigen Kracht-conferentie
                oplossingsgericht werken
                motiverende gespreksvoering
                EMDR
                cognitieve gedragstherapie
                Agressie Regulatie Training
                Kanjertraining
                Rots en Water
                Stevig Ouderschap
                VoorZorg
                Ouderschap Blijft
                KIES (Kinderen In Een Scheiding)
                Gezin Centraal
                intensieve ambulante gezinsbehandeling
                Parent Management Training Oregon (PMTO)
                speltherapie
                systeemtherapie
                psycho-educatie voor ouders
                een sociale vaardigheidstraining
                traumabehandeling met imaginaire exposure
                schematherapie voor jongeren
                vaktherapie (beeldend of muziek)
                mediatieve therapie
                Samen Starten
                het Generiek Kader Passende Zorg
                netwerkberaad
                Houvast
                De Nieuwe Autoriteit (geweldloos verzet)

                @activiteit
                voetbal
                hockey
                judo
                turnen
                zwemles
                drumles
                scouting
                de toneelclub
                de schaakclub
                kickboksen
                de dansschool
                de muziekvereniging
                korfbal
                handbal
                atletiek
                paardrijden
                boksen
                breakdance
                gitaarles
                de kinderboerderij
                de jongerensoos
                het huiswerkcafé
                basketbal
                skaten
                de naschoolse kookclub
                tennis
                volleybal
                zeilen
                het jongerentheater
                de bibliotheek

                @opleiding
                kok
                timmerman
                verzorgende IG
                ict-beheerder
                kapper
                monteur
                pedagogisch medewerker
                schilder
                logistiek medewerker
                beveiliger
                dierverzorger
                hovenier
                installateur
                medewerker retail
                doktersassistent
                sociaal werker
                bakker
                elektricien

                @plek
                in het buurthuis
                in de bibliotheek
                op het consultatiebureau
                in het gemeentehuis
                in het gezondheidscentrum
                op school
                thuis aan de keukentafel
                in het sociaal wijkcentrum
                op de locatie van de aanbieder
                in de huisartsenpraktijk
                via beeldbellen
                in het jongerencentrum
                op de kinderboerderij
                tijdens een wandeling

                @straat
                Kerkstraat
                Dorpsstraat
                Molenweg
                Stationsplein
                Schoolstraat
                Julianalaan
                Wilhelminastraat
                Beatrixlaan
                Oranjestraat
                Nieuwstraat
                Marktplein
                Brinkweg
                Hoofdstraat
                Prins Bernhardlaan
                Havenkade
                Eikenlaan
                Beukenlaan
                Lindelaan
                Vondellaan
                Rembrandtlaan
                Vermeerstraat
                Burgemeester de Withstraat
                Parkweg
                Sportlaan
                Zuidsingel
                Noordersingel
                Ringweg
                Spoorlaan
                Industrieweg
                Kastanjelaan
                Raadhuisplein
                Stadhuisplein
                Gasthuisstraat
                Kloosterstraat
                Bleekveld
                Weverstraat
                Slotlaan
                Torenstraat
                Poststraat
                Veldweg

                @voornaam
                Marieke
                Ruud
                Nadia
                Thijs
                Bram
                Marloes
                Eva
                Peter
                Fatima
                Mohamed
                Sanne
                Joost
                Lotte
                Jeroen
                Anouk
                Kees
                Ingrid
                Hatice
                Samira
                Youssef
                Linda
                Martijn
                Esther
                Wouter
                Priya
                Dewi
                Sietske
                Hidde
                Gerrit
                Annemiek
                Stijn
                Femke
                Rik
                Noor
                Jasper
                Mirjam
                Ilse
                Koen
                Yvonne
                Marco
                Chantal
                Bas
                Ellen
                Sjoerd
                Aylin
                Emre
                Roos
                Daan
                Fenna
                Tjitske
                Wietske
                Harm
                Jolanda
                Henk
                Mieke
                Frank
                Karin
                Niels
                Loes
                Brenda
                Rachid
                Soufiane
                Naima
                Kim
                Romy
                Maaike
                Geert
                Arjen
                Irene
                Carla
                Zeynep
                Ludmila
                Chidi
                Rosa
                Annelies
                Bouke
                Christiaan
                Dirk-Jan
                Elske
                Floor
                Gijs
                Hanneke
                Ivo
                Jannie
                Kirsten
                Laurens
                Merel
                Nienke
                Olaf
                Petra
                Quinten
                Rutger
                Saskia
                Tamara
                Ufuk
                Vera
                Willemijn
                Xander
                Yasmina
                Zoran
                Aïcha
                Bilal
                Céline
                Derya
                Ewout
                Gerda
                Hamza
                Inge
                Jorien
                Khadija
                Leontien
                Mustafa
                Nathalie
                Onno
                Pim
                Renée
                Siham
                Teun
                Ilona
                Wendela

                @achternaam
                de Vries
                Jansen
                de Jong
                van den Berg
                Bakker
                van Dijk
                Visser
                Smit
                Meijer
                de Boer
                Mulder
                de Groot
                Bos
                Vos
                Peters
                Hendriks
                van Leeuwen
                Dekker
                Brouwer
                de Wit
                Dijkstra
                Smits
                de Graaf
                van der Meer
                van der Linden
                Kok
                Jacobs
                de Haan
                Vermeulen
                van den Heuvel
                van der Veen
                van den Broek
                de Bruijn
                van der Heijden
                Schouten
                van Beek
                Willems
                van Vliet
                van de Ven
                Hoekstra
                Maas
                Verhoeven
                Koster
                van Dam
                van der Wal
                Prins
                Blom
                Huisman
                Peeters
                El Amrani
                Yılmaz
                Öztürk
                Bennani
                Kaya
                Schellekens
                van Rooij
                Janssen
                Kuipers
                Wijnands
                Postma
                Veenstra
                Boersma
                Nijland
                Scholten
                Hofman
                Timmermans
                Claassen
                Wolters
                Çelik
                Haddou
                Ramdin
                Sardjoe
                Pranoto
                Oosterhuis
                ter Horst
                van 't Hof
                Akkerman
                Bruggink
                Coenen
                Doornbos
                Eijkelenboom
                Feenstra
                Gerritsen
                Hazelhoff
                IJzerman
                Jonkers
                Kloosterman
                Lammers
                Meulenbelt
                Nauta
                Overbeek
                Pauwels
                Quint
                Roelofs
                Stoffels
                Teunissen
                Uijterwijk
                Vlaskamp
                Westerhof
                Zwart
                Achterberg
                Bulut
                Chaoui
                Demir
                Essers
                Fransen
                Groenewegen
                Hoogendoorn
                Kramer
                van Loon
                Mertens
                Nijhuis
                Oudshoorn
                Rietveld
                van Schaik
                Tuinstra
                Verbeek
                Wouters
                Zijlstra
                el Idrissi
                Mahabier

                @persoon
                {voornaam} {achternaam}

                @kindnaam
                Daan
                Sem
                Lucas
                Noah
                Milan
                Liam
                Levi
                Finn
                Luuk
                Mees
                Emma
                Julia
                Mila
                Tess
                Sophie
                Zoë
                Sara
                Nora
                Yara
                Lina
                Amira
                Ayoub
                Rayan
                Ilias
                Selin
                Elif
                Jesse
                Ruben
                Fleur
                Isa
                Noa
                Jayden
                Kiki
                Dani
                Robin
                Bo
                Fenne
                Guus
                Hugo
                Jens
                Kyan
                Lieke
                Maud
                Nina
                Olivier
                Pien
                Quinty
                Rosalie
                Stan
                Teun
                Vince
                Wessel
                Yusuf
                Zara
                Mohammed
                Sanne
                Owen
                """;

        /** Koppelzone descriptions, titles, notes and the generic sentences of every section. */
        static final String SECTIONS = """
                @kz.lokaal
                In {KZ} stemmen praktijkexperts van {TEAM}, de gecontracteerde jeugdhulpaanbieders, de huisartsen en het onderwijs de overdrachtsmomenten in de jeugdhulp op elkaar af. {kz.rest}
                {KZ} is de plek waar de partijen in de jeugdhulpketen van {M} de vraag stellen: hoe gaan we met elkaar om? {kz.rest}
                In deze koppelzone maken {TEAM}, de aanbieders en de verwijzers in {M} praktische werkafspraken over de overgangen tussen hun hulpprocessen. {kz.rest}

                @kz.regionaal
                Regionale koppelzone voor de jeugdhulpregio {REGIO}, georganiseerd vanuit de gemeente {M}. {kz.rest}
                In deze regionale koppelzone stemmen de gemeenten in {REGIO} met de bovenregionale en regionale aanbieders de {stroom} af. {kz.rest}

                @kz.rest
                {LT} zit voor en voert het secretariaat. De koppelzone komt {frequentie} bijeen; managers van de deelnemende organisaties borgen de afspraken in hun eigen organisatie.
                {LT} zit voor en belegt de afspraken in de wiki. Vaste onderwerpen zijn {kz.onderwerp}, {kz.onderwerp} en {kz.onderwerp}.
                De koppelzone komt {frequentie} bijeen. Nieuwe toetreders sluiten aan bij de eerstvolgende bijeenkomst en maken kennis met de bestaande afspraken.
                De afspraken worden belegd in de wiki, zodat ook andere gemeenten in {REGIO} ervan kunnen leren. {LT} voert het secretariaat.

                @kz.onderwerp
                de medische verwijsroute
                afschaling en nazorg
                thuiszitters
                de overgang 18-/18+
                wachttijden
                de crisisroute
                de samenwerking met Veilig Thuis
                consultatie en advies
                de administratieve lasten
                informatie-uitwisseling
                het onderwijs-zorgcontinuüm
                pleegzorg en gezinshuizen

                @title.suffix
                voor jongeren met {lvb}
                voor jeugdigen van {leeftijd}
                in {WIJK}
                in de wijk {WIJK}
                (pilot {JAAR})
                : werkafspraken {JAAR}
                in de regio {REGIO}
                in {M}
                bij {probleem}
                (herziene versie)
                : afspraken tussen {TEAM} en {aanbieders}
                voor gezinnen met {probleem}
                na evaluatie {JAAR}

                @summary.eerste
                Eerste versie
                Eerste versie
                Vastgesteld in de koppelzone van {DATUM}
                Eerste versie na bespreking met de praktijkexperts
                Overgenomen uit een andere gemeente en aangepast aan {M}
                Opgesteld na de casusbespreking van {DATUM}

                @summary.wijziging
                Paragraaf 'PARAGRAAF' toegevoegd na evaluatie
                PARAGRAAF toegevoegd op verzoek van de koppelzone
                Termijnen aangescherpt; paragraaf 'PARAGRAAF' toegevoegd
                Aangevuld met 'PARAGRAAF' na de evaluatie van {JAAR}

                @note.vervallen
                Deze afspraak is vervangen door een regionale afspraak over hetzelfde overdrachtsmoment. De tekst blijft bewaard omdat andere gemeenten ernaar vroegen.
                De werkwijze is opgenomen in de nieuwe inkoopcontracten; een aparte afspraak is daarom niet meer nodig.
                De pilot is beëindigd. De lessen zijn verwerkt in de evaluatie hieronder.
                De afspraak is vervallen na de overgang naar een nieuwe aanbieder; de koppelzone werkt aan een opvolger.
                De bekostiging is gewijzigd, waardoor deze afspraak niet meer past. De tekst hieronder is bewaard als naslag.

                @note.concept
                Besproken in de koppelzone van {DATUM}; de praktijkexperts werken de laatste punten uit.
                Deze tekst is nog in bespreking. Reacties graag via het secretariaat van de koppelzone ({LT}).
                Eerste opzet op basis van de casusbespreking van {DATUM}.
                Nog niet vastgesteld: de termijnen worden in de volgende koppelzone besproken.

                @note.ter
                Voorgelegd aan de managers van {PARTIJEN} ter bekrachtiging.
                De praktijkexperts hebben deze afspraak vastgesteld; de bestuurlijke bekrachtiging volgt in het regionaal overleg van {REGIO}.
                Ter bekrachtiging aangeboden op {DATUM}; de afspraak geldt zodra alle partijen hebben ingestemd.

                @intro.generic
                Deze afspraak is gemaakt in {KZ} en geldt voor alle partijen die eraan hebben meegewerkt.
                De afspraak is opgesteld door praktijkexperts van {PARTIJEN} en besproken met de managers van de deelnemende organisaties.
                Het uitgangspunt is de vraag die we in de koppelzone steeds stellen: hoe gaan we in deze keten met elkaar om?
                Waar deze afspraak niets regelt, gelden de regionale samenwerkingsafspraken van {REGIO}.
                De afspraak is gebaseerd op een werkwijze uit een andere gemeente en aangepast aan de situatie in {M}.
                We schrijven de afspraak zo concreet mogelijk op, zodat ook nieuwe toetreders in de koppelzone weten wat er van hen wordt verwacht.
                Centraal staat wat de jeugdige en {ouders} van de overdracht merken: één verhaal, één plan en geen wachttijd tussen twee hulpverleners.
                De werkafspraak gaat uit van de praktijk van de hulpverlening: wat werkt, moet ook blijven werken als er mensen wisselen.
                Deze werkafspraak vult de samenwerkingsafspraken uit het inkoopcontract aan met praktische afspraken voor de uitvoering.
                De afspraak geldt voor {jeugdigen} van {leeftijd} in {M}[ en de regiogemeenten|].

                @lek.generic
                Kinderen met {klacht} werden pas gezien als de problemen waren opgelopen tot {diagnose}.
                Jeugdigen raakten na de verwijzing uit beeld bij {TEAM}, omdat niemand zich verantwoordelijk voelde voor de regie.
                Informatie moest meerdere keren worden opgevraagd, waardoor {ouders} hun verhaal steeds opnieuw moesten vertellen.
                Het kostte {medewerker} gemiddeld [drie|vier|vijf|zes] telefoontjes om de juiste contactpersoon bij {aanbieder} te vinden.
                Afspraken stonden alleen in de hoofden van een paar praktijkexperts; bij personeelswisselingen ging kennis verloren.
                Elke organisatie werkte met een eigen formulier, zodat dezelfde gegevens [twee|drie] keer werden vastgelegd.
                Verwijzers kozen 'voor de zekerheid' voor {spec}, ook als {licht} had volstaan.
                Doorlooptijden liepen op tot [acht|tien|twaalf|zestien] weken zonder dat iemand het overzicht had.
                Er was geen vast moment om knelpunten in de samenwerking te bespreken, waardoor dezelfde fouten terugkwamen.
                Professionals besteedden veel tijd aan afstemming in plaats van aan hulp; de coördinatiekosten waren hoog.
                Nieuwe toetreders in de koppelzone wisten niet welke afspraken er al golden.
                De verwachtingen van {TEAMS} waren voor de tweedelijns instellingen onduidelijk, en andersom.
                Het casusoverleg ging over alles behalve de jeugdige zelf.

                @lek.gevolg
                Het gevolg was dat {jeugdigen} langer wachtten dan nodig en dat professionals veel tijd kwijt waren aan afstemming.
                Zo ontstond een waardelek: tijd en geld die niet bij {jeugdigen} terechtkwamen.
                Daardoor raakten sommige jongeren tussen wal en schip.
                De koppelzone heeft dit waardelek in [het voorjaar|het najaar|de zomer|de eerste helft] van {JAAR} in beeld gebracht aan de hand van [drie|vier|zes] casussen.
                Praktijkexperts schatten dat per casus [twee|drie|vier|zes] uur aan afstemming verloren ging.
                Ouders gaven aan dat ze zich van het kastje naar de muur gestuurd voelden.

                @afspraak.generic
                Aanbieders werken waar mogelijk met erkende interventies uit de databank van het NJi, zoals {methode} of {methode}.
                Elke organisatie wijst een vaste contactpersoon aan voor deze afspraak en geeft wijzigingen door aan het secretariaat van de koppelzone.
                Informatie wordt alleen gedeeld met toestemming van {ouders} en, vanaf 16 jaar, van de jongere zelf.
                Knelpunten in de uitvoering worden besproken in de eerstvolgende koppelzone; bij spoed neemt {LT} contact op met de betrokken teamleiders.
                Nieuwe medewerkers maken in hun inwerkperiode kennis met deze afspraak.
                {aanbieder} informeert {TEAM} [binnen {werkdagen} werkdagen|dezelfde werkdag|uiterlijk de volgende werkdag] over wijzigingen in het traject.
                Afwijken van de afspraak kan alleen in overleg en wordt vastgelegd in het dossier, met de reden.
                Nieuwe toetreders in de koppelzone committeren zich bij hun start aan deze afspraak.
                Is er bij {aanbieder} een wachttijd, dan schakelt de verwijzer de wachtlijstbemiddeling van de regio in.
                De samenwerkingsafspraken uit het inkoopcontract blijven van kracht; deze werkafspraak beschrijft de uitvoering.

                @stap.generic
                {kzin}
                {kzin}
                Het secretariaat van de koppelzone houdt bij hoe vaak de afspraak is toegepast.
                Bij twijfel neemt de professional contact op met de vaste contactpersoon van de andere organisatie.
                De betrokken professionals leggen de gemaakte afspraken vast in {doc}.
                Knelpunten worden gemeld bij {LT}, dat ze agendeert voor de koppelzone.

                @wie.lokaal_team
                zit de koppelzone voor, bewaakt de afspraak en zorgt dat wijzigingen in de wiki worden belegd.
                houdt de regie op het gezinsplan en is het vaste aanspreekpunt voor {ouders}.
                geeft de beschikking af en bewaakt dat de hulp op tijd start.
                neemt de casus over na afschaling en plant het overdrachtsgesprek.
                voert de triage uit en bepaalt samen met het gezin welke hulp nodig is.
                reserveert capaciteit voor gezinnen die terugkomen uit {spec}.
                verbindt het gezin met de sociale basis en blijft na de hulp bereikbaar.

                @wie.aanbieder
                levert de hulp, meldt wijzigingen in het traject tijdig en levert het overdrachtsdocument aan.
                wijst een vaste contactpersoon aan voor {TEAM} en voor de huisartsen.
                biedt consultatie en advies zonder aparte beschikking.
                meldt een voorgenomen afsluiting uiterlijk {weken} weken van tevoren.
                houdt de wachttijd bij en meldt die [maandelijks|elk kwartaal] aan de gemeente.
                blijft na afsluiting [drie|zes] maanden bereikbaar voor vragen van {TEAM}.
                zorgt dat behandelaars de afspraak kennen en toepassen.

                @wie.gecertificeerde_instelling
                voert de maatregel uit en bepaalt samen met {TEAM} het moment van afschaling.
                geeft consultatie bij zorgen over de veiligheid en biedt deskundigheidsbevordering aan {TEAMS}.
                neemt deel aan de beschermingstafel en koppelt terug wat er met een verzoek tot onderzoek is gebeurd.
                voert drangtrajecten uit in nauwe samenwerking met de {TEAMLID}.

                @wie.huisarts
                verwijst volgens de afgesproken route en vraagt toestemming aan {ouders} om informatie te delen.
                neemt deel aan de casuïstiekbespreking met {TEAM} en de {poh}.
                ontvangt een terugkoppeling na de intake en na afsluiting van de hulp.
                stelt ruimte in de praktijk beschikbaar voor de {poh} of voor het spreekuur van {TEAM}.

                @wie.onderwijs
                signaleert vroeg, betrekt de intern begeleider of zorgcoördinator en meldt thuiszitters bij leerplicht.
                stemt de onderwijsondersteuning af op de jeugdhulp, zodat er geen stapeling van ondersteuning ontstaat.
                stelt het ontwikkelingsperspectiefplan (OPP) op en legt de verbinding met het gezinsplan.
                neemt kleinschalig aanbod op in het ondersteuningsplan van het samenwerkingsverband.

                @wie.veilig_thuis
                beoordeelt meldingen, koppelt binnen {werkdagen} werkdagen terug aan {TEAM} en draagt warm over wanneer vrijwillige hulp passend is.
                adviseert professionals bij twijfel over het afwegingskader van de meldcode.
                monitort de veiligheid na de overdracht naar het lokale veld.

                @wie.gemeente
                is opdrachtgever, borgt de afspraak in de inkoopcontracten en levert [elk kwartaal|elk half jaar] stuurinformatie.
                bewaakt de bekostiging en past het productenboek aan als dat nodig is.
                geeft de beschikkingen af en zorgt voor tijdige toewijzingen in het berichtenverkeer.
                zorgt voor de verbinding met de Wmo, schuldhulp, inkomen en wonen.

                @wie.zorgverzekeraar
                financiert het deel dat onder de Zvw valt en denkt mee over de overgang naar 18+.
                maakt met de gemeente afspraken over de bekostiging van de {poh}.
                sluit aan bij de evaluatie en deelt cijfers over verwijzingen naar de {jggz}.

                @wie.overig
                draagt bij vanuit de sociale basis en is aanspreekpunt voor informele steun.
                sluit aan bij het casusoverleg wanneer dat nodig is.
                brengt de eigen expertise in en verwijst terug naar {TEAM} als er meer nodig is.

                @wie.gezin
                zijn eigenaar van hun plan, geven toestemming voor het delen van informatie en kunnen altijd de vaste contactpersoon bellen.
                worden bij elk overdrachtsgesprek betrokken en kiezen mee wie er aan tafel zit.
                mogen een vertrouwenspersoon of ervaringsdeskundige meenemen naar gesprekken.

                @termijn
                Bevestiging van een verwijzing = binnen {werkdagen} werkdagen
                Eerste contact met het gezin = binnen {werkdagen} werkdagen
                Melding van een voorgenomen afschaling = uiterlijk {weken} weken vooraf
                Overdrachtsgesprek = vóór het laatste behandelcontact
                Aanlevering van het overdrachtsdocument = uiterlijk bij het overdrachtsgesprek
                Terugkoppeling aan de verwijzer = binnen {werkdagen} werkdagen na de intake
                Besluit over de beschikking = binnen {werkdagen} werkdagen
                Start van de hulp na de beschikking = binnen {weken} weken
                Terugkoppeling na een melding = binnen {werkdagen} werkdagen
                Advies na consultatie = binnen {werkdagen} werkdagen
                Reactie op een verzoek om consultatie = binnen 48 uur
                Bespreking van een knelpunt in de koppelzone = in de eerstvolgende bijeenkomst
                Evaluatie met ouders en jeugdige = na {weken} weken en na drie maanden
                Matchingsvoorstel = binnen {werkdagen} werkdagen
                Plaatsing na matching = binnen {weken} weken
                Inbreng bij de weegtafel = vóór afgifte van de beschikking
                Toewijzing in het berichtenverkeer = binnen {werkdagen} werkdagen na het besluit
                Aanmelding bij de volwassenenzorg = uiterlijk zes maanden voor de 18e verjaardag
                Contact tijdens de wachttijd = elke vier weken
                Beoordeling door de crisisdienst = binnen 30 minuten
                Vervolgoverleg na een crisisplaatsing = binnen 72 uur
                Informeren van het lokale team na een crisis = uiterlijk de volgende werkdag
                Melding van een thuiszitter = binnen {werkdagen} werkdagen
                Verzoek tot verlenging = uiterlijk {weken} weken voor de einddatum
                Nazorgcontact = na zes weken en na drie maanden

                @termijn.wie
                {PARTIJ}
                {PARTIJ}
                {medewerker}
                {aanbieder}
                {TEAM}

                @termijn.toelichting
                De termijnen staan ook in de {kcomp.de} en in het {kcomp.het}.
                Wordt een termijn niet gehaald, dan meldt de betrokken organisatie dat bij {LT} met de reden.
                De termijnen gaan in op de dag nadat de volledige informatie binnen is.
                In de schoolvakanties gelden dezelfde termijnen; organisaties regelen zelf een vervanger.
                De termijnen zijn maximumtermijnen: sneller mag altijd.
                """;

        /** More generic sentences: privacy, exceptions, evaluation, background, questions, cases. */
        static final String SECTIONS_2 = """
                @privacy
                Informatie wordt alleen gedeeld met toestemming van {ouders}; jongeren vanaf 16 jaar geven zelf toestemming.
                We delen niet meer dan nodig is voor de overdracht, volgens het principe van dataminimalisatie uit de AVG.
                Zonder toestemming kan alleen informatie worden gedeeld als de meldcode huiselijk geweld en kindermishandeling of een wettelijke taak dat toelaat.
                Gegevens worden uitgewisseld via Zorgmail of Veilig Mailen, nooit via gewone e-mail of WhatsApp.
                Elke organisatie legt in het eigen dossier vast welke informatie met wie is gedeeld en op welke grond.
                Het beroepsgeheim van de huisarts en de behandelaar blijft onverkort van kracht; zij bepalen zelf wat ze delen.
                Voor casusbesprekingen in de koppelzone worden casussen geanonimiseerd ingebracht.
                De toestemming wordt vastgelegd op het toestemmingsformulier van de koppelzone en is [zes maanden|een jaar|tot het einde van het traject] geldig.
                Bij jongeren van 12 tot 16 jaar vragen we toestemming aan de jongere én aan de gezaghebbende ouders.

                @uitzondering
                Bij acute onveiligheid gaat de veiligheid van het kind vóór deze afspraak; dan geldt de crisisroute.
                Geven {ouders} geen toestemming voor de overdracht, dan wordt alleen gemeld dat er een afsluiting is, zonder inhoud.
                Voor jeugdigen met een kinderbeschermingsmaatregel maakt {gi} de afspraken, in overleg met {TEAM}.
                Voor jongeren van 17,5 jaar en ouder geldt aanvullend de afspraak over het perspectiefplan 17+.
                Als de hulp door de kinderrechter is opgelegd, wordt de casus achteraf besproken.
                Bij jeugdigen uit een andere gemeente (woonplaatsbeginsel) stemt {TEAM} eerst af met de gemeente van herkomst.
                Bij een PGB gelden dezelfde termijnen, maar regelt de budgethouder zelf de overdracht met de zorgverlener.
                Wanneer hulp vanuit de Wlz of de Zvw passender is, verwijst {TEAM} door en blijft betrokken tot de overdracht rond is.
                Bij niet-gecontracteerde aanbieders geldt deze afspraak niet; {TEAM} maakt dan per casus afspraken.

                @verbinding.intro
                Wat levert deze afspraak de partijen op? Elke partij moet de afspraak als een plus ervaren, anders houdt ze geen stand.
                Van waardelek naar waardevolle verbinding:
                De afspraak werkt alleen als iedereen er iets aan heeft.

                @verbinding.jeugd
                Voor {jeugdigen} en {ouders}: één verhaal, geen wachttijd tussen twee hulpverleners en een vast aanspreekpunt.
                Voor het gezin: minder gesprekken, minder formulieren en weten wie je kunt bellen.
                Voor de jongere: hulp die doorloopt, ook als de hulpverlener wisselt.

                @verbinding.lokaal_team
                Voor {TEAM}: eerder in beeld, zodat het gezin na de hulp niet uit beeld raakt.
                Voor {TEAM}: minder tijd kwijt aan rondbellen en uitzoeken.

                @verbinding.aanbieder
                Voor {aanbieders}: een ontvangende partij, zodat afschaling niet hoeft te worden uitgesteld.
                Voor {aanbieders}: completere verwijzingen en minder dubbele intakes.

                @verbinding.gemeente
                Voor de gemeente: lagere coördinatiekosten en beter zicht op wat de hulp oplevert.
                Voor de gemeente: minder onnodige verwijzingen naar {spec}.

                @verbinding.huisarts
                Voor de huisarts: een kortere lijn naar {TEAM} en terugkoppeling over wat er met de verwijzing is gebeurd.

                @verbinding.gecertificeerde_instelling
                Voor {gi}: een tijdige afschaling naar vrijwillige hulp en een betrokken {TEAMLID}.

                @verbinding.onderwijs
                Voor de school: jeugdhulp die aansluit bij de onderwijsondersteuning en minder thuiszitters.

                @verbinding.veilig_thuis
                Voor Veilig Thuis: een warme overdracht naar het lokale veld en terugkoppeling over de afloop.

                @verbinding.zorgverzekeraar
                Voor de zorgverzekeraar: minder onnodige verwijzingen naar de tweede lijn en een soepele overgang bij 18 jaar.

                @verbinding.overig
                Voor de sociale basis: een duidelijke plek in de keten en een vast aanspreekpunt bij {TEAM}.

                @borging
                De managers van {PARTIJEN} hebben deze afspraak op {DATUM} bekrachtigd en borgen haar in hun eigen organisatie.
                Elke deelnemende organisatie neemt de afspraak op in het inwerkprogramma voor nieuwe medewerkers.
                De gemeente neemt de afspraak op in de inkoopcontracten vanaf {VOLGJAAR}; nieuwe toetreders committeren zich eraan bij de start van hun contract.
                {LT} belegt de afspraak in de wiki en houdt de versiegeschiedenis bij.
                Wijzigingen worden eerst besproken door de praktijkexperts en daarna opnieuw voorgelegd aan de managers of bestuurders.
                De afspraak is bestuurlijk vastgesteld in het regionaal overleg van {REGIO}.
                Er is draagvlak bij alle partijen: de afspraak is gebaseerd op de praktijk van de hulpverlening, niet op een beleidsnotitie.
                In de kwartaalgesprekken met de contractmanager komt de afspraak vast aan de orde.

                @achtergrond
                Sinds de Jeugdwet van 2015 zijn gemeenten verantwoordelijk voor de jeugdhulp. Ongeveer één op de tien kinderen in Nederland krijgt jeugdhulp.
                Nederland telt 342 gemeenten in 42 jeugdhulpregio’s; {M} hoort bij de regio {REGIO}.
                Volgens een schatting van Berenschot gaat 31 % van de uitgaven aan jeugdhulp op aan coördinatie. Elke overdracht die soepeler verloopt, scheelt dus tijd en geld.
                Transactieland schat dat in veel regio's 40 tot 50 % van het budget nooit bij de daadwerkelijke hulp aankomt.
                In Rotterdam besteden hulpverleners jaarlijks zo'n 250.000 uur aan het maken van 12.700 zorgarrangementen.
                Het idee van de koppelzone komt uit een position paper van Transactieland (2020): praktijkexperts stemmen de overdrachtsmomenten af, zodat waardelekken in beeld komen.
                Deze afspraak past in de hervormingsagenda jeugd en in de regiovisie van {REGIO}.
                De gemeente eist van de gecontracteerde instellingen dat zij concrete samenwerkingsafspraken maken in de koppelzone en deze beleggen in de wiki.
                In de regio wordt de jeugdhulp ingekocht met {bekostiging}; dat heeft invloed op hoe aanbieders en {TEAMS} samenwerken.
                Werkende afspraken in de ene gemeente zijn op zijn minst werkbare afspraken in andere gemeenten; daarom delen we deze afspraak in de landelijke wiki.
                De transformatie van de jeugdhulp vraagt om samenwerking over de grenzen van organisaties heen: de jongere centraal, niet het product.
                Het landelijk kader bestaat uit de wet, het jaarlijks beschikbare budget en de catalogus van jeugdhulpvormen; de uitvoering is aan de gemeenten.

                @eval.start
                De koppelzone evalueert deze afspraak [na een half jaar|jaarlijks|elk najaar|na twaalf maanden|in {kwartaal} van {VOLGJAAR}].
                De eerste evaluatie staat gepland voor [het voorjaar|het najaar] van {VOLGJAAR}.
                Het secretariaat van de koppelzone ({LT}) agendeert de evaluatie en verzamelt vooraf de cijfers.
                De afspraak wordt [jaarlijks|elk half jaar] besproken in de koppelzone; de praktijkexperts bereiden de bespreking voor.

                @eval.meet
                We kijken daarbij naar {indicator}, {indicator} en {indicator}.
                De gemeente levert de cijfers over {indicator} en {indicator}; de aanbieders brengen hun ervaringen in.
                Naast cijfers bespreken we [twee|drie|vier] casussen, waarbij we ook {ouders} vragen hoe zij de overdracht hebben ervaren.
                Belangrijkste maat is {indicator}; daarnaast volgen we {indicator}.

                @indicator
                het aantal warme overdrachten
                de doorlooptijd tussen aanmelding en start van de hulp
                het aantal jeugdigen dat binnen zes maanden terugkomt
                de tevredenheid van ouders en jongeren
                het aandeel verwijzingen naar {spec}
                de wachttijden per aanbieder
                het aantal escalaties naar de koppelzone
                de ervaringen van praktijkexperts
                het aantal consultaties
                het aantal thuiszitters
                het aantal crisisplaatsingen
                het aantal uithuisplaatsingen
                de coördinatiekosten per traject
                het aantal afschalingen met een driegesprek
                het aantal her-indicaties

                @eval.resultaat
                In de vorige evaluatie bleek dat de afspraak [goed werkt|in de meeste wijken goed werkt|nog niet overal bekend is]; daarom is [de termijn aangescherpt|een vaste contactpersoon per wijk toegevoegd|het overdrachtsformulier vereenvoudigd|de afspraak opnieuw onder de aandacht gebracht bij nieuwe medewerkers].
                Sinds de start is de doorlooptijd gedaald van [acht|tien|twaalf] naar [drie|vier|vijf] weken.
                Het aandeel jeugdigen dat na afsluiting opnieuw werd aangemeld, daalde met ongeveer [een kwart|een derde|twintig procent].
                Praktijkexperts geven aan dat ze elkaar sneller weten te vinden; de waardevolle verbinding zit vooral in het vaste contact.
                Uit de evaluatie kwam ook een nieuw waardelek naar voren, dat de koppelzone in een aparte afspraak uitwerkt.
                De cijfers laten nog geen duidelijk effect zien; de koppelzone besluit na de volgende evaluatie of de afspraak wordt aangepast.

                @faq
                **Wat als ouders geen toestemming geven?** Dan delen we geen inhoudelijke informatie. {TEAM} bespreekt met de ouders waarom de overdracht belangrijk is; blijft het nee, dan leggen we dat vast en melden we alleen dat de hulp is afgesloten.
                **Wie betaalt de consultatie?** Consultatie en advies zit in het tarief van de aanbieder; er is geen aparte beschikking nodig.
                **Geldt deze afspraak ook voor jeugdigen uit andere gemeenten?** Ja, zolang de aanbieder door de gemeente van herkomst is gecontracteerd. Bij twijfel overlegt {TEAM} met die gemeente.
                **Wat doe ik als de termijn niet wordt gehaald?** Bel eerst de vaste contactpersoon. Lukt het structureel niet, meld het dan bij {LT}, dan komt het op de agenda van de koppelzone.
                **Wie mag de afspraak aanpassen?** Voorstellen komen van de praktijkexperts in de koppelzone. Een wijziging wordt pas van kracht na bekrachtiging door de managers van de deelnemende organisaties.
                **Hoe weet een nieuwe medewerker dat deze afspraak bestaat?** Elke organisatie neemt de afspraak op in het inwerkprogramma, en de afspraak staat in de wiki.
                **Kan ik afwijken van de afspraak?** Ja, als de situatie van het gezin daarom vraagt. Leg de reden vast en informeer de andere partij.
                **Wat als de aanbieder een wachtlijst heeft?** Dan zoekt de zorgbemiddelaar een alternatief of regelt {TEAM} overbruggingszorg.
                **Wat is het verschil met de regionale afspraak?** De regionale afspraak regelt de kaders in {REGIO}; deze werkafspraak beschrijft hoe we het in de praktijk doen.
                **Geldt de afspraak ook bij een PGB?** De inhoudelijke afspraken wel; de administratieve afhandeling loopt via de budgethouder.
                **Wat als de jongere 18 wordt tijdens het traject?** Dan geldt ook de afspraak over de overgang 18-/18+; begin daar uiterlijk op 17,5 jaar mee.

                @begrip
                **GI** – gecertificeerde instelling; voert kinderbeschermingsmaatregelen en jeugdreclassering uit.
                **POH-jeugd** – praktijkondersteuner van de huisarts voor jeugd en jeugd-ggz.
                **OJG** – ondersteuner jeugd en gezin, werkzaam in de huisartsenpraktijk of op school.
                **JGGZ** – jeugd-ggz, de geestelijke gezondheidszorg voor kinderen en jongeren.
                **EED** – ernstige enkelvoudige dyslexie; de behandeling valt onder de Jeugdwet.
                **LVB** – licht verstandelijke beperking.
                **J&O** – jeugd- en opvoedhulp.
                **JIM** – Jouw Ingebrachte Mentor: een volwassene uit het netwerk die de jongere zelf kiest.
                **IVT** – InVerbindingteam, dat samen met de JIM een uithuisplaatsing probeert te voorkomen.
                **CJG** – Centrum voor Jeugd en Gezin.
                **JGZ** – jeugdgezondheidszorg, uitgevoerd door de GGD.
                **JGC** – jeugd- en gezinscoach.
                **SOH-er** – spreekuur ondersteuner huisarts.
                **OBC** – orthopedagogisch behandelcentrum.
                **MFC** – multifunctioneel centrum.
                **BJZ** – Bureau Jeugdzorg, de voorganger van de GI’s.
                **AMK** – Advies- en Meldpunt Kindermishandeling, opgegaan in Veilig Thuis.
                **RET** – Regionaal Expertteam, voor vastgelopen situaties.
                **LTA / LEF** – het Landelijk Transitie Arrangement, opgevolgd door de Landelijke Essentiële Functies.
                **PGB** – persoonsgebonden budget, tegenover zorg in natura (ZIN).
                **Wmo** – Wet maatschappelijke ondersteuning.
                **Zvw** – Zorgverzekeringswet.
                **Wlz** – Wet langdurige zorg.
                **FACT** – Flexible Assertive Community Treatment, een werkwijze voor intensieve ambulante zorg.
                **OTS** – ondertoezichtstelling, een kinderbeschermingsmaatregel.
                **MDO** – multidisciplinair overleg.
                **OPP** – ontwikkelingsperspectiefplan van de school.
                **Waardelek** – verlies van waarde bij een overdrachtsmoment: vertraging, dubbel werk of een jongere die uit beeld raakt.
                **Warme overdracht** – een overdracht waarbij de oude en de nieuwe hulpverlener samen met het gezin om tafel zitten.
                **Koppelzone** – de ruimte waarin praktijkexperts van verschillende instellingen de hulpprocessen en overdrachtsmomenten op elkaar afstemmen.
                **Praktijkexpert** – hulpverlener die vanuit de eigen praktijk meewerkt aan de werkafspraken.
                **Weegtafel** – overleg waar verwijzers samen indicaties wegen en een bindend advies geven.
                **Overbruggingszorg** – hulp tijdens de wachttijd voor de eigenlijke hulp.
                **Afschaling** – de overgang naar een lichtere vorm van hulp.
                **Drang** – hulp die wordt ingezet om een kinderbeschermingsmaatregel te voorkomen.

                @casus.start
                {KIND} ({kindleeftijd} jaar) woont met [moeder|vader|beide ouders|moeder en twee zusjes|vader en een oudere broer|pleegouders] in {WIJK}.
                {KIND} is {kindleeftijd} jaar en zit [in groep 7|in de tweede klas van het vmbo|op het mbo|op het speciaal onderwijs|sinds een half jaar thuis].
                Het gezin van {KIND} ({kindleeftijd}) kwam in beeld [via de huisarts|via school|na een melding bij Veilig Thuis|via de jeugdarts|via het jongerenwerk].

                @casus.midden
                {KIND} had last van {klacht} en {klacht}; na diagnostiek bleek er sprake van {diagnose}.
                De behandelaar zette {methode} in, waar de ouders ook bij aanwezig waren.
                Eerder was al {methode} geprobeerd, maar dat sloot onvoldoende aan bij wat {KIND} nodig had.
                De gesprekken vonden {plek} plaats, zodat het gezin niet ver hoefde te reizen.
                Na [een melding van school|een verwijzing door de huisarts|een gesprek met {TEAM}|een melding bij Veilig Thuis|een crisisinterventie] werd duidelijk dat er [meer nodig was dan lichte ondersteuning|specialistische hulp nodig was|vooral rust en een vast aanspreekpunt nodig waren].
                Vroeger zou {KIND} [op een wachtlijst zijn beland|tussen twee aanbieders zijn blijven hangen|opnieuw bij de toegang zijn begonnen]; nu [belde de {TEAMLID} direct de vaste contactpersoon|werd binnen een week een driegesprek gepland|sloot de behandelaar aan bij het gezinsgesprek].
                De ouders wilden eerst geen hulp van {TEAM}, maar na een gezamenlijk gesprek met de behandelaar gingen ze akkoord.
                Tijdens de hulp bleek dat ook {probleem} een rol speelde; de behandelaar vroeg consultatie aan een collega van een andere aanbieder.
                Dankzij het overdrachtsdocument hoefden de ouders hun verhaal niet opnieuw te vertellen.
                Omdat school vanaf het begin betrokken was, kon {KIND} [halve dagen|twee dagen per week|elke ochtend] naar school blijven gaan.

                @casus.eind
                Inmiddels gaat {KIND} weer naar {activiteit} en is het contact met de {TEAMLID} afgebouwd tot één keer per maand.
                {KIND} volgt nu een opleiding tot {opleiding} en heeft een steunfiguur uit de familie.
                Na [drie|vier|zes|negen] maanden kon de hulp worden afgeschaald. {KIND} gaat weer [elke dag naar school|naar de sportvereniging|naar het mbo] en het gezin weet wie ze kunnen bellen als het weer minder gaat.
                De casus is geanonimiseerd en met toestemming van het gezin beschreven.
                Bij de evaluatie zeiden de ouders: 'Voor het eerst hoefden we niet alles zelf te regelen.'
                Een half jaar later belde de moeder nog één keer met een vraag; de {TEAMLID} kon die direct beantwoorden.

                @extra.inleiding
                Hieronder is per fase uitgewerkt wat de afspraak in de praktijk betekent.
                De praktijkexperts hebben de afspraak per fase van het traject uitgewerkt, zodat iedereen weet wat er op welk moment van hem of haar wordt verwacht.
                Deze uitwerking is bedoeld voor professionals die de afspraak in hun dagelijks werk toepassen.

                @extra.zin
                {kzin}
                Bij {klacht} wordt eerst gekeken of een lichte interventie zoals {methode} in de wijk kan worden ingezet.
                Gesprekken kunnen {plek} plaatsvinden, als dat voor het gezin beter werkt.
                Waar mogelijk sluit de hulp aan bij wat de jongere leuk vindt, zoals {activiteit} of {activiteit}.
                In deze fase is de {TEAMLID} het vaste aanspreekpunt voor het gezin.
                De behandelaar legt de afspraken vast in {doc}.
                Bij twijfel wordt {overleg} ingepland, met [de ouders|het gezin|de jongere] erbij.
                Waar mogelijk wordt het eigen netwerk van het gezin betrokken.
                Het doel is dat {jeugdigen} zo snel mogelijk de hulp krijgen die past, niet de hulp die toevallig beschikbaar is.
                De termijnen uit de paragraaf over termijnen gelden ook hier.
                Ook in deze fase blijft de vraag leidend: wat heeft deze jeugdige nodig?
                Professionals van {PARTIJEN} stemmen onderling af wie welk gesprek voert.
                Signalen van {signaal} worden altijd direct gedeeld met {TEAM}.
                Als {aanbieder} verwacht dat de hulp langer duurt dan gepland, wordt dat vóór het verstrijken van de beschikking besproken.
                De afspraken over {opaf} uit de regionale samenwerkingsafspraken blijven van kracht.
                In het [primair|voortgezet] onderwijs sluit de intern begeleider of zorgcoördinator aan.

                @fase
                Aanmelding
                Intake en eerste gesprek
                Tijdens de hulp
                Voorbereiding van de afsluiting
                Afsluiting en overdracht
                Nazorg
                Bij terugval
                Bij escalatie
                Bij verhuizing naar een andere gemeente
                Bij wisseling van hulpverlener
                Bij een crisis buiten kantoortijd
                Rond de 18e verjaardag
                Tijdens schoolvakanties
                Bij een wachttijd
                """;

        /** Topics: normalising, livelihood, addiction, parents with mental illness, early childhood. */
        static final String TOPICS_4 = """
                @normaliseren.title
                Normaliseren: lichte hulp in de sociale basis
                BSO+ in plaats van individuele jeugdhulp
                Samenwerking met sportverenigingen en jongerenwerk
                Lichte collectieve psychosociale ondersteuning op school
                Informeel steunfiguur naast de hulpverlening
                Basis-ggz ter voorkoming van verwijzing naar gespecialiseerde ggz
                Training on the job voor de toegang: normaliseren in de praktijk
                Opvoedvragen in de wijk: inloopspreekuur van {TEAM}

                @normaliseren.intro
                Niet elk probleem in de opvoeding vraagt om jeugdhulp. Met deze afspraak versterken we de sociale basis, zodat gewone opvoedvragen ook gewoon kunnen worden beantwoord.
                De gemeenteraad van {M} heeft een beleidskader normaliseren vastgesteld met vier lijnen: toegang, inkoop, sociale basis en beeldvorming. Deze werkafspraak is de uitwerking voor de uitvoering.
                Opgroeien gaat met vallen en opstaan. De koppelzone wil voorkomen dat gewone zorgen over kinderen worden gemedicaliseerd.

                @normaliseren.lek
                Voor gewone opvoedvragen werd een beschikking afgegeven, terwijl een gesprek met de jeugdverpleegkundige of een oudercursus had volstaan.
                Kinderen met een beperking kregen individueel ingekochte BSO, terwijl een collectieve BSO+ beter aansloot.
                Alternatieve therapieën en enkelvoudige vaktherapie werden als jeugdhulp ingezet zonder duidelijke onderbouwing.
                Sportverenigingen en jongerenwerkers wisten niet bij wie ze terechtkonden met hun zorgen over een kind.
                Ouders ervoeren de toegang als een loket waar je een diagnose nodig had om geholpen te worden.

                @normaliseren.afspraak
                {TEAM} houdt [wekelijks|elke twee weken] een inloopspreekuur {plek} voor opvoedvragen, zonder aanmelding.
                Voordat een beschikking wordt afgegeven, kijkt de {TEAMLID} eerst of een voorliggende voorziening kan helpen: een oudercursus, {activiteit}, het jongerenwerk of lotgenotencontact.
                Kinderen met een beperking kunnen terecht op de BSO+; individuele inkoop van BSO is niet meer mogelijk.
                Sportverenigingen en jongerenwerk hebben een vaste contactpersoon bij {TEAM} en kunnen signalen laagdrempelig bespreken.
                Scholen bieden lichte collectieve psychosociale ondersteuning, zoals een weerbaarheidstraining of {methode}.
                Medewerkers van de toegang volgen een training on the job over normaliseren en de taal die we daarbij gebruiken.
                Een informeel steunfiguur wordt zo vroeg mogelijk betrokken en kan ook na de hulp blijven.

                @normaliseren.stap
                De {TEAMLID} bespreekt met de ouders wat er al goed gaat en wat ze zelf kunnen.
                Samen wordt gekeken welke steun uit het netwerk of de buurt beschikbaar is.
                Alleen als dat niet genoeg is, volgt een verwijzing naar jeugdhulp.
                Na drie maanden vraagt de {TEAMLID} hoe het gaat.

                @bestaanszekerheid.title
                Doorbraakaanpak voor gezinnen die vastlopen tussen loketten
                Maatwerkbudget van de doorbraakcoach
                Schulden en jeugdhulp: samen aan tafel met de schuldhulpverlening
                Dreigende huisuitzetting van een gezin met kinderen in jeugdhulp
                Eén voordeur voor jeugd en Wmo
                Inkomen, wonen en jeugdhulp: integrale aanpak voor multiprobleemgezinnen

                @bestaanszekerheid.intro
                Gezinnen met jeugdhulp hebben vaak ook zorgen over geld, werk of wonen. Zolang die zorgen blijven, heeft jeugdhulp weinig effect. Deze afspraak brengt jeugdhulp, schuldhulp, inkomen en wonen aan één tafel.
                Soms zitten regels van verschillende loketten elkaar in de weg. Met de doorbraakmethode zoeken we per gezin naar wat nodig is, en lossen we dat op, ook als het buiten de gebaande paden valt.
                In {M} werken {TEAMS} integraal: één voordeur voor jeugd en Wmo, met aandacht voor het hele gezin.

                @bestaanszekerheid.lek
                Een gezin had vijf hulpverleners van vier organisaties, maar niemand pakte de schulden aan die de spanning in huis veroorzaakten.
                De toeslagen van ouders werden stopgezet terwijl een kind in behandeling was; de behandeling liep daardoor vast.
                Een dreigende huisuitzetting kwam pas aan het licht toen de deurwaarder al was geweest.
                Regels van de Participatiewet, de Wmo en de Jeugdwet spraken elkaar tegen, waardoor een gezin maanden zonder oplossing zat.

                @bestaanszekerheid.afspraak
                Aanbieders en {TEAMS} kunnen een gezin aanmelden bij het doorbraakteam als de reguliere weg is geprobeerd en vastloopt.
                Een doorbraakcoach mag tot € 5.000 uitgeven aan een oplossing, nadat een tweede coach het plan heeft getoetst.
                Aan tafel zitten deskundigen op het gebied van jeugdhulp, schuldhulp, inkomen en wonen.
                Bij signalen van schulden meldt de {TEAMLID} het gezin met toestemming aan bij de schuldhulpverlening; die neemt binnen {werkdagen} werkdagen contact op.
                De woningcorporatie meldt een dreigende huisuitzetting bij gezinnen met kinderen aan {TEAM}, zodat tijdig hulp kan worden geboden.
                De doorbraakaanpak wordt samen met een kennisinstituut geëvalueerd; lessen worden gebruikt om regels aan te passen.

                @bestaanszekerheid.stap
                De professional beschrijft wat er vastloopt en welke regels in de weg zitten.
                De doorbraakcoach plant binnen een week een gesprek met het gezin.
                Samen met de deskundigen wordt een oplossing gekozen en uitgevoerd.
                De coach koppelt de les terug aan de beleidsafdeling van de gemeente.

                @verslaving.title
                Middelengebruik bij jongeren: signaleren en doorverwijzen
                Samenwerking met de jeugdverslavingszorg
                Kinderen van verslaafde ouders: hulp voor het hele gezin
                Jeugdhulp en (mede)verblijf van kinderen van verslaafde ouders in een kliniek
                Gameverslaving en problematisch schermgebruik
                Vroegsignalering van alcohol- en drugsgebruik op school

                @verslaving.intro
                Experimenteren met alcohol en drugs hoort voor veel jongeren bij het opgroeien, maar soms gaat het mis. Deze afspraak regelt hoe {TEAM}, scholen en de verslavingszorg samen vroeg ingrijpen.
                Kinderen van ouders met een verslaving lopen een groter risico op problemen. Met deze afspraak krijgen zowel ouders als kinderen hulp, afgestemd op elkaar.

                @verslaving.lek
                Middelengebruik werd pas besproken als een jongere al van school was gestuurd.
                De volwassenenverslavingszorg behandelde de ouder, maar niemand had oog voor de kinderen thuis.
                Jongeren met een verslaving en psychische problemen werden heen en weer gestuurd tussen {jggz} en verslavingszorg.

                @verslaving.afspraak
                Scholen en het jongerenwerk gebruiken dezelfde signaleringslijst voor middelengebruik en bespreken zorgen met de preventiewerker van de verslavingszorg.
                Bij ouders in behandeling voor een verslaving vraagt de behandelaar altijd naar de kinderen en biedt hij of zij, met toestemming, contact met {TEAM} aan.
                Bij een dubbele diagnose (verslaving en een psychische stoornis) is er één regiebehandelaar, die afstemt met de andere behandelaars.
                Kinderen kunnen tijdens een klinische behandeling van hun ouder meeverblijven; {TEAM} regelt de school en de opvang.
                Bij problematisch gamen of schermgebruik is er eerst een gesprek met de jongere en de ouders, eventueel met {methode}.

                @verslaving.stap
                De professional bespreekt het gebruik open en zonder oordeel met de jongere.
                Bij zorgen volgt een consult bij de preventiewerker van de verslavingszorg.
                Als er meer nodig is, verwijst {TEAM} door naar de jeugdverslavingszorg.

                @kopp.title
                Volwassenen-ggz inzetten in een jeugdhulptraject
                Kinderen van ouders met psychische problemen (KOPP): samen signaleren
                Ouder in behandeling, kind in beeld
                Gezinsgerichte aanpak bij psychiatrische problemen van een ouder

                @kopp.intro
                Als een ouder psychische problemen heeft, merkt het hele gezin dat. Deze afspraak zorgt dat de volwassenen-ggz en de jeugdhulp van elkaar weten en samenwerken.
                Voor een kind is het belangrijk om te begrijpen wat er met vader of moeder aan de hand is. KOPP-groepen en psycho-educatie helpen daarbij.

                @kopp.lek
                De behandelaar van de ouder wist niet dat er jeugdhulp in het gezin was, en andersom.
                Kinderen van ouders met psychische problemen kregen pas hulp als ze zelf vastliepen.
                De volwassenen-ggz kon vanwege de privacy niets delen, ook niet als de ouder daar zelf om vroeg.

                @kopp.afspraak
                De volwassenen-ggz vraagt bij de intake van een ouder altijd naar de kinderen in het gezin.
                Met toestemming van de ouder is er een gezamenlijk gesprek met de behandelaar van de ouder, de {TEAMLID} en waar mogelijk de kinderen.
                Kinderen kunnen deelnemen aan een KOPP-groep of een online lotgenotengroep.
                Bij zorgen over de opvoeding kan {TEAM} de volwassenen-ggz inzetten als onderdeel van het jeugdhulptraject.

                @kopp.stap
                De behandelaar van de ouder bespreekt de situatie van de kinderen.
                Met toestemming wordt {TEAM} geïnformeerd.
                Samen met het gezin wordt besproken welke steun de kinderen nodig hebben.

                @vroeg.title
                Kansrijke start: samenwerking rond zwangerschap en de eerste duizend dagen
                Signalen van het consultatiebureau naar {TEAM}
                Voorschoolse educatie en jeugdhulp voor peuters
                Jeugdarts en huisarts bij zorgen over de ontwikkeling van een jong kind
                Kraamzorg, verloskundige en {TEAM}: warme overdracht na de geboorte

                @vroeg.intro
                De eerste duizend dagen van een kind leggen de basis voor later. Deze afspraak zorgt dat verloskundigen, kraamzorg, de jeugdgezondheidszorg en {TEAM} zorgen over jonge kinderen snel met elkaar delen.
                Het consultatiebureau ziet bijna alle jonge kinderen. Daarom is de jeugdgezondheidszorg een belangrijke vindplaats voor ouders die steun nodig hebben.

                @vroeg.lek
                Zorgen van de verloskundige over een kwetsbare zwangere kwamen niet bij de jeugdgezondheidszorg terecht.
                Peuters met een ontwikkelingsachterstand werden pas op de basisschool gezien.
                Ouders met een klein netwerk raakten na de kraamtijd uit beeld.

                @vroeg.afspraak
                De verloskundige bespreekt met kwetsbare zwangeren een aanmelding bij het programma Kansrijke Start.
                De jeugdverpleegkundige draagt met toestemming warm over aan {TEAM} als er meer nodig is dan het reguliere consultatiebureau.
                Peuters met een indicatie voor voorschoolse educatie worden besproken in het overleg van de peuterspeelzaal, de JGZ en {TEAM}.
                Bij zorgen over de ontwikkeling verwijzen jeugdarts en huisarts naar dezelfde aanbieder en stemmen zij het vervolg af.
                Ouders krijgen waar nodig hulp via {methode} of een vrijwilliger van Home-Start.

                @vroeg.stap
                De verloskundige of jeugdverpleegkundige signaleert en bespreekt de zorgen met de ouders.
                Met toestemming volgt een warme overdracht aan {TEAM}.
                Binnen {werkdagen} werkdagen vindt een kennismaking plaats, thuis of {plek}.
                """;

        /** Dutch compounds as the texts use them (DOMAIN.md §4.3): modifier, linking morpheme, head. */
        static final String COMPOUNDS = """
                @kmod
                aanmeld
                afschalings
                crisis
                evaluatie
                gezins
                intake
                nazorg
                overdrachts
                plaatsings
                school
                signalerings
                toestemmings
                triage
                veiligheids
                verwijs
                wachtlijst
                wijk
                zorg
                behandel
                consultatie
                doorstroom
                uitstroom
                escalatie
                registratie
                matchings
                screenings
                toekomst
                netwerk
                casus
                kwaliteits
                privacy
                samenwerkings
                declaratie
                opschalings
                terugval
                kennismakings

                @kcomp.het
                {kmod}[protocol|formulier|overleg|gesprek|plan|schema|document|overzicht|format|moment|stappenplan]

                @kcomp.de
                {kmod}[procedure|route|kaart|checklist|werkinstructie|handreiking|lijst|brief|termijn|fase]

                @kzin
                De professional gebruikt het {kcomp.het} en de {kcomp.de} van de koppelzone.
                Het {kcomp.het} staat in de wiki, naast de {kcomp.de}.
                In de {kcomp.de} staat wie wat doet en wanneer.
                Nieuwe medewerkers krijgen tijdens hun inwerkperiode uitleg over het {kcomp.het}.
                Het {kcomp.het} is in {JAAR} vereenvoudigd op verzoek van de praktijkexperts.
                De {kcomp.de} en het {kcomp.het} worden bij de evaluatie opnieuw bekeken.
                """;

        /** Sections with a broad vocabulary: target groups, other domains, funding, quotes. */
        static final String SECTIONS_3 = """
                @doelgroep.intro
                De afspraak geldt voor {jeugdigen} van {leeftijd} [in {M}|in de regio {REGIO}|die in {M} wonen of naar school gaan].
                Deze afspraak is bedoeld voor de volgende groepen:
                De doelgroep is breed, maar in de praktijk gaat het vooral om:
                Praktijkexperts zien de afspraak vooral terug bij:

                @doelgroep
                kinderen met {diagnose}
                jongeren met {klacht} die nog geen hulp hebben
                kinderen van ouders met psychiatrische problemen (KOPP)
                kinderen van verslaafde ouders (KVO)
                jonge mantelzorgers
                tienermoeders en hun kinderen
                eenoudergezinnen met een klein sociaal netwerk
                gezinnen in de bijstand of met problematische schulden
                statushouders en nieuwkomers met kinderen
                jongeren die dreigen uit te vallen op het mbo
                thuiszitters en jongeren met een vrijstelling van de leerplicht
                zwerfjongeren en dak- en thuisloze jongeren
                jongeren met {lvb} en gedragsproblemen
                kinderen met een ontwikkelingsachterstand in de voorschoolse periode
                baby's en peuters in gezinnen met een kwetsbare start (Kansrijke Start)
                jongeren met suïcidale gedachten
                kinderen die getuige zijn van huiselijk geweld
                jongeren met een eetstoornis
                kinderen met autisme en een vastgelopen schoolloopbaan
                jongeren met een (dreigende) verslaving aan middelen of gamen
                jongeren die in aanraking zijn gekomen met politie en justitie
                kinderen in een complexe scheiding
                pleegkinderen en kinderen in gezinshuizen
                jongeren die binnenkort 18 worden en nog hulp nodig hebben
                hoogbegaafde kinderen die thuiszitten
                kinderen met een chronische ziekte of lichamelijke beperking
                jongeren met hechtingsproblematiek na meerdere breuken in de opvoeding
                kinderen met trauma na vlucht of migratie
                multiprobleemgezinnen waarin meerdere hulpverleners tegelijk betrokken zijn
                ouders met een licht verstandelijke beperking
                jongeren met schulden
                kinderen van gedetineerde ouders
                jongeren die slachtoffer zijn van uitbuiting of loverboys
                kinderen met dyslexie of dyscalculie
                jongeren met angst- en stemmingsklachten
                baby's van moeders die tijdens de zwangerschap alcohol of drugs gebruikten (risico op FASD)
                kinderen met ADHD bij wie de medicatie niet genoeg helpt
                jongeren met een psychose of een vermoeden daarvan
                jongeren die zichzelf beschadigen
                broertjes en zusjes van kinderen in verblijf

                @doelgroep.niet
                Niet bedoeld voor jeugdigen met een Wlz-indicatie; voor hen gelden de afspraken met het zorgkantoor.
                Jeugdigen die al bij een niet-gecontracteerde aanbieder in behandeling zijn, vallen buiten deze afspraak.
                Voor jongvolwassenen van 18 tot 23 jaar geldt de afspraak alleen als de jeugdhulp is verlengd.
                Voor kinderen die landelijk ingekochte hulp krijgen (LTA/LEF), gelden de afspraken van de landelijke aanbieder.

                @samenhang
                Veel hulpvragen van gezinnen hebben te maken met bestaanszekerheid: wonen, inkomen en schulden, school en werk, sociale steun, welzijn en gezondheid.
                Als er schulden zijn, betrekt {TEAM} de schuldhulpverlening van de gemeente; jeugdhulp alleen lost een financiële noodsituatie niet op.
                Bij een dreigende huisuitzetting schakelt de {TEAMLID} direct de woningcorporatie en de gemeente in.
                Voor ouders met psychische problemen kan de volwassenen-ggz binnen het jeugdhulptraject worden ingezet, zodat het hele gezin wordt geholpen.
                Deze afspraak sluit aan op de Wmo-afspraken over begeleiding en dagbesteding voor ouders.
                De politie en de leerplichtambtenaar zijn belangrijke vindplaatsen; met hen zijn afzonderlijke afspraken gemaakt.
                Voor kinderen in de kinderopvang, op de peuterspeelzaal of op de BSO is de pedagogisch medewerker vaak de eerste die signalen opvangt.
                De afspraak past binnen de integrale aanpak: één gezin, één plan, één regisseur.
                Sportverenigingen, scouting, de muziekschool en het buurthuis kunnen een plek bieden waar een jongere na de hulp verder kan.
                Waar de Participatiewet, de Wmo en de Jeugdwet elkaar raken, zoekt {TEAM} naar maatwerk in plaats van naar de grens van de regeling.
                Bij jongeren die met justitie in aanraking komen, stemt {TEAM} af met de jeugdreclassering en het Zorg- en Veiligheidshuis.
                Zorgverzekeraar en zorgkantoor worden betrokken als het gaat om hulp vanuit de Zvw of de Wlz.
                Voor gezinnen met een migratieachtergrond zet {TEAM} zo nodig een tolk of een sleutelfiguur in.
                Sommige gezinnen zorgen ook voor een ziek of gehandicapt gezinslid; dan wordt de mantelzorgondersteuning betrokken.
                Bij problemen met huisvesting na uitstroom uit verblijf werken we samen met woningcorporaties en de afdeling wonen van de gemeente.
                De jeugdgezondheidszorg ziet vrijwel alle kinderen op het consultatiebureau; daar beginnen veel signalen.
                Bij werkloosheid of armoede in het gezin kan de gemeente een bijdrage uit het minimabeleid of het Jeugdfonds Sport & Cultuur regelen.
                Voor jongeren zonder startkwalificatie zoeken het RMC en het jongerenloket samen naar een leerwerkplek.

                @financiering
                De hulp wordt bekostigd met {bekostiging}; de afspraak verandert daar niets aan.
                De gemeente heeft de jeugdhulp ingekocht via een open-house-procedure; alle aanbieders die aan de eisen voldoen, kunnen toetreden.
                Het contract is bestuurlijk aanbesteed en loopt voor onbepaalde tijd, met een jaarlijkse bespreking van de resultaten.
                Er geldt een budgetplafond per aanbieder; afspraken over uitstroom helpen om binnen het plafond te blijven.
                Consultatie en advies is onderdeel van het tarief en wordt niet apart gedeclareerd.
                Voor overbruggingszorg is een apart product opgenomen in het productenboek, met een vast tarief per week.
                Zwaardere hulp vraagt om tariefdifferentiatie; de regio onderscheidt daarvoor [drie|vier|vijf] zorgzwaartes.
                Met de grootste aanbieder is een omzetplafond afgesproken, met een bandbreedte van 5 %.
                De kosten van de driegesprekken zijn verwerkt in het integrale resultaatstarief.
                De gemeente betaalt [de helft|een derde|twee derde] van de {poh}; de zorgverzekeraar betaalt de rest.
                Niet-gecontracteerde aanbieders kunnen alleen via een PGB worden ingezet; de afspraak geldt daar niet.
                Leegstand in crisisbedden wordt niet meer gecompenseerd met een opslag, maar met een beschikbaarheidsbijdrage.
                De regio werkt met verevening tussen de gemeenten, zodat één dure plaatsing een kleine gemeente niet in de problemen brengt.
                In de marktconsultatie voor de nieuwe inkoop is deze afspraak genoemd als voorbeeld van een werkende samenwerkingsafspraak.
                De inkoop is verdeeld in percelen; deze afspraak geldt voor de percelen ambulante jeugdhulp en jeugdhulp met verblijf.
                De tarieven voor {VOLGJAAR} zijn vastgesteld met de reële tarieven van de NZa als uitgangspunt.
                Frictiekosten bij de overgang naar een nieuwe aanbieder worden niet doorberekend aan het gezin of aan {TEAM}.
                Het toezicht op de kwaliteit blijft bij de IGJ; de gemeente bespreekt de resultaten in de contractgesprekken.
                Het zorglandschap in {REGIO} staat beschreven in de regiovisie; deze afspraak past daarbinnen.
                Voor bovenregionaal ingekochte hulp, zoals {jzplus} en klinische {jggz}, gelden aanvullend de afspraken van de bovenregionale inkoop.
                Landelijk ingekochte hulp (LTA/LEF) valt buiten deze afspraak; de verwijzer neemt contact op met de landelijke aanbieder.
                De gemeente houdt in de begroting rekening met de uitgaven onder taakveld 6.72 (maatwerkvoorzieningen 18-) en 6.82 (geëscaleerde zorg 18-).
                Aanbieders leveren de productiecijfers per kwartaal aan; in de tweemaandelijkse productiebespreking worden opvallende verwijspatronen besproken.
                De administratieve lasten zijn beperkt doordat de regio de standaarden van i-Sociaal Domein volgt.

                @ervaring.intro
                In de evaluatie vroegen we ouders, jongeren en professionals naar hun ervaringen.
                Een paar reacties uit de praktijk:
                Wat betrokkenen zeggen over deze werkafspraak:

                @ervaring
                "Voor het eerst hoefden we ons verhaal niet drie keer te vertellen." – een moeder
                "Ik wist eindelijk wie ik kon bellen als het weer misging." – een vader
                "Het driegesprek voelde als een echte overdracht, niet als een afscheid." – een jongere van 16
                "We zagen de behandelaar nog voordat de hulp stopte; dat gaf vertrouwen." – ouders
                "Door het vaste contact bij de aanbieder bel ik niet meer rond." – een {TEAMLID}
                "De lijntjes zijn korter: ik ken de mensen van {TEAM} nu persoonlijk." – een behandelaar
                "Als huisarts weet ik nu waar ik naartoe kan verwijzen, en ik hoor ook wat ermee gebeurt." – een huisarts
                "Het scheelt ons administratief echt uren per week." – een zorgcoördinator
                "Het was even wennen dat school ook aan tafel zat, maar nu kan ik niet meer zonder." – een intern begeleider
                "Soms is een kort telefoontje met een specialist genoeg om verder te kunnen." – een jeugdconsulent
                "Ik vond het fijn dat ik zelf mocht kiezen wie mijn JIM werd." – een jongere van 15
                "We moesten wennen aan elkaars vakjargon, maar we spreken nu dezelfde taal." – een praktijkexpert
                "Mijn zoon mocht gewoon naar zijn eigen school blijven gaan." – een moeder
                "Niemand stuurde ons meer van het kastje naar de muur." – een vader
                "Het gaf rust dat de pleegzorgbegeleider er vanaf de eerste dag bij was." – een pleegmoeder
                "Je merkt dat iedereen hetzelfde wil: dat het goed gaat met het kind." – een teamleider
                "Een casus van drie maanden geleden terugzien aan de weegtafel is leerzaam; we zien dan of ons advies klopte." – een gedragswetenschapper
                "We kregen eerder bericht, waardoor we de nazorg beter konden voorbereiden." – een jongerenwerker
                "Het toestemmingsformulier is één A4: dat tekenen ouders zonder aarzeling." – een casusregisseur
                "Eerlijk gezegd werkte het eerste halfjaar niet; pas na de evaluatie viel alles op zijn plek." – een manager jeugd
                "Ik was bang dat ik na mijn achttiende alles alleen moest doen. Dat viel mee." – een jongvolwassene
                "De crisisdienst stond binnen een uur op de stoep, midden in de nacht." – een pleegvader
                "Vroeger lag een verwijzing weken op de stapel; nu heb ik binnen een paar dagen antwoord." – een POH-jeugd
                """;

        /** Topics: referral, GP route, triage, consultation, scaling up, throughput, scaling down. */
        static final String TOPICS_1 = """
                @toeleiding.title
                Verwijzing door de huisarts naar {TEAM} of naar {spec}
                Doorverwijzing bij enkelvoudige en meervoudige problematiek
                Medische verwijsroute: alleen naar gecontracteerd aanbod
                Verwijsoverzicht voor huisartsen en jeugdartsen
                Terugkoppeling aan de verwijzer na aanmelding
                Toeleiding naar {jo} via {TEAM}
                Eén aanmeldroute voor alle verwijzers
                Warme verwijzing van de jeugdarts naar {TEAM}
                Verwijzen naar {basisggz} zonder omweg
                Verwijsafspraken tussen huisartsen en {TEAMS}
                Intentieverklaring huisartsen en gemeente over samenwerking in de jeugdhulp
                Verbindingsofficier tussen gemeente en huisartsen

                @toeleiding.intro
                Deze afspraak regelt hoe huisartsen, jeugdartsen en {TEAM} samen bepalen welke hulp een jeugdige nodig heeft en hoe de verwijzing verloopt.
                "Hoe kouder de verwijzing, hoe eerder we terug moeten dat de verwijzing niet goed is," zei een behandelaar in de koppelzone. Deze afspraak moet zorgen voor warme verwijzingen.
                Huisartsen zijn in {M} een grote verwijzer, vooral voor ambulante {jggz}. Met deze werkafspraak weten verwijzers welke route ze volgen en wat ze terug mogen verwachten.
                De toegang tot jeugdhulp loopt in {M} via {TEAM}, de huisarts, de jeugdarts, de medisch specialist en {gi}. Deze afspraak zorgt dat al die routes op elkaar aansluiten.

                @toeleiding.lek
                Huisartsen verwezen rechtstreeks naar {spec}, ook als de vraag meerdere leefgebieden raakte en {TEAM} beter passend was.
                Verwijzers wisten niet welke aanbieders gecontracteerd waren; jeugdigen kwamen terecht bij niet-gecontracteerd aanbod.
                Na een verwijzing hoorde de huisarts vaak niets meer, waardoor {ouders} opnieuw op het spreekuur kwamen met dezelfde vraag.
                Ouders vroegen om een directe verwijzing en weigerden het gesprek met de {poh}, omdat ze dat als een omweg zagen.
                Verwijsbrieven misten informatie over eerdere hulp, zodat {aanbieder} de intake moest overdoen.
                Enkelvoudige problematiek werd doorverwezen naar de tweede lijn, terwijl die in de huisartsenpraktijk of door {TEAM} kon worden opgepakt.
                Ongeveer een op de vijf verwijzingen kwam van kinderartsen en medisch specialisten, met wie geen enkele afspraak bestond.

                @toeleiding.afspraak
                Bij enkelvoudige problematiek verwijst de huisarts rechtstreeks naar een gecontracteerde aanbieder; bij meervoudige problematiek gaat de verwijzing via {TEAM}.
                De gemeente stuurt huisartsen [elk kwartaal|twee keer per jaar|jaarlijks] een actueel verwijsoverzicht met het gecontracteerde aanbod en de wachttijden.
                {aanbieder} bevestigt de ontvangst van een verwijzing binnen {werkdagen} werkdagen aan de verwijzer en aan {ouders}.
                Een verwijsbrief bevat in ieder geval de hulpvraag, eerdere hulp, betrokken professionals en de toestemming van {ouders}.
                Twijfelt de huisarts over de juiste route, dan belt hij of zij de vaste contactpersoon van {TEAM} voor een kort consult.
                De verwijzer krijgt binnen {werkdagen} werkdagen na de intake bericht over het vervolg: start van de hulp, wachttijd of terugverwijzing.
                Jeugdartsen van de JGZ volgen dezelfde route als huisartsen en gebruiken hetzelfde verwijsformulier.
                {TEAM} geeft de beschikking af binnen {werkdagen} werkdagen nadat de verwijzing compleet is.
                Huisartsen verwijzen alleen naar gecontracteerd aanbod; de gemeente houdt de zoekmachine met aanbieders actueel.
                Een verbindingsofficier (een voormalig huisarts) bezoekt [jaarlijks|twee keer per jaar] alle huisartsenpraktijken om de samenwerking te onderhouden.

                @toeleiding.stap
                De huisarts bespreekt met {ouders} welke route past en vraagt toestemming om informatie te delen.
                De verwijzing gaat via Zorgmail of Veilig Mailen naar het vaste aanmeldadres.
                {TEAM} beoordeelt de aanmelding in de dagelijkse triage en wijst een {TEAMLID} toe.
                De {TEAMLID} neemt binnen {werkdagen} werkdagen contact op met het gezin.
                Na de intake koppelt {aanbieder} het advies terug aan de verwijzer.
                Bij terugverwijzing legt de aanbieder uit waarom, en welke hulp wél passend is.

                @poh.title
                {poh} in de huisartsenpraktijk: route tussen huisarts en {TEAM}
                Inzet van de {poh} in de huisartsenpraktijk
                Samenwerkingsovereenkomst met huisartsenpraktijken over de {poh}
                Spreekuur van {TEAM} bij de huisarts
                Route na vijf contacten met de {poh}
                Financiering van de {poh} door gemeente en zorgverzekeraar
                Sociale kaart voor de {poh}
                Consultatie van {spec} door de {poh}
                SOH-er: spreekuur ondersteuner huisarts vanuit de {jggz}
                Gezinscoaches verbonden aan grote huisartsenpraktijken

                @poh.intro
                De {poh} is de schakel tussen de huisarts, {TEAM} en de tweede lijn. Deze afspraak beschrijft wat de {poh} zelf oppakt en wanneer wordt doorverwezen.
                In {M} werken [steeds meer|bijna alle|de meeste] huisartsenpraktijken met een {poh}. Gemeente, zorgverzekeraar en huisartsen hebben samen afgesproken hoe die functie wordt ingezet.
                Jeugdigen die de huisarts niet zelf kan helpen, kunnen terecht bij de {poh}. Zo wordt een deel van de verwijzingen naar {spec} voorkomen.
                In een pilot met [drie|tien|twaalf] praktijken bleek dat de {poh} ongeveer 30 % van de verwijzingen naar de tweede lijn voorkwam. Deze afspraak maakt de werkwijze structureel.

                @poh.lek
                Zonder ondersteuner in de praktijk verwees de huisarts bijna elke jeugdige met psychische klachten door naar {spec}.
                Niet alle huisartsen hebben ruimte in de praktijk voor een ondersteuner, waardoor de functie ongelijk beschikbaar was.
                De {poh} had geen overzicht van het lokale aanbod en verwees daardoor naar bekende, vaak zwaardere aanbieders.
                De {poh} mocht vanwege privacyregels niet in het dossier van {TEAM} kijken, en andersom.
                Onduidelijk was wie de {poh} betaalt: de gemeente vanuit de Jeugdwet of de zorgverzekeraar vanuit de Zvw.
                Ouders wilden een directe verwijzing en zagen het gesprek met de ondersteuner als een drempel.

                @poh.afspraak
                De {poh} heeft gemiddeld [vijf|vier tot zes|maximaal acht] contacten met een jeugdige en zijn ouders; daarna volgt afsluiting of verwijzing.
                Enkelvoudige problemen worden in de huisartsenpraktijk behandeld; meervoudige problematiek gaat naar {TEAM} of naar de tweede lijn.
                De {poh} bouwt een sociale kaart op door [jaarlijks|elk half jaar] de belangrijkste aanbieders in de regio te bezoeken.
                Gemeente en zorgverzekeraar financieren de {poh} samen; de verdeling staat in de samenwerkingsovereenkomst.
                De {poh} en {TEAM} hebben {frequentie} een casuïstiekbespreking.
                De {poh} kan laagdrempelig consultatie vragen aan een gedragswetenschapper of psychiater van {aanbieder}.
                Huisarts, {poh} en gemeente evalueren de verwijscijfers jaarlijks; het doel is [25 %|ongeveer een derde|30 %] minder verwijzingen naar de tweede lijn.
                Een medewerker van {TEAM} houdt [wekelijks|elke twee weken] spreekuur in de huisartsenpraktijk.
                De samenwerkingsovereenkomst met elke praktijk regelt informatievoorziening, registratie, terugkoppeling en overleg.
                In wijken waar geen ondersteuner bij de huisarts zit, werkt de {poh} op de basisscholen.

                @poh.stap
                De huisarts bespreekt met de jeugdige en {ouders} een afspraak bij de {poh}.
                De {poh} brengt in maximaal [twee|drie] gesprekken de hulpvraag in kaart.
                Bij een enkelvoudige vraag biedt de {poh} kortdurende begeleiding in de praktijk.
                Bij meervoudige problematiek draagt de {poh} warm over aan de {TEAMLID}.
                De {poh} registreert het resultaat voor de jaarlijkse evaluatie met de zorgverzekeraar.

                @triage.title
                Weegtafel voor indicaties in het complex segment
                Screening aan de voorkant bij aanmelding voor {jggz}
                Triage door {TEAM} bij nieuwe hulpvragen
                Deskundigheid aan de poort: gezamenlijke triage [door toegang en aanbieders|met de {jggz}|bij meervoudige problematiek]
                Zorgarrangement indienen bij de toegang
                Dagelijkse triage van aanmeldingen [bij {TEAM}|in de regio {REGIO}]
                Screening bij aanmelding: lichte of zware hulp?
                Afwegingskader voor verwijzing naar {spec}
                Maximum aantal nieuwe aanmeldingen per maand bij de grootste aanbieder
                Her-indicatie en verlenging: samen wegen

                @triage.intro
                Niet elke hulpvraag hoeft naar {spec}. Met deze afspraak wegen {TEAM} en de aanbieders samen af welke hulp echt nodig is, met een biologische, psychologische en sociale blik.
                In {M} is de jeugdhulp ingekocht in een enkelvoudig en een complex segment. Deze afspraak beschrijft hoe nieuwe en verlengde indicaties worden gewogen.
                Een goede triage aan de voorkant voorkomt dat lichte problemen onnodig worden gemedicaliseerd, en dat zware problemen te licht worden ingeschat.
                Deskundigheid aan de poort betekent dat bij het eerste contact al iemand meekijkt die het hele aanbod kent.

                @triage.lek
                Het aandeel indicaties in het complex segment liep op tot ruim een derde van alle indicaties.
                Verwijzers kozen 'voor de zekerheid' het zwaardere segment, ook als een combinatie van lichte hulp en het voorliggend veld volstond.
                Medewerkers van {TEAM} voelden zich alleen staan bij de afweging tussen lichte en zware hulp.
                Er werd niet systematisch gekeken of hulp vanuit een andere wet (Wlz, Zvw of Wmo) passender was.
                De grootste aanbieder van {jggz} zat structureel boven het afgesproken plafond, terwijl kleinere aanbieders lichtere zorgvragen goed konden oppakken.
                Een aparte expertpool voor triage werd nauwelijks gebruikt: de teams zagen de toegevoegde waarde niet.

                @triage.afspraak
                Elke nieuwe of verlengde indicatie in het complex segment wordt vóór afgifte van de beschikking besproken aan de weegtafel.
                Aan de weegtafel zitten vertegenwoordigers van {TEAMS} en {gi}, aangevuld met een gedragswetenschapper; aanbieders schuiven aan als adviseur zonder stem.
                De verwijzer brengt de casus geanonimiseerd in met een kort format: hulpvraag, wat al is ingezet, gewenst resultaat en voorgestelde hulp.
                De weegtafel toetst ook of hulp vanuit een andere grondslag passender is: Wlz, Zvw, Wmo of het voorliggend veld.
                De weegtafel geeft een bindend advies; de verwijzer ontvangt het schriftelijk binnen {werkdagen} werkdagen.
                Aanmeldingen voor {jggz} worden eerst gescreend door een vaste screener van {aanbieder}, die binnen {werkdagen} werkdagen adviseert over de juiste plek.
                Lichtere zorgvragen worden doorgeleid naar {basisggz} of naar {TEAM}; alleen complexe vragen gaan door naar {spec}.
                Met de grootste aanbieder is een maximum aantal nieuwe aanmeldingen per maand afgesproken; daarboven wordt samen gekeken welke aanbieder past.
                Na verwijzing dient {aanbieder} een zorgarrangement in bij de toegang; de jeugdprofessional kan de cliënt in een lichter profiel plaatsen.
                Wijkt de verwijzer af van het advies, dan gebeurt dat alleen na overleg met de voorzitter en wordt de reden vastgelegd.

                @triage.stap
                De verwijzer vult het triageformulier in en vraagt toestemming aan {ouders}.
                {TEAM} bespreekt de aanmelding in de dagelijkse triage.
                Bij twijfel wordt de casus ingebracht bij de weegtafel van [dinsdag|woensdag|donderdag]ochtend.
                De voorzitter stelt het advies op en stuurt het naar de verwijzer.
                De gemeente geeft de beschikking af op basis van het advies.
                Eens per kwartaal bespreekt de weegtafel een casus van drie maanden geleden om ervan te leren.

                @consultatie.title
                Consultatie en advies door {spec}
                Consultatie en advies zonder beschikking
                Eerste 30 minuten consultatie zonder factuur
                Consultatie- en adviesteam {jggz} voor verwijzers
                Expertteam voor complexe vragen van {TEAMS}
                Laagdrempelig consult bij de gedragswetenschapper van {aanbieder}
                Meekijken door een specialist bij jeugdigen met {lvb}
                Ambulante consultatie door {spec} in de wijk
                Doorbraakcoach en maatwerkbudget voor vastgelopen situaties
                FACT-team jeugd en de verbinding met {TEAMS}

                @consultatie.intro
                Veel vragen van {TEAMS} kunnen worden beantwoord met een kort consult van een specialist, zonder dat een jeugdige hoeft te worden doorverwezen.
                Deze afspraak maakt consultatie en advies door {aanbieders} laagdrempelig en regelt hoe het wordt vastgelegd en bekostigd.
                In de inkoopcontracten is consultatie en advies al opgenomen, maar in de praktijk werd het nauwelijks gebruikt. Deze werkafspraak moet daar verandering in brengen.
                Soms loopt een situatie vast omdat regels van verschillende loketten botsen. Met een doorbraakcoach en een klein maatwerkbudget doorbreken we die patstelling.

                @consultatie.lek
                Consultatie en advies stond in de contracten, maar {TEAMS} wisten niet wie ze konden bellen.
                Aanbieders vroegen voor elk consult een beschikking, waardoor een eenvoudige vraag weken duurde.
                Jeugdigen werden 'voor de zekerheid' verwezen, terwijl een kort advies had volstaan.
                Een aparte expertpool werd nauwelijks benut, omdat de drempel om te bellen te hoog was.
                Huisartsen en jeugdconsulenten kenden de specialisten in de regio niet persoonlijk.
                Gezinnen met schulden, huisvestingsproblemen en jeugdhulp liepen vast tussen de loketten van jeugdhulp, schuldhulp, inkomen en wonen.

                @consultatie.afspraak
                Elke aanbieder van {spec} wijst een vaste consulent aan die [op werkdagen|drie dagen per week|elke ochtend] bereikbaar is voor vragen van {TEAMS} en huisartsen.
                De eerste 30 minuten consultatie worden niet gefactureerd en vragen geen beschikking.
                Een consult wordt binnen {werkdagen} werkdagen beantwoord; bij zorgen over de veiligheid dezelfde dag.
                De consulent legt het advies kort vast en stuurt het naar de vrager; er ontstaat geen behandelrelatie.
                Leidt het consult tot een verwijzing, dan geldt de reguliere verwijsroute met voorrang voor de intake.
                Het consultatie- en adviesteam bestaat uit een psychiater, een orthopedagoog en een ervaringsdeskundige en komt {frequentie} bijeen.
                {TEAM} kan een specialist uitnodigen voor een gezinsgesprek; deze sluit aan als adviseur.
                Eens per kwartaal bespreekt de koppelzone hoe vaak consultatie is gebruikt en wat het heeft opgeleverd.
                Een doorbraakcoach mag tot € 5.000 uitgeven om een vastgelopen situatie te doorbreken, nadat een tweede coach het plan heeft getoetst.
                Aanbieders verbinden een vaste behandelaar aan elk basisteam om samen te kijken welke hulparrangementen mogelijk zijn.

                @consultatie.stap
                De {TEAMLID} belt of mailt de vaste consulent met een korte casusbeschrijving.
                De consulent plant binnen {werkdagen} werkdagen een telefonisch of fysiek consult.
                Het advies wordt vastgelegd in het dossier van {TEAM}.
                Bij een vervolgvraag wordt dezelfde consulent benaderd.
                De aanbieder registreert het aantal consulten voor de kwartaalrapportage.

                @opschaling.title
                Opschalen naar {spec} [tijdens een lopend traject|zonder nieuwe intake|bij stagnatie]
                Intensiveren van de hulp bij {signaal}
                Van {TEAM} naar {spec}: warme opschaling
                Opschaling naar verblijf: eerst het ambulante alternatief
                [Op- en afschalen|Opschalen en afschalen] tijdens een traject: wie beslist?
                Inzet van intensive hometreatment bij een dreigende opname
                Opschaling binnen {jo} naar {jggz}
                Contact met {TEAMS} aantonen bij {opaf}
                Behandeling loskoppelen van de wooncomponent

                @opschaling.intro
                Soms blijkt tijdens de hulp dat er meer nodig is. Deze afspraak regelt hoe de hulp wordt geïntensiveerd zonder dat het gezin opnieuw bij de toegang hoeft te beginnen.
                Bij opschaling blijft {TEAM} betrokken, zodat de lijn terug naar lichte hulp open blijft.
                Opschaling gebeurt in overleg met het gezin en altijd met de vraag: wat is het minst ingrijpende alternatief dat werkt?
                Aanbieders en {TEAMS} hebben contractueel afgesproken dat ze aantoonbaar contact hebben bij {opaf}. Deze werkafspraak beschrijft hoe dat contact er in de praktijk uitziet.

                @opschaling.lek
                Bij opschaling moest het gezin opnieuw een intake doen bij een nieuwe aanbieder en het hele verhaal opnieuw vertellen.
                De beschikking liep vast in de administratie, waardoor zwaardere hulp pas weken later kon starten.
                {TEAM} raakte bij opschaling uit beeld en wist niet meer wat er met het gezin gebeurde.
                Opschaling naar verblijf gebeurde soms omdat er geen intensief ambulant alternatief beschikbaar was.
                Aanbieders wachtten te lang met opschalen, omdat onduidelijk was wie daarover besliste.
                Het 'gat' tussen de zwaarste ambulante hulp en verblijf was groot; er was niets daartussen.

                @opschaling.afspraak
                De behandelaar bespreekt de noodzaak tot opschaling eerst met {ouders} en daarna met de {TEAMLID}.
                Bij opschaling binnen hetzelfde traject past {TEAM} de beschikking aan zonder nieuw gesprek, tenzij het gezin daarom vraagt.
                Voor opschaling naar verblijf wordt eerst gekeken naar intensive hometreatment of daghulp als alternatief.
                {TEAM} blijft tijdens de zwaardere hulp betrokken als casusregisseur en sluit aan bij de evaluaties.
                De ontvangende aanbieder neemt de intake van de verwijzende aanbieder over en doet geen dubbele diagnostiek.
                Bij opschaling maken partijen direct afspraken over uitstroom en nazorg door het voorliggend veld.
                Aanbieders tonen in de kwartaalrapportage aan dat er contact is geweest met {TEAMS} over {opaf}.
                Als behandeling en wonen los van elkaar kunnen, kiezen we voor behandeling vanuit de eigen woonomgeving.

                @opschaling.stap
                De behandelaar signaleert dat de huidige hulp onvoldoende is en bespreekt dit met het gezin.
                De aanbieder stuurt een kort verzoek tot opschaling aan {TEAM} {kanaal}.
                De {TEAMLID} beoordeelt het verzoek binnen {werkdagen} werkdagen en past zo nodig de beschikking aan.
                Samen met het gezin wordt in een driegesprek het nieuwe doel vastgesteld.
                Na drie maanden wordt geëvalueerd of afschaling weer mogelijk is.

                @doorstroom.title
                Doorstroom van verblijf naar ambulante hulp
                Overplaatsing tussen aanbieders zonder nieuwe wachttijd
                Doorstroom van [de behandelgroep|het OBC|de crisisopvang|het MFC] naar een gezinshuis
                Doorstroom binnen de keten bij een vastgelopen plaatsing
                Kleinschalig verblijf als tussenstap na {jzplus}
                Overdracht tussen {jo} en {jggz} tijdens een traject
                Informatieplicht bij het sluiten van een afdeling
                Specialistisch jeugdteam tot 23 jaar: gedeelde caseload

                @doorstroom.intro
                Jeugdigen blijven soms langer in een zwaardere vorm van hulp dan nodig, omdat de volgende plek niet beschikbaar is. Deze afspraak regelt hoe de doorstroom tijdig wordt voorbereid.
                Doorstroom is een overdrachtsmoment waarop vaak waarde weglekt. Met deze afspraak zorgen de aanbieders en {TEAM} dat de overgang voor de jongere soepel en warm verloopt.
                Deze afspraak gaat over de {stroom} binnen de jeugdhulp met verblijf in {REGIO}.
                Vijf specialistische aanbieders werken samen in gezamenlijke teams met een gedeelde caseload; deze afspraak regelt hoe jongeren tussen die aanbieders doorstromen.

                @doorstroom.lek
                Jongeren bleven in de crisisopvang omdat er geen vervolgplek was; crisisbedden raakten daardoor vol.
                Doorstroom of afbouw liep vast omdat voorzieningen of {TEAMS} vol zaten.
                Bij een overplaatsing moest de jongere opnieuw op een wachtlijst, ook al was de hulpvraag bekend.
                Informatie uit het behandelplan kwam niet mee naar de nieuwe plek, zodat de begeleiding opnieuw begon.
                Aanbieders sloten afdelingen zonder de gemeente tijdig te informeren, waardoor jongeren plotseling moesten verhuizen.
                Plaatsingen in een andere regio maakten het contact met school en netwerk lastig.

                @doorstroom.afspraak
                De huidige aanbieder start de voorbereiding van de doorstroom uiterlijk {weken} weken voor de verwachte overgang.
                Vervolgplekken voor jongeren die doorstromen krijgen voorrang op nieuwe aanmeldingen.
                De regionale zorgbemiddelaar houdt een overzicht bij van vrije plekken en wachttijden en deelt dat [wekelijks|elke twee weken] met de verwijzers.
                De nieuwe aanbieder neemt het behandelplan over en plant binnen {werkdagen} werkdagen een kennismaking met de jongere en {ouders}.
                Een aanbieder die een afdeling sluit of de capaciteit verkleint, informeert de gemeente en de koppelzone minstens [drie|zes] maanden vooraf.
                Tijdens de doorstroom blijft de school van de jongere zoveel mogelijk dezelfde.
                De jongere en {ouders} maken kennis met de nieuwe plek voordat de overplaatsing plaatsvindt.
                Een indicatiecommissie van de samenwerkende aanbieders besluit of een jongere naar het specialistische team gaat of reguliere hulp krijgt.

                @doorstroom.stap
                De mentor of behandelaar bespreekt met de jongere en {ouders} wat de volgende stap is.
                De aanbieder meldt de jongere aan bij de regionale zorgbemiddeling.
                De zorgbemiddelaar zoekt binnen {werkdagen} werkdagen een passende vervolgplek.
                Er volgt een overdrachtsgesprek met de oude en de nieuwe aanbieder, de jongere en de {TEAMLID}.
                Na de overplaatsing evalueren de betrokkenen na zes weken hoe het gaat.

                @afschaling.title
                Warme overdracht bij afschaling van {spec} naar {TEAM}
                Afschalen naar {TEAM} na [behandeling|verblijf|een ambulant traject|een behandeling in de {jggz}]
                Afschaling naar {licht}
                Terugschalen naar {TEAM}: wie doet wat?
                Capaciteit reserveren voor gezinnen die terugkomen uit {spec}
                Nazorgperiode na afschaling [van {jggz}|van {jo}|na verblijf]
                Moment van afschaling tussen {gis} en {TEAMS}
                Driegesprek bij afschaling
                Afsluiten en overdragen: het overdrachtsgesprek met {TEAM}
                Kennismaking tussen specialistische aanbieders en {TEAMS}

                @afschaling.intro
                Als de specialistische hulp klaar is, hoort een gezin niet tussen wal en schip te vallen. Deze afspraak regelt hoe aanbieders en {TEAM} de overgang naar lichtere ondersteuning samen voorbereiden.
                Afschaling is voor veel jeugdigen het spannendste moment van het traject. Met deze afspraak zorgen we voor een warme overdracht in plaats van een afsluitbrief.
                Aanbieders en {TEAMS} ontmoeten elkaar in de koppelzone om vertrouwen op te bouwen en afschaling sneller en soepeler te laten verlopen.
                Afschaling gaat in {M} 'gewoon' terug naar {TEAM}. Dat werkt alleen als beide kanten weten wat ze van elkaar kunnen verwachten.

                @afschaling.lek
                {TEAM} hoorde pas van de afsluiting via de afsluitbrief, soms weken na het laatste contact.
                Jeugdigen raakten na afsluiting uit beeld; terugval werd pas laat opgemerkt.
                Aanbieders stelden afschaling uit, omdat er bij {TEAM} geen ruimte was om het gezin op te pakken.
                Een gezin dat na de behandeling terugviel, moest opnieuw via de toegang en kwam opnieuw op een wachtlijst.
                {TEAMS} zeiden (bijna) nooit een verzoek tot afschaling te krijgen; aanbieders zeiden dat er geen passende nazorg was.
                Er was onvoldoende nazorg, huisvesting, opleiding of dagbesteding om naar af te schalen.

                @afschaling.afspraak
                {aanbieder} meldt een voorgenomen afschaling uiterlijk {weken} weken voor de geplande einddatum bij de vaste contactpersoon van {TEAM}.
                Vóór het laatste behandelcontact is er een driegesprek met jeugdige, ouders, behandelaar en {TEAMLID}.
                De behandelaar levert bij het driegesprek een overdrachtsdocument van één A4 aan.
                {TEAM} reserveert per wijk capaciteit voor [twee|drie|vier] gezinnen per maand die terugkomen uit {spec}.
                De behandelaar blijft [drie|zes] maanden na afsluiting bereikbaar voor consultatie door {TEAM}.
                Bij terugval binnen de nazorgperiode kan het gezin terug naar de aanbieder zonder opnieuw op de wachtlijst te komen.
                {TEAM} koppelt het gezin waar mogelijk aan de sociale basis: jongerenwerk, een sportvereniging of een steunfiguur uit het eigen netwerk.
                Het moment van afschaling bij een maatregel bepalen {gi} en de {TEAMLID} samen, aan de hand van het veiligheidsplan.
                Specialistische aanbieders en {TEAMS} organiseren [twee keer per jaar|jaarlijks] een uitwisseling, zodat ze elkaars werk kennen.

                @afschaling.stap
                De aanbieder mailt de contactpersoon van {TEAM} met onderwerp 'Afschaling' en de voorgenomen einddatum.
                {TEAM} wijst binnen {werkdagen} werkdagen een medewerker aan en plant samen met de behandelaar het driegesprek.
                {TEAM} legt de afspraken uit het driegesprek vast in het gezinsplan.
                De aanbieder sluit af en stuurt de afsluitbrief aan de verwijzer en {TEAM}.
                Na drie maanden belt de {TEAMLID} het gezin om te horen hoe het gaat.
                """;

        /** Topics: aftercare, 18-/18+, crisis, youth protection, Veilig Thuis, education, dyslexia. */
        static final String TOPICS_2 = """
                @nazorg.title
                Uitstroom en nazorg door het voorliggend veld
                Nazorg na {spec}: afspraken al bij opschaling maken
                Terugvalpreventie na afsluiting van de hulp
                Uitstroom uit verblijf: wonen, school en dagbesteding regelen
                Nazorg via het jongerenwerk en de sportvereniging
                Steunfiguur of JIM bij uitstroom
                Garantieregeling bij terugval binnen 12 maanden
                Trajectfinanciering inclusief nazorg

                @nazorg.intro
                Bij opschaling naar specialistische aanbieders maakt {TEAM} meteen afspraken over uitstroom en nazorg door het voorliggend veld.
                Goede hulp stopt niet bij de afsluitbrief. Deze afspraak regelt wat er na de hulp gebeurt, zodat de bereikte resultaten blijven.
                Nazorg is meer dan jeugdhulp: ook wonen, school, werk, inkomen en sociale steun bepalen of een jongere het redt.
                Met de garantieregeling kunnen gezinnen terug naar de aanbieder als de doelen niet zijn gehaald of de problemen terugkomen. De gemeente wijst ouders actief op deze regeling.

                @nazorg.lek
                Na afsluiting vielen jongeren terug omdat er niets was geregeld rond school, dagbesteding of huisvesting.
                Aanbieders gaven aan dat er onvoldoende nazorgmogelijkheden waren om naar uit te stromen.
                Ouders wisten na de hulp niet bij wie ze terechtkonden als het weer minder ging.
                Informele steun uit het netwerk werd pas aan het eind van het traject betrokken, als het eigenlijk al te laat was.
                Voorzieningen in de sociale basis, zoals jongerenwerk en BSO+, waren niet aangesloten op de jeugdhulp.

                @nazorg.afspraak
                De jongere kiest samen met de jongerenwerker een vrijetijdsbesteding, zoals {activiteit}, {activiteit} of {activiteit}, en de gemeente regelt zo nodig een bijdrage uit het Jeugdfonds Sport & Cultuur.
                Jongeren zonder startkwalificatie krijgen hulp bij het vinden van een opleiding, bijvoorbeeld tot {opleiding}.
                Bij de start van {spec} wordt al vastgelegd wie de nazorg verzorgt en hoe de overdracht verloopt.
                Het nazorgplan beschrijft school of werk, dagbesteding, wonen, vrije tijd en wie het gezin kan bellen bij terugval.
                De aanbieder betrekt uiterlijk {weken} weken voor afsluiting het voorliggend veld: jongerenwerk, schoolmaatschappelijk werk of een sportvereniging.
                Komen problemen binnen 12 maanden terug, dan kan de jeugdige zonder nieuwe beschikking terug naar de aanbieder (garantieregeling).
                Worden de doelen niet gehaald, dan houdt de gemeente 50 % van het tarief in; de aanbieder en {TEAM} evalueren samen waarom.
                Het jongerenwerk neemt binnen {werkdagen} werkdagen na de overdracht contact op met de jongere.
                Bij jongeren zonder stabiel netwerk wordt een steunfiguur of JIM gezocht voordat de hulp stopt.
                Eén aanbieder is verantwoordelijk voor het resultaat; andere expertise wordt ingezet via onderaannemerschap.

                @nazorg.stap
                De behandelaar en de {TEAMLID} stellen samen met de jongere het nazorgplan op.
                De jongere kiest zelf een steunfiguur uit het eigen netwerk.
                Het voorliggend veld sluit aan bij het laatste evaluatiegesprek.
                Na zes weken en na drie maanden is er een kort contactmoment.
                Bij signalen van terugval belt de {TEAMLID} de behandelaar voor een consult.

                @achttien.title
                Overgang 18-/18+ voor jongvolwassenen
                Perspectiefplan 17+: op tijd beginnen
                Geen harde knip op 18 jaar: verlengde jeugdhulp
                Overgang van {jggz} naar volwassenen-ggz
                Toekomstgesprek op 16,5 jaar
                Afspraken met de zorgverzekeraar over 18+
                Jongvolwassenen na verblijf: wonen, inkomen en zorg na de 18e verjaardag
                18- en 18+: overdracht naar de Wmo
                Transitiepsychiatrie voor jongeren van 16 tot 23 jaar
                Afbakening met Wlz en Zvw voor de groep 18-23

                @achttien.intro
                Jongeren die jeugdhulp krijgen, moeten rond hun 18e verjaardag ineens hun eigen zaken regelen: een zorgverzekering, inkomen, een woonplek en vaak een nieuwe hulpverlener. Deze afspraak voorkomt een harde knip.
                Voor elke jongere bij wie de volgende stap niet vanzelfsprekend is, wordt op 16 of 17 jaar een perspectief geschetst.
                De overgang van 18- naar 18+ raakt meerdere wetten: de Jeugdwet, de Wmo, de Zvw en soms de Wlz. Deze afspraak regelt wie wat doet en wie wat betaalt.
                Achttien worden is geen moment maar een periode. Daarom begint de voorbereiding ruim voor de verjaardag en loopt de begeleiding waar nodig door tot 23 jaar.

                @achttien.lek
                Communicatie en een vloeiende overgang tussen 18- en 18+ waren minimaal.
                Jongeren vielen op hun 18e tussen wal en schip: de jeugdhulp stopte, de volwassenenzorg was nog niet gestart.
                De volwassenen-ggz had een wachtlijst, waardoor de behandeling maandenlang werd onderbroken.
                Met de zorgverzekeraar was niet afgesproken wie de behandeling na het 18e jaar betaalt.
                Ouders werden na het 18e jaar niet meer betrokken, ook als de jongere dat wel wilde.
                Regiogemeenten vonden bij de zorgverzekeraar geen open houding als het ging om integrale vraagstukken zoals 18+.

                @achttien.afspraak
                Vanaf 16,5 jaar voert de {TEAMLID} met de jongere een toekomstgesprek over wonen, school of werk, inkomen, zorg en netwerk.
                Uiterlijk op 17 jaar ligt er een perspectiefplan (17+-plan) met concrete afspraken over de periode rond de 18e verjaardag.
                Gemeente en zorgverzekeraar maken ruim vóór de 18e verjaardag afspraken over wie wat betaalt.
                Waar nodig wordt de jeugdhulp verlengd tot maximaal 23 jaar, zodat de overgang geleidelijk kan verlopen.
                De aanbieder van {jggz} meldt de jongere uiterlijk [zes|negen] maanden voor de 18e verjaardag aan bij de volwassenen-ggz en plant een overdrachtsgesprek.
                De volwassenenzorg weegt de privacy van de jongvolwassene af tegen het betrekken van het gezin, en bespreekt dat met de jongere.
                Eens per maand bespreekt de 18+-tafel de jongeren die binnen een half jaar 18 worden.
                Jeugdhulpaanbieders mogen voor jongvolwassenen ook zorg vanuit de Wmo, de Zvw of de Wlz leveren, zodat de hulpverlener niet hoeft te wisselen.

                @achttien.stap
                De {TEAMLID} signaleert jongeren van 16,5 jaar in de caseload.
                Het toekomstgesprek wordt gevoerd met de jongere, de ouders en de behandelaar.
                Het perspectiefplan wordt besproken aan de 18+-tafel.
                De Wmo-consulent en de schuldhulpverlening sluiten aan waar nodig.
                Na de 18e verjaardag blijft de {TEAMLID} nog drie maanden betrokken.

                @crisis.title
                Crisisroute buiten kantoortijd
                Gezamenlijke voordeur crisis jeugd
                Crisisplaatsing en vervolgzorg: de eerste 72 uur
                Inzet van crisisbedden en uitstroom
                Crisisinterventie thuis bij {signaal}
                Samenwerking tussen de crisisdienst en {TEAM} na een crisis
                Bereikbaarheid van de crisisdienst voor huisartsen en {TEAMS}
                Bekostiging van crisisbedden met een beschikbaarheidsbijdrage
                Crisisdienst in samenwerking met Veilig Thuis

                @crisis.intro
                Bij een crisis telt elk uur. Deze afspraak regelt hoe de crisisdiensten van [vier|drie|twee] aanbieders werken met één gezamenlijke voordeur.
                De crisisdienst is 24 uur per dag en 7 dagen per week bereikbaar. Deze afspraak beschrijft wie er belt, wie er komt en wat er na de crisis gebeurt.
                Een crisisplaatsing is ingrijpend. Met deze afspraak zorgen we dat de plaatsing zo kort mogelijk duurt en dat de vervolghulp op tijd klaarstaat.
                De gemeente heeft samen met Veilig Thuis de crisisdienst vormgegeven. Deze afspraak beschrijft de werkwijze in de praktijk.

                @crisis.lek
                Buiten kantoortijd belden verwijzers verschillende crisisdiensten af voordat iemand kon komen.
                Na een crisisplaatsing was niet geregeld wie de regie had; jeugdigen bleven daardoor langer in de crisisopvang dan nodig.
                Crisisbedden werden betaald per bezet bed, wat een prikkel gaf om bedden vol te houden.
                {TEAM} hoorde pas na het weekend dat er een crisisinterventie was geweest.
                Er was geen afspraak over het delen van informatie in een acute situatie.
                Crisisplaatsingen werden per geval met een eigen beschikking geregeld; in een acute situatie kostte dat veel tijd.

                @crisis.afspraak
                Er is één crisisnummer voor de hele regio {REGIO}; de crisisdienst beoordeelt binnen 30 minuten of uitrukken nodig is.
                De crisisdienst informeert {TEAM} uiterlijk de volgende werkdag over iedere crisisinterventie.
                Binnen 72 uur na een crisisplaatsing is er een overleg met {TEAM}, de crisisaanbieder, {ouders} en zo nodig {gi}.
                Een crisisplaatsing duurt in principe niet langer dan [twee|vier|zes] weken; daarna is de vervolghulp gestart.
                De crisisbedden worden gefinancierd met een beschikbaarheidsbijdrage, niet per bezet bed.
                De legitimatie van een crisisplaatsing gebeurt achteraf: {TEAM} geeft binnen {werkdagen} werkdagen een beschikking af.
                Bij een crisis buiten kantoortijd mag de crisisdienst informatie opvragen bij {VT} als dat nodig is voor de veiligheid.
                Bij een plaatsing kijkt de crisisdienst eerst of er een plek is in het eigen netwerk van het gezin.

                @crisis.stap
                De verwijzer belt het regionale crisisnummer.
                De crisisdienst beoordeelt de situatie en komt zo nodig binnen [één|twee] uur ter plaatse.
                Bij een plaatsing zoekt de crisisdienst eerst een plek in het eigen netwerk van het gezin.
                De volgende werkdag wordt {TEAM} geïnformeerd en wordt een casusregisseur aangewezen.
                Binnen 72 uur vindt het vervolgoverleg plaats.

                @bescherming.title
                Drang en afschaling tussen {gi} en {TEAM}
                Beschermingstafel en drangtrajecten
                Werkafspraken tussen {gis} en {TEAMS} over het moment van afschaling
                Samenwerking bij een ondertoezichtstelling (OTS)
                Vereenvoudigd aanmeldproces bij de Raad voor de Kinderbescherming
                Escalatiemodel in de jeugdbeschermingsketen
                Deskundigheidsbevordering door de GI voor {TEAMS}
                Toekomsttuin: lokale aanpak veiligheid
                Instellingsvoogdij en het woonplaatsbeginsel
                Samenwerking tussen {TEAM} en {gi} bij een OTS

                @bescherming.intro
                Als vrijwillige hulp niet genoeg is, volgt soms een drangtraject of een kinderbeschermingsmaatregel. Deze afspraak regelt hoe {gi} en {TEAM} daarin samenwerken.
                In de jeugdbeschermingsketen werken {TEAM}, {gi}, Veilig Thuis en de Raad voor de Kinderbescherming samen. De samenwerking liep niet altijd soepel; deze afspraak brengt daar structuur in.
                Van een estafettemodel naar samenwerking: in plaats van dossiers door te geven, werken partijen tegelijk aan de veiligheid van het kind.
                Deze afspraak is een lokale uitwerking van de verbeteragenda jeugdbescherming, met één visie, vaste kernwaarden en samen opleiden.

                @bescherming.lek
                {gi} werd te laat geconsulteerd door {TEAM}, waardoor een maatregel onvermijdelijk werd.
                De GI handelde soms nog vanuit de oude rol van Bureau Jeugdzorg als regiehouder; aanbieders wisten niet aan wie ze verantwoording aflegden.
                {TEAMS} misten veiligheidsexpertise om met onveilige situaties om te gaan.
                Het verzoek tot onderzoek bij de Raad voor de Kinderbescherming kostte veel tijd en papierwerk.
                Na het aflopen van een maatregel was er geen warme overdracht naar vrijwillige hulp.
                Voor kinderen met instellingsvoogdij van buiten de regio was onduidelijk welke gemeente betaalde (woonplaatsbeginsel).

                @bescherming.afspraak
                {TEAM} consulteert {gi} bij zorgen over de veiligheid vóórdat de situatie escaleert.
                Een drangtraject wordt uitgevoerd door de {TEAMLID} met coaching vanuit {gi}.
                Aan de beschermingstafel bespreken ouders, {TEAM}, {gi} en de Raad voor de Kinderbescherming samen of een maatregel nodig is.
                {gi} en de {TEAMLID} bepalen samen het moment van afschaling; uiterlijk [drie|zes] maanden voor het einde van de maatregel is er een overdrachtsgesprek.
                {gi} verzorgt [twee keer per jaar|jaarlijks] een training voor {TEAMS}, bijvoorbeeld over vechtscheidingen.
                Bij onenigheid over de aanpak geldt het escalatiemodel: eerst de teamleiders, daarna de managers, binnen {werkdagen} werkdagen.
                Het Regionaal Expertteam (RET) wordt ingeschakeld als partijen er samen niet uitkomen.
                Casuïstiekbesprekingen met alle betrokkenen vinden plaats voordat de GI een verzoek tot onderzoek doet.

                @bescherming.stap
                De {TEAMLID} bespreekt de zorgen met {ouders} en met een gedragswetenschapper.
                Bij aanhoudende zorgen volgt een consult bij {gi}.
                Als vrijwillige hulp onvoldoende is, wordt de casus ingebracht aan de beschermingstafel.
                Na een maatregel blijft {TEAM} betrokken voor de vrijwillige hulp aan broertjes en zusjes.
                Bij afschaling volgt een driegesprek met de ouders, {gi} en de {TEAMLID}.

                @veiligthuis.title
                Terugkoppeling van Veilig Thuis aan {TEAM}
                Overdracht van Veilig Thuis naar {TEAM}
                Melden bij Veilig Thuis: afwegingskader en terugkoppeling
                Samenwerking bij huiselijk geweld en kindermishandeling
                Gezamenlijk huisbezoek van Veilig Thuis en {TEAM}
                Van melding naar vrijwillige hulp binnen tien werkdagen
                Monitoring van de veiligheid na overdracht door Veilig Thuis

                @veiligthuis.intro
                Na een melding bij Veilig Thuis volgt vaak vrijwillige hulp via {TEAM}. Deze afspraak regelt hoe die overdracht verloopt en hoe de melder en {TEAM} worden geïnformeerd.
                De samenwerking tussen lokale teams en Veilig Thuis verschilt per gemeente. In {M} hebben we vastgelegd wat we van elkaar mogen verwachten.
                Professionals werken met de meldcode huiselijk geweld en kindermishandeling. Deze afspraak beschrijft wat er gebeurt nadat Veilig Thuis een melding heeft ontvangen.
                Veilig Thuis is de opvolger van het AMK. De werkwijze is veranderd, maar de vraag is dezelfde gebleven: wie zorgt ervoor dat het kind veilig is?

                @veiligthuis.lek
                {TEAM} hoorde niet wat er met een melding gebeurde en kon het gezin daardoor niet goed ondersteunen.
                Na de overdracht door Veilig Thuis moest het gezin weken wachten op een {TEAMLID}.
                Professionals twijfelden of ze moesten melden of eerst advies moesten vragen.
                Dezelfde informatie werd door Veilig Thuis en door {TEAM} opnieuw bij het gezin opgehaald.
                De samenwerking tussen {TEAMS} en Veilig Thuis liep niet soepel: beide partijen hadden andere verwachtingen.

                @veiligthuis.afspraak
                {VT} koppelt binnen {werkdagen} werkdagen na het besluit over een melding terug aan de melder en, met toestemming, aan {TEAM}.
                Bij een overdracht naar vrijwillige hulp is er een warme overdracht: een gezamenlijk gesprek met het gezin, Veilig Thuis en de {TEAMLID}.
                {TEAM} start binnen tien werkdagen na de overdracht met de hulp.
                {VT} blijft [drie|zes] maanden na de overdracht betrokken voor de monitoring van de veiligheid.
                Professionals die twijfelen, vragen eerst advies aan Veilig Thuis; het advies wordt vastgelegd in het eigen dossier.
                Bij acute onveiligheid schakelt {VT} direct de crisisdienst in en informeert {TEAM} dezelfde dag.

                @veiligthuis.stap
                De professional doorloopt de stappen van de meldcode en vraagt zo nodig advies.
                Veilig Thuis beoordeelt de melding met de veiligheidsbeoordeling.
                Bij overdracht plant Veilig Thuis een gezamenlijk gesprek met het gezin en {TEAM}.
                {TEAM} stelt samen met het gezin een veiligheidsplan op.
                Na drie maanden volgt een monitoringsgesprek.

                @onderwijs.title
                Thuiszitters binnen zes weken aan tafel
                Integraal arrangeren van onderwijs en jeugdhulp
                Jeugdhulp op school in het [primair onderwijs|voortgezet onderwijs|speciaal onderwijs|mbo]
                {TEAM} op de basisschool
                Onderwijs tijdens en na verblijf
                Afbakening tussen jeugdhulp en onderwijsondersteuning
                Onderwijs-zorgcontinuüm: één plan voor school en gezin
                Zorg Advies Team en {TEAM}: wie doet wat?
                Stedelijk team voor het voortgezet onderwijs, speciaal onderwijs en het mbo
                Onderwijs op afstand tijdens een opname

                @onderwijs.intro
                Kinderen die jeugdhulp krijgen, moeten zoveel mogelijk naar school kunnen blijven gaan. Deze afspraak regelt de samenwerking tussen scholen, het samenwerkingsverband en {TEAM}.
                Met integraal arrangeren zetten onderwijs en jeugdhulp samen een arrangement rond een kind op, in plaats van twee losse trajecten naast elkaar.
                Het onderwijs-zorgcontinuüm vraagt om een gedeelde visie van samenwerkingsverband, gemeente en aanbieders. Deze afspraak is daar een concrete uitwerking van.
                Scholen zijn belangrijke vindplaatsen: daar zien professionals kinderen elke dag. Deze afspraak regelt hoe signalen van school snel bij de juiste hulp komen.

                @onderwijs.lek
                Thuiszitters werden pas maanden na uitval besproken, waardoor terugkeer naar school steeds moeilijker werd.
                School en jeugdhulp werkten met eigen plannen en doelen; ouders zaten bij twee aparte overleggen.
                Er ontstond stapeling van ondersteuning: huiswerkbegeleiding, dyslexiezorg en jeugdhulp zonder onderlinge afstemming.
                Jongeren in verblijf verloren hun plek op de eigen school.
                De intern begeleider wist niet wie bij {TEAM} het aanspreekpunt voor de school was.

                @onderwijs.afspraak
                Elke school heeft een vaste {TEAMLID} die [wekelijks|elke twee weken] op school aanwezig is.
                Een leerling die [vier|zes] weken niet of nauwelijks naar school gaat, wordt binnen tien werkdagen besproken met ouders, school, leerplicht en {TEAM}.
                Onderwijsondersteuning en jeugdhulp worden vastgelegd in één plan: het OPP en het gezinsplan verwijzen naar elkaar.
                Het samenwerkingsverband neemt kleinschalig aanbod op in het ondersteuningsplan; de gemeente regelt de jeugdhulpkant.
                Bij een opname of plaatsing maakt {aanbieder} afspraken met de eigen school over onderwijs op afstand.
                Huiswerkbegeleiding en dyslexie vallen onder het onderwijs; jeugdhulp op school wordt alleen ingezet als er meer nodig is.
                Het Zorg Advies Team van de school nodigt {TEAM} uit bij elke bespreking van een leerling met een jeugdhulpvraag.
                Kinderen die worden opgenomen, kunnen via een videoverbinding lessen van hun eigen klas volgen.

                @onderwijs.stap
                De mentor of intern begeleider signaleert de zorgen en bespreekt ze met de ouders.
                De school brengt de leerling in bij het Zorg Advies Team.
                De {TEAMLID} sluit aan en bespreekt met de ouders welke hulp nodig is.
                School en {TEAM} stellen samen één arrangement op.
                Na zes weken volgt een evaluatie met de leerling, de ouders en de leerplichtambtenaar.

                @eed.title
                Route bij een vermoeden van {eed}
                [EED-screening|Screening op ernstige enkelvoudige dyslexie] door de school
                Toegang tot dyslexiezorg via het leerlingdossier
                Bekostiging van dyslexiezorg met een uurtarief
                Afspraken tussen scholen en aanbieders van dyslexiezorg
                Screening door {TEAMS} bij een vermoeden van {eed}

                @eed.intro
                Bij een vermoeden van {eed} moet eerst de school aan de slag. Deze afspraak regelt wanneer een leerling in aanmerking komt voor dyslexiezorg vanuit de Jeugdwet.
                Dyslexiezorg is een onderdeel van de jeugdhulp dat dicht bij het onderwijs ligt. Scholen, aanbieders en de gemeente hebben afgesproken hoe de screening en de toegang verlopen.
                Een werkgroep van aanbieders van EED-zorg en het onderwijs heeft afspraken gemaakt over screening door de lokale teams, minder volume en betere samenwerking met school.

                @eed.lek
                Leerlingen werden verwezen zonder dat de school eerst extra begeleiding had gegeven.
                Leerlingdossiers waren onvolledig, waardoor de aanbieder de screening moest overdoen.
                Het aantal dyslexietrajecten steeg sterk, zonder dat duidelijk was of de problematiek echt ernstig en enkelvoudig was.
                Ouders kregen tegenstrijdige adviezen van school, huisarts en aanbieder.
                De dbc-systematiek gaf geen prikkel om de behandeling kort te houden.

                @eed.afspraak
                De school levert een compleet leerlingdossier aan met de resultaten van minstens [drie|twee] meetmomenten en de gegeven extra begeleiding.
                {TEAM} of de gemeente toetst het dossier binnen {werkdagen} werkdagen en geeft bij een vermoeden van {eed} een beschikking af.
                {aanbieder} doet de diagnostiek en bespreekt de uitkomst met de ouders en de school.
                Bij dyslexie met bijkomende problematiek (bijvoorbeeld {jggz}) is het geen enkelvoudige dyslexie en volgt overleg met {TEAM}.
                Dyslexiezorg wordt bekostigd met een uurtarief; er is een maximum aantal behandeluren per leerling.
                School en aanbieder stemmen de behandeling af op de ondersteuning in de klas.

                @eed.stap
                De leraar signaleert leesproblemen en start extra begeleiding.
                Na minstens drie meetmomenten bespreekt de intern begeleider het dossier met de ouders.
                De school stuurt het dossier naar het toetsingsloket.
                Na toekenning kiezen de ouders een gecontracteerde aanbieder.
                De aanbieder rapporteert halverwege en aan het eind van de behandeling aan de ouders en de school.
                """;

        /** Topics: information, waiting lists, administration, foster care, closed care, LVB, divorce. */
        static final String TOPICS_3 = """
                @informatie.title
                Toestemming en gegevensdeling binnen de koppelzone
                Informatie delen met toestemming van ouders en jongere
                Het overdrachtsdocument van de koppelzone
                Berichtenverkeer en dossiervorming bij overdracht
                Privacy bij casusbesprekingen
                Gegevensdeling tussen huisarts, {TEAM} en aanbieder
                Eén gezin, één plan: het gedeelde gezinsplan
                Stuurinformatie zonder namen: gegevens voor de gemeente

                @informatie.intro
                Goede samenwerking vraagt om het delen van informatie, maar wel zorgvuldig. Deze afspraak beschrijft welke informatie we delen, met wie, en op welke grond.
                Ouders en jongeren moeten hun verhaal niet steeds opnieuw vertellen. Tegelijk mag informatie alleen worden gedeeld als dat nodig is en als er een grondslag voor is.
                De AVG, het beroepsgeheim en de meldcode bepalen de grenzen. Binnen die grenzen spreken we hier af hoe we informatie uitwisselen.

                @informatie.lek
                Uit angst voor de AVG werd helemaal geen informatie gedeeld, ook niet als ouders toestemming gaven.
                Gemeenten vroegen aanbieders om namen van kinderen, maar worstelden met de privacy.
                Informatie werd via gewone e-mail gedeeld, wat niet veilig is.
                Elke organisatie gebruikte een eigen toestemmingsformulier, zodat ouders drie keer moesten tekenen.
                Het overdrachtsdocument ontbrak of was zo lang dat niemand het las.
                De ondersteuner bij de huisarts kon vanwege de privacyregels niet meekijken in het dossier van {TEAM}.

                @informatie.afspraak
                Alle partijen gebruiken het toestemmingsformulier van de koppelzone; één handtekening geldt voor alle betrokken organisaties.
                Het overdrachtsdocument is maximaal één A4 en bevat de hulpvraag, de doelen, wat bereikt is, signalen van terugval en contactgegevens.
                Informatie wordt gedeeld via Zorgmail of Veilig Mailen.
                Gegevens voor stuurinformatie worden geanonimiseerd of gepseudonimiseerd aangeleverd.
                Elke organisatie heeft een functionaris gegevensbescherming die vragen over deze afspraak beantwoordt.
                Bij casusbesprekingen worden alleen initialen en geboortejaar gebruikt.
                De verwijsindex wordt gebruikt om te zien welke professionals bij een jeugdige betrokken zijn.

                @informatie.stap
                De hulpverlener legt aan het gezin uit welke informatie wordt gedeeld en waarom.
                De ouders en de jongere tekenen het toestemmingsformulier.
                De informatie wordt via een beveiligde verbinding verstuurd.
                De ontvanger bevestigt de ontvangst en legt vast op welke grond de informatie is ontvangen.

                @wachtlijst.title
                Wachtlijstbemiddeling en overbruggingszorg
                Overbruggingszorg tijdens de wachttijd
                Wachttijden transparant: maandelijks overzicht per aanbieder
                Regionale zorgbemiddeling bij specialistische jeugdhulp
                Wachttijdenaanpak: niet rondbellen maar één overzicht
                Wachtlijstoverzicht per mail aan verwijzers
                Voorrangsregels bij wachttijden
                Gesprekken over wachttijden met aanbieders

                @wachtlijst.intro
                Wachttijden in de jeugdhulp zijn een bekend probleem. Deze afspraak over wachtlijstbemiddeling zorgt ervoor dat jeugdigen niet alleen op een lijst staan, maar in de tussentijd passende hulp krijgen.
                Wachtlijstbemiddeling is een vorm van sturing op casusniveau: per jeugdige kijken we welke jeugdhulpaanbieder het snelst passende hulp kan bieden.
                De regionale zorgbemiddelaars houden het aanbod en de vrije plekken bij. Met deze afspraak hoeven verwijzers niet meer rond te bellen.
                Aanbieders zijn gewend om met wachtlijsten te werken. In de koppelzone hebben we afgesproken hoe we daar samen anders mee omgaan.
                Onderzoek naar de oorzaken van problematische wachttijden liet zien dat een deel van de wachtlijst uit dubbele aanmeldingen bestond.

                @wachtlijst.lek
                Verwijzers moesten rondbellen om te horen waar plek was; de lijsten van de zorgbemiddelaars waren niet actueel.
                Jeugdigen stonden bij meerdere aanbieders tegelijk op de wachtlijst, waardoor de lijsten groter leken dan ze waren.
                Tijdens de wachttijd kreeg het gezin geen hulp en verergerden de problemen.
                Niemand hield in de gaten of de situatie van een wachtende jeugdige veranderde.
                Aanbieders met een wachtlijst werkten aan een verbeterplan, maar wisten niet hoe de gemeente daarbij kon helpen.

                @wachtlijst.afspraak
                Aanbieders melden [wekelijks|elke twee weken|maandelijks] hun wachttijden en vrije plekken aan de regionale zorgbemiddelaar.
                De zorgbemiddelaar stuurt verwijzers [elke maandag|elke eerste werkdag van de maand] een wachtlijstoverzicht per mail.
                De wachtlijstbemiddeling is belegd bij de regionale zorgbemiddelaars; verwijzers melden een jeugdige daar aan in plaats van bij de aanbieder zelf.
                Een jeugdige staat bij één aanbieder op de wachtlijst; dubbele aanmeldingen worden samengevoegd.
                Bij een wachttijd langer dan {weken} weken biedt {TEAM} of de aanbieder overbruggingszorg.
                De aanbieder neemt tijdens de wachttijd [elke vier weken|maandelijks] contact op met het gezin om te horen hoe het gaat.
                Bij een verslechterende situatie kan de verwijzer de zorgbemiddelaar om voorrang vragen.
                Aanbieders vragen de gemeente en de koppelzone om mee te denken als hun wachttijd langer dan {weken} weken dreigt te worden.

                @wachtlijst.stap
                De verwijzer meldt de jeugdige aan bij de zorgbemiddelaar.
                De zorgbemiddelaar zoekt binnen {werkdagen} werkdagen een passende aanbieder met de kortste wachttijd.
                Bij een wachttijd maakt de {TEAMLID} een plan voor overbruggingszorg.
                De aanbieder meldt de start van de hulp aan de verwijzer en aan de zorgbemiddelaar.

                @administratie.title
                Beschikking en declaratie bij [op- en afschalen|opschalen en afschalen|verlenging]
                Verlenging van de beschikking zonder nieuw gesprek
                Centrale facturatie in de regio {REGIO}
                Berichtenverkeer: 301- en 315-berichten
                Eén productenboek en één factuur per aanbieder
                Administratieve afspraken: geen lokale afwijkingen
                Tijdige toewijzing bij een spoedplaatsing
                Kosten inzichtelijk voor ouders via de beschikking
                Tweemaandelijkse productiebespreking met de regio

                @administratie.intro
                Administratieve lasten zijn een van de grootste waardelekken in de jeugdhulp. Deze afspraak beperkt het papierwerk bij wijzigingen in een traject.
                De gemeenten in {REGIO} werken met één contract en één productenboek. Deze afspraak beschrijft hoe facturatie en berichtenverkeer verlopen.
                Aanbieders en gemeenten hebben aan de regiotafel overbodige regels geschrapt. Wat overblijft, staat in deze afspraak.
                Met {bekostiging} hoort een eenvoudige administratie. Deze afspraak legt vast welke informatie de gemeente wel en niet vraagt.

                @administratie.lek
                Bij elke wijziging in een traject moest een nieuwe beschikking worden aangevraagd, ook als alleen de intensiteit veranderde.
                Aanbieders stuurden per gemeente een aparte factuur met verschillende eisen.
                Toewijzingen (301-berichten) kwamen te laat, waardoor aanbieders wekenlang niet konden declareren.
                Gemeenten vroegen extra informatie die niet in de regionale afspraken stond.
                Productcodes verschilden per gemeente, wat fouten en herstelwerk opleverde.

                @administratie.afspraak
                Bij op- of afschaling binnen hetzelfde product past {TEAM} de toewijzing aan zonder nieuw gesprek.
                De gemeente verstuurt het 301-bericht binnen {werkdagen} werkdagen na het besluit.
                Aanbieders sturen één factuur per maand naar het centrale facturatiepunt, met de gemeentecode per regel.
                Er is één productenboek voor alle gemeenten in {REGIO}; gemeenten wijken daar niet individueel van af.
                Extra informatie wordt alleen gevraagd als alle gemeenten daarmee hebben ingestemd.
                Aanbieders ontvangen [maandelijks|elk kwartaal] een voorschot; de afrekening volgt in april van het volgende jaar.
                Een verlenging wordt uiterlijk {weken} weken voor de einddatum aangevraagd en binnen {werkdagen} werkdagen beoordeeld.
                Ouders krijgen met de beschikking een brief waarin staat wat de hulp ongeveer kost.

                @administratie.stap
                De aanbieder stuurt een verzoek om toewijzing (315-bericht).
                De gemeente controleert het verzoek en stuurt de toewijzing (301-bericht).
                De aanbieder declareert maandelijks via het berichtenverkeer.
                Afwijkingen worden besproken in het kwartaaloverleg met de contractmanager.

                @pleegzorg.title
                Aanmelding en matching [pleegzorg|gezinshuizen|pleegzorg en gezinshuizen]
                Matching voor gezinshuizen: kennismaking vóór plaatsing
                Pleeg- en gezinshuiszorg: ondersteuning van pleegouders
                Netwerkpleegzorg: screening en begeleiding
                Plaatsing in een gezinshuis: aanmelding, matching en kennismaking
                Gezinsgericht verblijf in plaats van een leefgroep
                Dreigende breakdown in een pleeggezin

                @pleegzorg.intro
                Als een kind niet thuis kan wonen, is een pleeggezin of gezinshuis vaak de beste plek. Deze afspraak regelt de aanmelding, de matching en de ondersteuning van pleegouders.
                Een goede match tussen kind en pleeggezin voorkomt breakdowns. Daarom nemen we de tijd voor kennismaking, behalve bij spoed.
                In {REGIO} zijn te weinig pleeggezinnen en gezinshuizen. Deze afspraak zorgt dat de beschikbare plekken goed worden benut.

                @pleegzorg.lek
                Aanmeldingen voor pleegzorg waren onvolledig, waardoor de matching lang duurde.
                Kinderen werden in een leefgroep geplaatst omdat er geen gezinshuisplek bekend was.
                Pleegouders kregen te weinig ondersteuning en stopten na de eerste plaatsing.
                Bij een breakdown moest het kind opnieuw verhuizen, zonder dat duidelijk was wie de regie had.

                @pleegzorg.afspraak
                De verwijzer ({gi} of {TEAM}) levert een compleet aanmeldformulier aan, met de wensen van het kind en de ouders.
                De pleegzorgaanbieder doet binnen {werkdagen} werkdagen een matchingsvoorstel.
                Vóór een plaatsing is er minstens één kennismaking tussen kind, ouders en pleeggezin, behalve bij een crisisplaatsing.
                Netwerkpleegouders worden binnen [acht|twaalf|zestien] weken gescreend; tot die tijd begeleidt de pleegzorgaanbieder extra intensief.
                Pleegouders en gezinshuisouders hebben een vaste pleegzorgbegeleider en kunnen 24/7 terecht bij de crisisdienst.
                Bij een dreigende breakdown komen alle betrokkenen binnen een week bij elkaar.

                @pleegzorg.stap
                De verwijzer meldt het kind aan bij de pleegzorgaanbieder.
                De matcher zoekt een passend pleeggezin of gezinshuis.
                Er volgt een kennismaking en een plaatsingsgesprek.
                Na zes weken evalueren pleegouders, ouders en de pleegzorgbegeleider de plaatsing.

                @gesloten.title
                Per jongere een alternatief voor gesloten plaatsing
                Afbouw van {jzplus} en kleinschalig verblijf
                Ambulant team ter voorkoming van gesloten plaatsingen
                Overplaatsing uit {jzplus} naar een open setting
                Onderwijs tijdens en na kleinschalig verblijf
                Intensieve ambulante hulp als alternatief voor uithuisplaatsing
                InVerbindingteam en JIM als alternatief voor verblijf

                @gesloten.intro
                Een gesloten plaatsing is de zwaarste vorm van jeugdhulp. Met deze afspraak onderzoeken verwijzers en aanbieders per jongere wat een echt alternatief is.
                In plaats van uithuisplaatsing zetten we in op intensieve ambulante hulp, met een vertrouwde volwassene uit het netwerk van de jongere (JIM).
                De zorg verschuift van grote groepen naar kleinschalig verblijf, dicht bij huis en school. Deze afspraak regelt de samenwerking in die overgang.

                @gesloten.lek
                Jongeren werden gesloten geplaatst omdat er geen open alternatief beschikbaar was.
                Na een gesloten plaatsing was er geen plek om naar uit te stromen.
                Er was te weinig aandacht voor het systeem van de jongere, waardoor de uitstroom vertraagde.
                De school verloor het contact met de jongere tijdens het verblijf.

                @gesloten.afspraak
                Vóór elke machtiging gesloten jeugdhulp bespreken verwijzer en aanbieder samen wat een reëel alternatief is.
                Het ambulante team van {aanbieder} kan binnen [24|48] uur intensief thuis starten.
                De jongere kiest samen met het InVerbindingteam een JIM; met ouders en hulpverlener worden afspraken gemaakt over vertrouwelijkheid, contactfrequentie en grenzen.
                Vanaf de eerste week van een plaatsing wordt gewerkt aan een uitstroomplan, met aandacht voor wonen, school en netwerk.
                Kleinschalige verblijfsplekken liggen zoveel mogelijk in de regio, zodat de jongere naar de eigen school kan blijven gaan.
                De aanbieder werkt samen met het onderwijs, omdat het onderwijs een deel van de alternatieve zorg levert.

                @gesloten.stap
                De verwijzer meldt de jongere aan bij het alternatieventeam.
                Binnen {werkdagen} werkdagen is er een gezamenlijk gesprek met de jongere, de ouders, de JIM en de aanbieder.
                Het team stelt een plan op met een ambulant alternatief.
                Lukt dat niet, dan wordt een kleinschalige plek gezocht, zo dicht mogelijk bij huis.

                @lvb.title
                Jeugdigen met {lvb}: herkennen en doorverwijzen
                Consultatie voor {TEAMS} bij jeugdigen met {lvb}
                Samenwerking bij {lvb} en complexe meervoudige problematiek
                Overgang naar de volwassenenzorg bij {lvb}
                Ouders met {lvb}: aangepaste communicatie
                Diagnostiek en observatie bij (L)VB-jeugd met bijkomende problematiek

                @lvb.intro
                Een licht verstandelijke beperking wordt vaak laat herkend. Daardoor past de hulp niet en haken jongeren af. Deze afspraak helpt {TEAM} en aanbieders om {lvb} eerder te herkennen.
                Jeugdigen en ouders met {lvb} hebben baat bij eenvoudige taal, korte lijnen en een vaste hulpverlener. Deze afspraak legt vast hoe we daar samen voor zorgen.

                @lvb.lek
                Een LVB werd pas na maanden herkend, waardoor de ingezette hulp niet aansloot.
                Gespecialiseerde aanbieders kregen jongeren pas na meerdere mislukte trajecten.
                Schriftelijke informatie was te moeilijk voor ouders met een beperking.
                Rond het 18e jaar was onduidelijk of de Wlz of de Wmo verantwoordelijk werd.

                @lvb.afspraak
                {TEAM} gebruikt bij twijfel een korte screeningslijst en vraagt consultatie aan {aanbieder}.
                Voor jeugdigen met {lvb} en complexe meervoudige problematiek is er een gezamenlijke casusbespreking met de gespecialiseerde aanbieder.
                Brieven en plannen worden in eenvoudige taal (B1) geschreven.
                Uiterlijk op 17 jaar wordt beoordeeld of een Wlz-indicatie nodig is; de aanvraag wordt samen met de jongere voorbereid.
                Bij ouders met een beperking wordt een vaste hulpverlener ingezet die de gesprekken voorbereidt en samenvat.

                @lvb.stap
                De {TEAMLID} signaleert een mogelijke LVB en gebruikt de screeningslijst.
                Bij een positieve screening volgt een consult bij de gespecialiseerde aanbieder.
                Samen met het gezin wordt het plan aangepast.

                @scheiding.title
                Kinderen in een complexe scheiding
                Vechtscheidingen: samenwerking tussen {TEAM}, {gi} en de Raad voor de Kinderbescherming
                Ouderschapsplan en hulp bij scheidingsproblematiek
                Eén gezin, één plan bij scheiding
                Kindgesprek bij een scheiding

                @scheiding.intro
                Bij een complexe scheiding raken kinderen klem tussen hun ouders. Deze afspraak regelt hoe we vroeg en samen ingrijpen.
                Vechtscheidingen vragen om specifieke deskundigheid. {gi} traint {TEAMS}, en samen spreken we af wie wanneer aan zet is.

                @scheiding.lek
                Ouders zochten elk een eigen hulpverlener, waardoor hulpverleners tegen elkaar in werkten.
                Signalen van een escalerende scheiding werden laat opgepikt, pas als de rechter een onderzoek gelastte.
                {TEAMS} voelden zich onvoldoende toegerust voor vechtscheidingen.

                @scheiding.afspraak
                Bij een complexe scheiding is er één hulpverlener voor het hele gezin; beide ouders worden betrokken.
                {TEAM} kan laagdrempelig consultatie vragen aan {gi} over scheidingsproblematiek.
                {gi} verzorgt [jaarlijks|twee keer per jaar] deskundigheidsbevordering over vechtscheidingen voor {TEAMS}.
                Bij escalatie wordt de casus besproken aan de beschermingstafel.
                De stem van het kind wordt vastgelegd in een kindgesprek, ook bij jonge kinderen.

                @scheiding.stap
                De {TEAMLID} voert met elke ouder afzonderlijk een gesprek.
                Er volgt een gezamenlijk gesprek over het ouderschapsplan.
                Bij aanhoudende strijd wordt {gi} om consultatie gevraagd.
                """;
    }
}

package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.search.Analyzers;
import nl.afsprakenwiki.search.SearchIndex;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.search.SearchRequest;
import nl.afsprakenwiki.search.SearchResult;
import nl.afsprakenwiki.search.SearchService;
import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import nl.afsprakenwiki.text.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Measures search quality with graded judgments on two sets (docs/SEARCH.md): the demo corpus
 * ({@code judgments.tsv}) and an evaluation corpus written for this purpose only ({@code corpus/},
 * {@code corpus-judgments.tsv}). For each it reports nDCG@10, MRR and recall@10 of the wiki's search
 * and of a plain BM25 baseline ({@link PlainBm25}: StandardAnalyzer, OR of the words, the same field
 * weights) over the same texts, overall and per query type. Run it with scripts/search-quality.sh;
 * SearchRelevanceTest holds the search to its targets.
 */
public final class RelevanceEvaluation {

    static final int DEPTH = 10;
    /** Sees every agreement, drafts included: the judgments cover the whole corpus. */
    private static final Viewer EVERYTHING = new Viewer(0L, "evaluatie", "Evaluatie", null, true, Map.of(),
            Viewer.Via.NONE);

    /** A relevance set: where its agreements come from and its judgments. */
    public enum RelevanceSet {
        DEMO("demo corpus (src/main/resources/demo)", null, "/search-quality/judgments.tsv"),
        CORPUS("evaluation corpus (src/test/resources/search-quality/corpus)", "/search-quality/corpus",
                "/search-quality/corpus-judgments.tsv");

        final String description;
        final String corpus;
        final String judgments;

        RelevanceSet(String description, String corpus, String judgments) {
            this.description = description;
            this.corpus = corpus;
            this.judgments = judgments;
        }
    }

    /** One query with its type and judged agreements (id → grade: 2 wanted, 1 partly relevant). */
    public record Judged(String query, String type, Map<Long, Integer> grades) {
    }

    /** The scores of one query, with what it returned. */
    public record Scores(double ndcg, double reciprocalRank, double recall, List<Long> top) {
    }

    /** Mean scores, the per-query scores and the mean per query type. */
    public record Report(String name, double ndcg, double mrr, double recall, Map<String, Scores> perQuery,
                         Map<String, double[]> perType) {
    }

    /** Both reports of one set: the wiki's search and the plain BM25 baseline. */
    public record Evaluation(RelevanceSet set, int agreements, List<Judged> judged, Report search, Report baseline) {
    }

    private RelevanceEvaluation() {
    }

    /** Loads the set's corpus into {@code work}, indexes it both ways and scores every judged query. */
    public static Evaluation run(Path work, RelevanceSet set) {
        try {
            return load(work, set);
        } catch (IOException | nl.afsprakenwiki.transfer.ImportFailed e) {
            throw new IllegalStateException("cannot load " + set.description, e);
        }
    }

    private static Evaluation load(Path work, RelevanceSet set) throws IOException, nl.afsprakenwiki.transfer.ImportFailed {
        Path data = work.resolve("data");
        try (Database db = Database.open(data)) {
            Services services = Services.create(Settings.forTests(data), db, Clock.systemUTC());
            if (set.corpus == null) {
                services.demo().loadIfEmpty(Progress.NONE);
            } else {
                services.importer().importFolder(resource(set.corpus), "evaluatie", Progress.NONE);
            }
            Map<String, Long> ids = ids(db);
            List<Judged> judged = judgments(set.judgments, ids);
            Report search;
            try (SearchIndex index = SearchIndex.open(work.resolve("search"), db, Analyzers.of(DutchAnalysis.load()),
                    new MarkdownRenderer(), new nl.afsprakenwiki.privacy.TextGuard(services.privacy().detector(),
                            (handle, actor, action, target, koppelzone, details) -> { }, Clock.systemUTC(),
                            services.partyContacts()))) {
                index.catchUp(Progress.NONE);
                SearchService service = new SearchService(index);
                search = evaluate("Afsprakenwiki", judged, query -> service.search(
                        new SearchRequest(query, Map.of(), Order.RELEVANCE, 0, DEPTH), EVERYTHING).hits()
                        .stream().map(SearchResult.Hit::id).toList());
            }
            Report baseline;
            try (PlainBm25 plain = PlainBm25.of(db, new MarkdownRenderer())) {
                baseline = evaluate("BM25 (StandardAnalyzer, OR)", judged, query -> plain.search(query, DEPTH));
            }
            return new Evaluation(set, (int) ids.values().stream().distinct().count(), judged, search, baseline);
        }
    }

    private interface Engine {
        List<Long> top(String query);
    }

    private static Report evaluate(String name, List<Judged> judged, Engine engine) {
        Map<String, Scores> perQuery = new LinkedHashMap<>();
        Map<String, List<Scores>> byType = new TreeMap<>();
        for (Judged query : judged) {
            Scores scores = score(engine.top(query.query()), query.grades());
            perQuery.put(query.query(), scores);
            byType.computeIfAbsent(query.type(), type -> new ArrayList<>()).add(scores);
        }
        Map<String, double[]> perType = new LinkedHashMap<>();
        byType.forEach((type, list) -> perType.put(type, new double[]{mean(list, Scores::ndcg),
                mean(list, Scores::reciprocalRank), mean(list, Scores::recall), list.size()}));
        List<Scores> all = List.copyOf(perQuery.values());
        return new Report(name, mean(all, Scores::ndcg), mean(all, Scores::reciprocalRank), mean(all, Scores::recall),
                perQuery, perType);
    }

    /** nDCG@10 with gains 2^grade - 1, reciprocal rank of the first grade-2 hit, recall@10 of grades 1 and 2. */
    static Scores score(List<Long> top, Map<Long, Integer> grades) {
        double dcg = 0;
        double reciprocal = 0;
        int found = 0;
        for (int rank = 0; rank < Math.min(DEPTH, top.size()); rank++) {
            int grade = grades.getOrDefault(top.get(rank), 0);
            dcg += (Math.pow(2, grade) - 1) / log2(rank + 2);
            if (grade == 2 && reciprocal == 0) {
                reciprocal = 1.0 / (rank + 1);
            }
            if (grade > 0) {
                found++;
            }
        }
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort((a, b) -> b - a);
        double idcg = 0;
        for (int rank = 0; rank < Math.min(DEPTH, ideal.size()); rank++) {
            idcg += (Math.pow(2, ideal.get(rank)) - 1) / log2(rank + 2);
        }
        return new Scores(idcg == 0 ? 0 : dcg / idcg, reciprocal, (double) found / grades.size(), top);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double mean(List<Scores> scores, ToDoubleFunction<Scores> measure) {
        return scores.stream().mapToDouble(measure).average().orElse(0);
    }

    /** Agreement ids by "koppelzone-slug/slug", and by slug alone where that is unambiguous. */
    private static Map<String, Long> ids(Database db) {
        Map<String, Long> ids = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        db.read(handle -> handle.createQuery("SELECT a.id, a.slug, k.slug FROM agreement a JOIN koppelzone k ON k.id = a.koppelzone_id")
                .map((rs, ctx) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}).list())
                .forEach(row -> {
                    ids.put(row[2] + "/" + row[1], (Long) row[0]);
                    ids.put((String) row[1], (Long) row[0]);
                    uses.merge((String) row[1], 1, Integer::sum);
                });
        uses.forEach((slug, count) -> {
            if (count > 1) {
                ids.remove(slug);
            }
        });
        return ids;
    }

    private static List<Judged> judgments(String resource, Map<String, Long> ids) {
        List<Judged> judged = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(RelevanceEvaluation.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3) {
                    throw new IllegalStateException("expected query, type and judgments in " + line);
                }
                Map<Long, Integer> grades = new LinkedHashMap<>();
                for (String judgment : fields[2].split(",")) {
                    String[] pair = judgment.strip().split("=");
                    Long id = ids.get(pair[0].strip());
                    if (id == null) {
                        throw new IllegalStateException("unknown or ambiguous agreement '" + pair[0] + "' in " + line);
                    }
                    grades.put(id, Integer.parseInt(pair[1].strip()));
                }
                judged.add(new Judged(fields[0].strip(), fields[1].strip(), grades));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return judged;
    }

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(RelevanceEvaluation.class.getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints both sets: overall, per query type, and the queries where the search still falls short. */
    public static void main(String[] args) throws IOException {
        boolean verbose = List.of(args).contains("--alle");
        RelevanceSet[] sets = RelevanceSet.values();
        for (int i = 0; i < sets.length; i++) {
            RelevanceSet set = sets[i];
            System.err.printf("[%d/%d] %s: loading, indexing twice, scoring%n", i + 1, sets.length, set.description);
            Path work = Files.createTempDirectory("search-quality");
            Evaluation evaluation;
            try {
                evaluation = run(work, set);
            } finally {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            print(evaluation, verbose);
        }
    }

    private static void print(Evaluation evaluation, boolean verbose) {
        Report search = evaluation.search();
        Report baseline = evaluation.baseline();
        System.out.printf("%n== %s: %d agreements, %d queries%n", evaluation.set().description, evaluation.agreements(),
                evaluation.judged().size());
        System.out.printf("%-28s %8s %8s %10s%n", "", "nDCG@10", "MRR", "recall@10");
        for (Report report : List.of(search, baseline)) {
            System.out.printf("%-28s %8.3f %8.3f %10.3f%n", report.name(), report.ndcg(), report.mrr(), report.recall());
        }
        System.out.printf("%nper query type (search / baseline):%n%-12s %6s %15s %15s %15s%n", "type", "queries",
                "nDCG@10", "MRR", "recall@10");
        search.perType().forEach((type, values) -> {
            double[] base = baseline.perType().get(type);
            System.out.printf("%-12s %6d %7.3f / %.3f %7.3f / %.3f %7.3f / %.3f%n", type, (int) values[3], values[0],
                    base[0], values[1], base[1], values[2], base[2]);
        });
        System.out.printf("%n%s (nDCG@10 search / baseline):%n", verbose ? "every query" : "queries below 0.6");
        search.perQuery().forEach((query, scores) -> {
            if (verbose || scores.ndcg() < 0.6) {
                System.out.printf("  %5.2f / %5.2f  %s%n", scores.ndcg(), baseline.perQuery().get(query).ndcg(), query);
            }
        });
    }
}

package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.auth.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.search.Analyzers;
import nl.afsprakenwiki.search.SearchIndex;
import nl.afsprakenwiki.search.SearchRequest;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.search.SearchResult;
import nl.afsprakenwiki.search.SearchService;
import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import nl.afsprakenwiki.transfer.Progress;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.Set;

/**
 * Measures search quality on the demo corpus with graded judgments
 * ({@code src/test/resources/search-quality/judgments.tsv}): nDCG@10, MRR and recall@10 for the
 * Dutch analysis and, on the same documents through the same search code, for a plain
 * StandardAnalyzer. Run it with scripts/search-quality.sh; SearchRelevanceTest keeps it honest.
 */
public final class RelevanceEvaluation {

    static final int DEPTH = 10;
    private static final String JUDGMENTS = "/search-quality/judgments.tsv";
    /** Sees every agreement, drafts included: the judgments cover the whole demo corpus. */
    private static final Viewer EVERYTHING = new Viewer(0L, "evaluatie", "Evaluatie", null, true, Map.of(),
            Viewer.Via.NONE);

    /** One query with its judged agreements (id → grade: 2 wanted, 1 partly relevant). */
    public record Judged(String query, Map<Long, Integer> grades) {
    }

    /** The scores of one query under one analysis, with what it returned. */
    public record Scores(double ndcg, double reciprocalRank, double recall, List<Long> top) {
    }

    /** Mean scores and the per-query scores of one analysis. */
    public record Report(String name, double ndcg, double mrr, double recall, Map<String, Scores> perQuery) {
    }

    private RelevanceEvaluation() {
    }

    /** Loads the demo corpus into {@code work}, indexes it both ways and scores every judged query. */
    public static List<Report> run(Path work) {
        Path data = work.resolve("data");
        try (Database db = Database.open(data)) {
            Services services = Services.create(Settings.forTests(data), db, Clock.systemUTC());
            services.demo().loadIfEmpty(Progress.NONE);
            List<Judged> judged = judgments(slugs(db));
            DutchAnalysis dutch = DutchAnalysis.load();
            Analyzers standard = new Analyzers(new StandardAnalyzer(), new StandardAnalyzer(), new StandardAnalyzer(),
                    Set.of());
            return List.of(evaluate("Nederlandse analyse", work.resolve("dutch"), db, Analyzers.of(dutch), judged),
                    evaluate("StandardAnalyzer", work.resolve("standard"), db, standard, judged));
        }
    }

    private static Report evaluate(String name, Path indexDir, Database db, Analyzers analyzers, List<Judged> judged) {
        try (SearchIndex index = SearchIndex.open(indexDir, db, analyzers, new MarkdownRenderer())) {
            index.catchUp(Progress.NONE);
            SearchService search = new SearchService(index);
            Map<String, Scores> perQuery = new LinkedHashMap<>();
            for (Judged query : judged) {
                SearchResult result = search.search(new SearchRequest(query.query(), Map.of(), Order.RELEVANCE, 0,
                        DEPTH), EVERYTHING);
                List<Long> top = result.hits().stream().map(SearchResult.Hit::id).toList();
                perQuery.put(query.query(), score(top, query.grades()));
            }
            return new Report(name, mean(perQuery, Scores::ndcg), mean(perQuery, Scores::reciprocalRank),
                    mean(perQuery, Scores::recall), perQuery);
        }
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

    private static double mean(Map<String, Scores> scores, java.util.function.ToDoubleFunction<Scores> measure) {
        return scores.values().stream().mapToDouble(measure).average().orElse(0);
    }

    /** Agreement ids by slug, and by "koppelzone-slug/slug" for slugs used in more than one koppelzone. */
    private static Map<String, Long> slugs(Database db) {
        Map<String, Long> ids = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        db.read(h -> h.createQuery("SELECT a.id, a.slug, k.slug FROM agreement a JOIN koppelzone k ON k.id = a.koppelzone_id")
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

    private static List<Judged> judgments(Map<String, Long> ids) {
        List<Judged> judged = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(RelevanceEvaluation.class.getResourceAsStream(JUDGMENTS), JUDGMENTS),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                Map<Long, Integer> grades = new LinkedHashMap<>();
                for (String judgment : fields[1].split(",")) {
                    String[] pair = judgment.strip().split("=");
                    Long id = ids.get(pair[0].strip());
                    if (id == null) {
                        throw new IllegalStateException("unknown or ambiguous agreement '" + pair[0] + "' in " + line);
                    }
                    grades.put(id, Integer.parseInt(pair[1].strip()));
                }
                judged.add(new Judged(fields[0].strip(), grades));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return judged;
    }

    /** Prints both reports side by side, then the queries where the Dutch analysis still falls short. */
    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("search-quality");
        System.err.println("[1/2] loading the demo corpus and indexing it twice (Dutch analysis, StandardAnalyzer)");
        List<Report> reports;
        try {
            reports = run(work);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.err.println("[2/2] scoring");
        Report dutch = reports.get(0);
        Report standard = reports.get(1);
        System.out.printf("%-24s %8s %8s %10s%n", "", "nDCG@10", "MRR", "recall@10");
        for (Report report : reports) {
            System.out.printf("%-24s %8.3f %8.3f %10.3f%n", report.name(), report.ndcg(), report.mrr(), report.recall());
        }
        System.out.printf("%n%d queries. Per query, nDCG@10 Dutch / Standard:%n", dutch.perQuery().size());
        dutch.perQuery().forEach((query, scores) -> System.out.printf("  %5.2f / %5.2f  %s%s%n", scores.ndcg(),
                standard.perQuery().get(query).ndcg(), query, scores.ndcg() < 0.5 ? "   <- weak" : ""));
    }
}

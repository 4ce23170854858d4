package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.SearchRequest;
import nl.afsprakenwiki.search.SearchService;
import nl.afsprakenwiki.text.Progress;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A quick in-process probe on an existing, loaded benchmark directory (no rebuild, no HTTP): the
 * benchmark's queries for some rounds, p50 / p99, and the slowest queries by their median CPU time. For
 * comparing alternatives of the query path; the figures of record come from {@link SearchBenchmark}.
 *
 * <pre>QueryProbe --data DIR [--rounds N] [--rebuild] [--only QUERY] [--out FILE]</pre>
 *
 * <p>{@code --out} writes every query's median CPU time (tab-separated), so two versions of the code
 * can be compared query by query: on a busy machine the queries a change does not touch show the drift.
 */
public final class QueryProbe {

    public static void main(String[] args) throws Exception {
        Path work = null;
        int rounds = 3;
        boolean rebuild = false;
        String only = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> work = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--rebuild" -> rebuild = true;
                case "--only" -> only = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dataDir = work.resolve("data");
        try (Database db = Database.open(dataDir)) {
            Services services = Services.create(Settings.forTests(dataDir), db, Clock.systemUTC());
            if (rebuild) {
                long start = System.nanoTime();
                int indexed = services.search().index().rebuild(Progress.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("reindex: %,d in %.1f s = %,.0f/s%n", indexed, seconds, indexed / seconds);
            }
            services.search().index().catchUp(Progress.NONE);
            SearchService search = services.search().service();
            List<String> queries = only == null ? Queries.mixed(new Random(42), 240) : Collections.nCopies(50, only);
            List<Double> all = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Map<String, List<Double>> byQuery = new TreeMap<>();
            long hits = 0;
            for (int round = 0; round <= rounds; round++) {
                for (String query : queries) {
                    SearchRequest request = Queries.request(query);
                    long t = System.nanoTime();
                    long c = threads.getCurrentThreadCpuTime();
                    hits += search.search(request, Viewer.ANONYMOUS).total();
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (round > 0) {
                        double cpuMs = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                        cpu.add(cpuMs);
                        all.add(ms);
                        byQuery.computeIfAbsent(query, q -> new ArrayList<>()).add(cpuMs);
                    }
                }
            }
            Collections.sort(all);
            Collections.sort(cpu);
            System.out.printf("cpu time of the searching thread: p50 %.2f ms, p90 %.2f, p99 %.2f ms, mean %.2f ms%n",
                    at(cpu, 50), at(cpu, 90), at(cpu, 99), cpu.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            System.out.printf("in process: p50 %.2f ms, p90 %.2f, p99 %.2f ms, max %.2f ms, mean %.2f ms, mean hits %.0f%n",
                    at(all, 50), at(all, 90), at(all, 99), all.get(all.size() - 1),
                    all.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    hits / (double) ((rounds + 1) * queries.size()));
            byQuery.entrySet().stream()
                    .sorted((a, b) -> Double.compare(median(b.getValue()), median(a.getValue())))
                    .limit(40)
                    .forEach(e -> System.out.printf("  %7.2f ms cpu  %s%n", median(e.getValue()), e.getKey()));
            if (out != null) {
                List<String> lines = new ArrayList<>();
                byQuery.forEach((query, times) -> lines.add(String.format(java.util.Locale.ROOT, "%.3f\t%s",
                        median(times), query)));
                java.nio.file.Files.write(out, lines);
            }
            services.search().close();
        }
        System.exit(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double at(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}

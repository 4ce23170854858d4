package nl.afsprakenwiki.bench;

import io.javalin.Javalin;
import nl.afsprakenwiki.App;
import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.SearchIndex;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.search.SearchRequest;
import nl.afsprakenwiki.search.SearchService;
import nl.afsprakenwiki.text.Progress;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The search benchmark of issue 4 (not a test): generates a synthetic corpus, loads it through the
 * normal import and index path, and measures indexing throughput, in-process query latency with
 * highlighting and facets, HTTP latency at 8 clients, start-up with an existing index, index size
 * and heap. Run it with scripts/search-benchmark.sh; results go into docs/BENCHMARKS.md.
 *
 * <pre>SearchBenchmark [--count N] [--data DIR] [--http-seconds S] [--phase load|measure] [--keep-index]</pre>
 *
 * <p>({@code --phase clients --port P} is the HTTP clients' own JVM, started by the measure phase.)
 *
 * <p>{@code --keep-index} skips the reindex of the measure phase (no indexing figure): for comparing
 * two versions of the query path on the same, already built index.
 */
public final class SearchBenchmark {

    private static final int QUERY_ROUNDS = 5;
    /**
     * Warm-up before each measurement, as in any benchmark of a JVM: the in-process rounds and the
     * HTTP clients first run this long unmeasured, so that what is measured is the server after its
     * JIT compilation and not during it (one round of 240 queries was not enough: the first
     * 20 s over HTTP ran at half the steady throughput).
     */
    private static final int WARMUP_SECONDS = 15;
    private static final int HTTP_CLIENTS = 8;

    public static void main(String[] args) throws Exception {
        int count = 50_000;
        Path work = null;
        int httpSeconds = 30;
        String phase = "all";
        boolean keepIndex = false;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--data" -> work = Path.of(args[++i]);
                case "--http-seconds" -> httpSeconds = Integer.parseInt(args[++i]);
                case "--phase" -> phase = args[++i];
                case "--keep-index" -> keepIndex = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (phase.equals("clients")) {
            // the HTTP clients, in a JVM of their own (see httpClients): one line of figures
            http(port, Queries.mixed(new Random(42), 240), WARMUP_SECONDS); // warm-up, not measured
            List<Double> latencies = http(port, Queries.mixed(new Random(42), 240), httpSeconds);
            System.out.printf(java.util.Locale.ROOT, "clients %d %.3f %.3f%n", latencies.size(), percentile(latencies, 50),
                    percentile(latencies, 99));
            System.exit(0);
        }
        if (work == null) {
            work = Files.createTempDirectory("search-bench");
        }
        try {
            if (!phase.equals("measure")) {
                load(work, count);
            }
            if (!phase.equals("load")) {
                measure(work, httpSeconds, keepIndex);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** Generates the corpus, imports it and indexes it: what the import command does. */
    private static void load(Path work, int count) {
        Path corpus = work.resolve("corpus");
        Path dataDir = work.resolve("data");
        System.err.printf("[load 1/3] generating %,d agreements into %s%n", count, corpus);
        new CorpusGenerator(CorpusGenerator.DEFAULT_SEED).write(corpus, count);
        try (Database db = Database.open(dataDir)) {
            Services services = Services.create(Settings.forTests(dataDir), db, Clock.systemUTC());
            System.err.println("[load 2/3] importing (the import command's path)");
            long start = System.nanoTime();
            services.importer().importFolder(corpus, "benchmark", Progress.to(System.err));
            long importNanos = System.nanoTime() - start;
            System.err.println("[load 3/3] indexing what was imported (the import command's next step)");
            start = System.nanoTime();
            int indexed = services.search().index().catchUp(Progress.to(System.err));
            long indexNanos = System.nanoTime() - start;
            services.search().close();
            System.out.printf("load: %,d agreements, %.1f MB of markdown; import %.1f s; indexing after import "
                            + "%,d agreements in %.1f s = %,.0f agreements/s (max heap %d MB)%n", count,
                    folderSize(corpus) / 1e6, importNanos / 1e9, indexed, indexNanos / 1e9,
                    indexed / (indexNanos / 1e9), Runtime.getRuntime().maxMemory() >> 20);
        } catch (Exception e) {
            throw new IllegalStateException("loading the corpus failed", e);
        }
    }

    /** Rebuilds the index, starts the server on it and measures queries; meant for -Xmx512m. */
    private static void measure(Path work, int httpSeconds, boolean keepIndex) throws Exception {
        Path dataDir = work.resolve("data");
        Settings settings = Settings.forTests(dataDir);
        int indexed = 0;
        long indexNanos = 0;
        if (!keepIndex) {
            try (Database db = Database.open(dataDir)) {
                Services services = Services.create(settings, db, Clock.systemUTC());
                System.err.println("[measure 1/5] rebuilding the index from the database (reindex)");
                long start = System.nanoTime();
                indexed = services.search().index().rebuild(Progress.to(System.err));
                indexNanos = System.nanoTime() - start;
                services.search().close();
            }
        }

        System.err.println("[measure 2/5] starting the server on the existing index");
        long start = System.nanoTime();
        Database db = Database.open(dataDir);
        Services services = Services.create(settings, db, Clock.systemUTC());
        Javalin app = App.create(services).start();
        SearchService search = services.search().service();
        search.search(new SearchRequest("jeugdhulp", Map.of(), Order.RELEVANCE, 0, 10), Viewer.ANONYMOUS);
        long startupNanos = System.nanoTime() - start;
        SearchIndex index = services.search().index();
        boolean caughtUp = index.catchUp(Progress.NONE) > 0;

        List<String> queries = Queries.mixed(new Random(42), 240);
        System.err.printf("[measure 3/5] in process: %d queries x %d rounds after %d s of warm-up rounds%n",
                queries.size(), QUERY_ROUNDS, WARMUP_SECONDS);
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
        do {
            for (String query : queries) {
                search.search(Queries.request(query), Viewer.ANONYMOUS);
            }
        } while (System.nanoTime() < warmEnd);
        List<Double> inProcess = new ArrayList<>();
        long hits = 0;
        for (int round = 0; round < QUERY_ROUNDS; round++) {
            for (String query : queries) {
                SearchRequest request = Queries.request(query);
                long t = System.nanoTime();
                hits += search.search(request, Viewer.ANONYMOUS).total();
                inProcess.add((System.nanoTime() - t) / 1e6);
            }
        }

        System.err.printf("[measure 4/5] HTTP: %d clients (a JVM of their own) for %d s on /api/v1/search, after %d s "
                + "of warm-up%n", HTTP_CLIENTS, httpSeconds, WARMUP_SECONDS);
        double[] http = httpClients(app.port(), httpSeconds);
        String wrk = wrk(app.port(), queries, httpSeconds);

        System.err.println("[measure 5/5] heap and index size");
        System.gc();
        Thread.sleep(500);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

        System.out.printf("machine: %d cores, %s, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                memory(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("visitors' answer cache: %s (-Dafsprakenwiki.search.answerCache=off disables it)%n",
                "off".equals(System.getProperty("afsprakenwiki.search.answerCache")) ? "off" : "on");
        System.out.printf("index: %,d documents, %.1f MB on disk%n", index.documentCount(),
                index.sizeOnDisk() / 1e6);
        if (!keepIndex) {
            System.out.printf("indexing (reindex): %,d agreements in %.1f s = %,.0f agreements/s%n", indexed,
                    indexNanos / 1e9, indexed / (indexNanos / 1e9));
        }
        System.out.printf("start-up with the existing index, to the first answered search: %.2f s (had to catch up: %s)%n",
                startupNanos / 1e9, caughtUp ? "yes" : "no");
        System.out.printf("in process (%d queries x %d, highlighting and facets, mean %.0f hits): p50 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms%n", queries.size(), QUERY_ROUNDS,
                hits / (double) (QUERY_ROUNDS * queries.size()), percentile(inProcess, 50),
                percentile(inProcess, 99), percentile(inProcess, 100));
        System.out.printf("HTTP /api/v1/search, %d Java clients in their own JVM, %d s: %,.0f requests, %.0f req/s, "
                        + "p50 %.2f ms, p99 %.2f ms%n", HTTP_CLIENTS, httpSeconds, http[0], http[0] / httpSeconds, http[1],
                http[2]);
        if (wrk != null) {
            System.out.println(wrk);
        }
        System.out.printf("heap used after GC, server running: %d MB%n", heap >> 20);
        app.stop();
        services.search().close();
        db.close();
    }

    /**
     * The Java clients ({@link #http}) in a JVM of their own, as real clients are: inside the server's JVM
     * their garbage paused the server's threads too. Returns the number of requests, p50 and p99 (ms).
     */
    private static double[] httpClients(int port, int seconds) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SearchBenchmark.class.getName(), "--phase", "clients", "--port", Integer.toString(port),
                "--http-seconds", Integer.toString(seconds)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.startsWith("clients ")) {
            throw new IllegalStateException("the HTTP clients failed: " + output);
        }
        String[] figures = output.strip().split(" ");
        return new double[]{Double.parseDouble(figures[1]), Double.parseDouble(figures[2]), Double.parseDouble(figures[3])};
    }

    /**
     * Eight independent clients, each a thread with its own keep-alive connection ({@link PlainHttp}:
     * blocking, no shared selector, as lean as a client written in C), cycling through the queries from
     * different starting points.
     */
    private static List<Double> http(int port, List<String> queries, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(HTTP_CLIENTS);
        List<Future<List<Double>>> futures = new ArrayList<>();
        for (int c = 0; c < HTTP_CLIENTS; c++) {
            int offset = c * 31;
            futures.add(pool.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                int i = offset;
                try (PlainHttp client = new PlainHttp("127.0.0.1", port)) {
                    while (System.nanoTime() < end) {
                        String query = queries.get(i++ % queries.size());
                        long t = System.nanoTime();
                        fetch(client, port, query);
                        latencies.add((System.nanoTime() - t) / 1e6);
                    }
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return all;
    }

    /** One request on {@code client}'s connection, read to the end; fails on anything but 200. */
    private static void fetch(PlainHttp client, int port, String query) throws IOException {
        URI uri = uri(port, query);
        int status = client.send("GET", uri.getRawPath() + "?" + uri.getRawQuery(), null, 30_000).status();
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status + " for " + query);
        }
    }

    /**
     * The same load from wrk, when it is installed: a client written in C takes far less of the two
     * cores than Java clients in the server's own JVM (which also share its garbage collector), so what
     * it measures is closer to the server's own latency.
     */
    private static String wrk(int port, List<String> queries, int seconds) throws Exception {
        Path wrk = Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "wrk")).filter(Files::isExecutable).findFirst().orElse(null);
        if (wrk == null) {
            System.err.println("(wrk is not installed: the HTTP figures come from the Java client only)");
            return null;
        }
        System.err.printf("[measure 4b/5] HTTP with wrk: %d connections for %d s%n", HTTP_CLIENTS, seconds);
        Path paths = Files.createTempFile("queries", ".txt");
        Path script = Files.createTempFile("queries", ".lua");
        Files.write(paths, queries.stream().map(query -> {
            String url = uri(port, query).toString();
            return url.substring(url.indexOf("/api/"));
        }).toList());
        Files.writeString(script, """
                local paths = {}
                for line in io.lines("%s") do paths[#paths + 1] = line end
                local i = math.random(#paths)
                request = function()
                  i = i %% #paths + 1
                  return wrk.format("GET", paths[i])
                end
                """.formatted(paths));
        Process process = new ProcessBuilder(wrk.toString(), "-t2", "-c" + HTTP_CLIENTS, "-d" + seconds + "s",
                "--latency", "-s", script.toString(), "http://127.0.0.1:" + port).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        String p50 = field(output, "^\\s+50%\\s+(\\S+)");
        String p99 = field(output, "^\\s+99%\\s+(\\S+)");
        String rate = field(output, "^Requests/sec:\\s+(\\S+)");
        String errors = output.contains("Non-2xx") ? field(output, "Non-2xx or 3xx responses:\\s+(\\d+)") : "0";
        return String.format("HTTP /api/v1/search with wrk, %d connections, %d s: %s req/s, p50 %s, p99 %s, non-2xx %s",
                HTTP_CLIENTS, seconds, rate, p50, p99, errors);
    }

    private static String field(String output, String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.MULTILINE)
                .matcher(output);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static URI uri(int port, String query) {
        SearchRequest request = Queries.request(query);
        StringBuilder url = new StringBuilder("http://127.0.0.1:" + port + "/api/v1/search?limit=10&q=")
                .append(URLEncoder.encode(request.text(), StandardCharsets.UTF_8));
        request.filters().forEach((dimension, values) -> values.forEach(value -> url.append('&').append(dimension)
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return URI.create(url.toString());
    }

    private static double percentile(List<Double> values, int percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static long folderSize(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    return String.format(Locale.ROOT, "%.0f GB RAM",
                            Long.parseLong(line.replaceAll("\\D", "")) / 1_048_576.0);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not on Linux: leave it out
        }
        return "RAM unknown";
    }
}

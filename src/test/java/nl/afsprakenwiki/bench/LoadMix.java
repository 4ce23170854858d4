package nl.afsprakenwiki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The mixed load of issue 20 (not a test): closed-loop workers, one request in flight each, draw
 * requests from a fixed mix ({@link Kind}) over URLs of the data set ({@link MixUrls}), each on a
 * keep-alive connection of its own ({@link PlainHttp}, so that the generator takes little of the two
 * cores it shares with the server), and record
 * every latency per kind, so that throughput, p50/p99/max, non-2xx and time-outs are per kind, not
 * only overall. It runs in its own JVM; the server's CPU time (from /proc) and heap (jcmd) are read
 * before and after each phase. Run it with scripts/load-mix.sh.
 *
 * <pre>LoadMix --base URL --db FILE --pid PID [--token T] [--cookie C] [--connections 16,64] [--seconds 30]
 *         [--warmup 20] [--timeout-ms 2000] [--seed S] [--trace FILE] [--without-saves]</pre>
 *
 * <p>{@code --without-saves} draws every save as the read it starts with, to measure what the saves
 * (2 % of the actions) cost the other requests: a diagnosis, not the mix of the issue.
 */
public final class LoadMix {

    /** What a visitor does, with its share of all actions (per 100). */
    enum Kind {
        AGREEMENT(30, "/afspraken/{id}"),
        AGREEMENT_SIGNED_IN(8, "/afspraken/{id} (session cookie)"),
        HOME(6, "/"),
        KOPPELZONE(7, "/koppelzones/{slug}"),
        MUNICIPALITY(4, "/zoeken?gemeente={name} (the municipality's agreements)"),
        ORGANISATION(2, "/organisaties/{slug}"),
        SEARCH_BROAD(5, "/zoeken?q=wijkteam (a third with &status=bekrachtigd)"),
        SEARCH_NARROW(4, "/zoeken?q=warme+overdracht+na+verblijf&gemeente={name}"),
        SEARCH_API(5, "/api/v1/search?q={word}&limit=10"),
        SUGGEST(8, "/zoeken/suggesties?q={prefix}, half /api/v1/search/suggest?q={prefix}"),
        HISTORY(4, "/afspraken/{id}/geschiedenis"),
        COMPARE(3, "/afspraken/{id}/vergelijk?van={n-2}&naar={n}"),
        FEED(3, "/feeds/bekrachtigd.atom"),
        API_AGREEMENT(6, "/api/v1/agreements/{id}"),
        API_AGREEMENT_TOKEN(3, "/api/v1/agreements/{id} (bearer token)"),
        SAVE(2, "GET then PUT /api/v1/agreements/{id} with baseRevision (bearer token; the GET counts as api-agreement-token)");

        final int weight;
        final String example;

        Kind(int weight, String example) {
            this.weight = weight;
            this.example = example;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static final List<String> BROAD = List.of("wijkteam", "jeugdhulp", "overdracht", "huisarts", "veiligheid", "school",
            "wachtlijst", "crisis", "privacy", "pleegzorg");
    static final List<String> NARROW = List.of("warme overdracht na verblijf", "perspectiefplan 18-/18+",
            "jeugd-ggz wachtlijst overbrugging", "gecertificeerde instelling opschaling", "POH-jeugd consultatie",
            "zorgbemiddeling wachttijd", "\"veiligheidsplan\" Veilig Thuis", "consultatie huisarts binnen 5 werkdagen");
    static final List<String> PREFIXES = List.of("wij", "jeugdh", "overd", "huisa", "pleeg", "veili", "crisi", "scho",
            "wacht", "privac", "gecer", "afsch");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final int port;
    private final MixUrls urls;
    private final String token;
    private final String cookie;
    private final Duration timeout;
    /** False: a save is drawn as the token's read it starts with ({@code --without-saves}). */
    private final boolean saves;

    LoadMix(String base, MixUrls urls, String token, String cookie, Duration timeout, boolean saves) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.urls = urls;
        this.token = token;
        this.cookie = cookie;
        this.timeout = timeout;
        this.saves = saves;
    }

    /**
     * One worker's record: per kind the latencies (ns) of answered requests, non-2xx and time-outs;
     * with a trace, also every request on a line of its own (see {@link #traced}).
     */
    static final class Tally {
        final Map<Kind, long[]> latencies = new EnumMap<>(Kind.class);
        final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        final Map<Kind, Integer> non2xx = new EnumMap<>(Kind.class);
        final Map<Kind, Integer> timeouts = new EnumMap<>(Kind.class);
        final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        /** Null without a trace. */
        final StringBuilder trace;

        Tally() {
            this(false);
        }

        Tally(boolean traced) {
            this.trace = traced ? new StringBuilder() : null;
        }

        /**
         * A request on the trace: when it was sent (ms since 1970), its kind, how long it took (µs) and its
         * status (0: timed out), so slow answers can be laid beside the server's log of the same time.
         */
        void traced(long sentMillis, Kind kind, long nanos, int status) {
            if (trace != null) {
                trace.append(sentMillis).append(' ').append(kind.label()).append(' ').append(nanos / 1_000).append(' ')
                        .append(status).append('\n');
            }
        }

        void add(Kind kind, long nanos, int status) {
            long[] list = latencies.computeIfAbsent(kind, k -> new long[1024]);
            int n = counts.getOrDefault(kind, 0);
            if (n == list.length) {
                list = Arrays.copyOf(list, n * 2);
                latencies.put(kind, list);
            }
            list[n] = nanos;
            counts.put(kind, n + 1);
            if (status < 200 || status > 299) {
                non2xx.merge(kind, 1, Integer::sum);
                statuses.merge(status, 1, Integer::sum);
            }
        }

        void timeout(Kind kind) {
            timeouts.merge(kind, 1, Integer::sum);
        }

        long[] of(Kind kind) {
            long[] list = latencies.get(kind);
            return list == null ? new long[0] : Arrays.copyOf(list, counts.get(kind));
        }

        static Tally merge(List<Tally> tallies) {
            Tally all = new Tally(tallies.stream().anyMatch(t -> t.trace != null));
            for (Tally t : tallies) {
                if (t.trace != null) {
                    all.trace.append(t.trace);
                }
                for (Kind kind : Kind.values()) {
                    for (long nanos : t.of(kind)) {
                        all.add(kind, nanos, 200);
                    }
                }
                t.non2xx.forEach((k, v) -> all.non2xx.merge(k, v, Integer::sum));
                t.timeouts.forEach((k, v) -> all.timeouts.merge(k, v, Integer::sum));
                t.statuses.forEach((k, v) -> all.statuses.merge(k, v, Integer::sum));
            }
            return all;
        }
    }

    private Kind draw(SplittableRandom random) {
        int u = random.nextInt(100);
        for (Kind kind : Kind.values()) {
            u -= kind.weight;
            if (u < 0) {
                return kind == Kind.SAVE && !saves ? Kind.API_AGREEMENT_TOKEN : kind;
            }
        }
        return Kind.AGREEMENT;
    }

    /** A GET of {@code path}, with a Cookie or Authorization header when given (name, value). */
    private void get(PlainHttp http, Kind kind, String path, Tally tally, String... header) {
        send(http, kind, "GET", path, null, tally, null, header);
    }

    private void send(PlainHttp http, Kind kind, String method, String path, byte[] content, Tally tally,
                      StringBuilder body, String... headers) {
        long sent = System.currentTimeMillis();
        long start = System.nanoTime();
        try {
            PlainHttp.Response response = http.send(method, path, content, timeout.toMillis(), headers);
            long took = System.nanoTime() - start;
            tally.add(kind, took, response.status());
            tally.traced(sent, kind, took, response.status());
            if (body != null) {
                body.append(response.text());
            }
        } catch (PlainHttp.TimedOut e) {
            tally.timeout(kind);
            tally.traced(sent, kind, System.nanoTime() - start, 0);
        } catch (java.io.IOException e) {
            long took = System.nanoTime() - start;
            tally.add(kind, took, 599);
            tally.traced(sent, kind, took, 599);
        }
    }

    /** One action of {@code kind}; {@code worker}/{@code workers} partition the save pool so saves do not collide. */
    void act(PlainHttp http, Kind kind, SplittableRandom r, Tally tally, int worker, int workers) {
        String q;
        switch (kind) {
            case AGREEMENT -> get(http, kind, "/afspraken/" + urls.popular(r), tally);
            case AGREEMENT_SIGNED_IN -> get(http, kind, "/afspraken/" + urls.popular(r), tally, "Cookie", cookie);
            case HOME -> get(http, kind, "/", tally);
            case KOPPELZONE -> get(http, kind, "/koppelzones/" + urls.koppelzone(r), tally);
            case MUNICIPALITY -> get(http, kind, "/zoeken?gemeente=" + enc(urls.municipality(r)), tally);
            case ORGANISATION -> get(http, kind, "/organisaties/" + urls.organisation(r), tally);
            case SEARCH_BROAD -> get(http, kind, "/zoeken?q=" + enc(pick(BROAD, r)) + (r.nextInt(3) == 0 ? "&status=bekrachtigd" : ""),
                    tally);
            case SEARCH_NARROW -> get(http, kind, "/zoeken?q=" + enc(pick(NARROW, r)) + (r.nextBoolean()
                    ? "&gemeente=" + enc(urls.municipality(r)) : "&thema=" + enc(urls.theme(r))), tally);
            case SEARCH_API -> {
                q = r.nextBoolean() ? pick(BROAD, r) : pick(NARROW, r);
                get(http, kind, "/api/v1/search?limit=10&q=" + enc(q), tally);
            }
            case SUGGEST -> get(http, kind, (r.nextBoolean() ? "/zoeken/suggesties?q=" : "/api/v1/search/suggest?q=")
                    + enc(pick(PREFIXES, r)), tally);
            case HISTORY -> get(http, kind, "/afspraken/" + urls.withHistory(r)[0] + "/geschiedenis", tally);
            case COMPARE -> {
                long[] agreement = urls.withHistory(r);
                get(http, kind, "/afspraken/" + agreement[0] + "/vergelijk?van=" + Math.max(1, agreement[1] - 2)
                        + "&naar=" + agreement[1], tally);
            }
            case FEED -> get(http, kind, "/feeds/bekrachtigd.atom", tally);
            case API_AGREEMENT -> get(http, kind, "/api/v1/agreements/" + urls.popular(r), tally);
            case API_AGREEMENT_TOKEN -> get(http, kind, "/api/v1/agreements/" + urls.popular(r), tally,
                    "Authorization", "Bearer " + token);
            case SAVE -> save(http, r, tally, worker, workers);
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** An edit as a client does it: read the agreement as the token's account, then save an amended text on it. */
    private void save(PlainHttp http, SplittableRandom r, Tally tally, int worker, int workers) {
        long id = urls.editable(r, worker, workers);
        StringBuilder json = new StringBuilder();
        send(http, Kind.API_AGREEMENT_TOKEN, "GET", "/api/v1/agreements/" + id, null, tally, json, "Authorization", "Bearer " + token);
        JsonNode agreement;
        try {
            agreement = JSON.readTree(json.toString());
        } catch (java.io.IOException e) {
            return;
        }
        if (!agreement.hasNonNull("currentRevision") || !agreement.hasNonNull("body")) {
            return;
        }
        String body = agreement.get("body").asText();
        int marker = body.indexOf("\n\nLastmeting: ");
        ObjectNode put = JSON.createObjectNode();
        put.put("title", agreement.get("title").asText());
        put.put("body", (marker >= 0 ? body.substring(0, marker) : body) + "\n\nLastmeting: opgeslagen met volgnummer "
                + r.nextInt(1_000_000) + ".");
        put.put("baseRevision", agreement.get("currentRevision").asInt());
        put.put("summary", "Lastmeting");
        send(http, Kind.SAVE, "PUT", "/api/v1/agreements/" + id, put.toString().getBytes(StandardCharsets.UTF_8), tally, null,
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    /** {@code connections} workers for {@code seconds}; the tally of all of them. */
    Tally run(int connections, int seconds, long seed) throws Exception {
        return run(connections, seconds, seed, false);
    }

    /** {@link #run(int, int, long)}, with every request on the tally's trace when {@code traced}. */
    Tally run(int connections, int seconds, long seed, boolean traced) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Tally>> futures = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            int worker = w;
            SplittableRandom random = new SplittableRandom(CorpusGenerator.mix(seed + w));
            futures.add(pool.submit(() -> {
                Tally tally = new Tally(traced);
                try (PlainHttp http = new PlainHttp(host, port)) {
                    while (System.nanoTime() < end) {
                        act(http, draw(random), random, tally, worker, connections);
                    }
                }
                return tally;
            }));
        }
        List<Tally> tallies = new ArrayList<>();
        for (Future<Tally> future : futures) {
            tallies.add(future.get());
        }
        pool.shutdown();
        return Tally.merge(tallies);
    }

    static String pick(List<String> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        String base = null;
        Path db = null;
        String pid = null;
        String token = "";
        String cookie = "";
        List<Integer> connections = List.of(16, 64);
        int seconds = 30;
        int warmup = 20;
        int timeoutMs = 2000;
        long seed = 42;
        Path trace = null;
        boolean saves = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--db" -> db = Path.of(args[++i]);
                case "--pid" -> pid = args[++i];
                case "--token" -> token = args[++i];
                case "--cookie" -> cookie = args[++i];
                case "--connections" -> connections = Arrays.stream(args[++i].split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--timeout-ms" -> timeoutMs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--trace" -> trace = Path.of(args[++i]);
                case "--without-saves" -> saves = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (base == null || db == null || pid == null || !Files.exists(db)) {
            System.err.println("usage: LoadMix --base URL --db FILE --pid PID [--token T] [--cookie C] [--connections 16,64] "
                    + "[--seconds 30] [--warmup 20] [--timeout-ms 2000] [--seed S] [--trace FILE] [--without-saves]");
            System.exit(2);
        }
        MixUrls urls = MixUrls.read(db, new SplittableRandom(seed));
        System.out.println("urls: " + urls.describe());
        LoadMix mix = new LoadMix(base, urls, token, cookie, Duration.ofMillis(timeoutMs), saves);
        ServerProbe server = new ServerProbe(pid);
        System.out.println(MixReport.mixTable());
        if (!saves) {
            System.out.println("without saves: each save is drawn as the token's read it starts with (--without-saves)");
        }
        if (trace != null) {
            Files.writeString(trace, "# per measured request: sent (ms since 1970), kind, latency (µs), status (0: timed out)\n");
        }
        System.err.printf("[mix] warming up: %d s at %d connections%n", warmup, connections.get(0));
        mix.run(connections.get(0), warmup, seed - 1);
        int phase = 0;
        for (int c : connections) {
            phase++;
            System.err.printf("[mix] measuring: %d s at %d connections%n", seconds, c);
            ServerProbe.Sample before = server.sample();
            long ownBefore = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long start = System.nanoTime();
            // every phase draws its own requests: a phase that repeated an earlier one's would find
            // its rarely viewed pages kept, which traffic that goes on does not
            Tally tally = mix.run(c, seconds, seed + 1_000L * phase, trace != null);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long ownAfter = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            ServerProbe.Sample after = server.sample();
            System.out.println(MixReport.phase(c, elapsed, tally, before, after, (ownAfter - ownBefore) / 1e9));
            if (trace != null) {
                Files.writeString(trace, "# phase " + phase + ", " + c + " connections\n" + tally.trace,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        }
        System.exit(0);
    }
}

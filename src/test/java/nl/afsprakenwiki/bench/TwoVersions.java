package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.SearchService;
import nl.afsprakenwiki.text.Progress;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Two builds of the search side by side in one JVM, each in its own class loader on its own copy of
 * a benchmark index, every query run by both in turn (in alternating order): CPU time per search for
 * each. The host's speed drifts by tens of percent within minutes on this machine, which separate runs
 * cannot tell from a change of a few percent; interleaved at the millisecond they share the drift.
 * Not a test.
 *
 * <pre>TwoVersions TREE_A DATA_A TREE_B DATA_B [ROUNDS]</pre>
 *
 * TREE is a checkout whose {@code target/classes} and {@code target/test-classes} are built (for an
 * older commit: {@code git worktree add}, {@code mvn -o -q test-compile}); DATA a copy of the data
 * directory of {@code SearchBenchmark --phase load} (each side opens its own index); the dependencies
 * are this build's ({@code target/benchmark-classpath.txt}).
 */
public final class TwoVersions {

    private TwoVersions() {
    }

    /** One build's search, loaded by its own class loader. */
    public static final class Side implements ToDoubleFunction<String> {
        private final SearchService search;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        public Side(String data) {
            Path dataDir = Path.of(data);
            Database db = Database.open(dataDir);
            Services services = Services.create(Settings.forTests(dataDir), db, Clock.systemUTC());
            services.search().index().catchUp(Progress.NONE);
            this.search = services.search().service();
        }

        @Override
        public double applyAsDouble(String query) {
            long start = threads.getCurrentThreadCpuTime();
            search.search(Queries.request(query), Viewer.ANONYMOUS);
            return (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
    }

    @SuppressWarnings("unchecked")
    private static ToDoubleFunction<String> side(String tree, String data) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(tree, "target/classes").toUri().toURL());
        urls.add(Path.of(tree, "target/test-classes").toUri().toURL());
        // this class itself, for a tree that does not have it
        urls.add(TwoVersions.class.getProtectionDomain().getCodeSource().getLocation());
        for (String jar : Files.readString(Path.of("target/benchmark-classpath.txt")).strip().split(":")) {
            urls.add(Path.of(jar).toUri().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return (ToDoubleFunction<String>) loader.loadClass(Side.class.getName()).getConstructor(String.class)
                .newInstance(data);
    }

    public static void main(String[] args) throws Exception {
        ToDoubleFunction<String> a = side(args[0], args[1]);
        ToDoubleFunction<String> b = side(args[2], args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        List<String> queries = Queries.mixed(new Random(42), 240);
        List<Double> timesA = new ArrayList<>();
        List<Double> timesB = new ArrayList<>();
        // both sides search on this thread: what it allocates during a call is that side's allocation
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] allocated = new long[2];
        for (int round = 0; round <= rounds; round++) {
            for (String query : queries) {
                boolean aFirst = ((round + query.hashCode()) & 1) == 0;
                long start = threads.getCurrentThreadAllocatedBytes();
                double first = (aFirst ? a : b).applyAsDouble(query);
                long middle = threads.getCurrentThreadAllocatedBytes();
                double second = (aFirst ? b : a).applyAsDouble(query);
                long end = threads.getCurrentThreadAllocatedBytes();
                if (round > 0) {
                    timesA.add(aFirst ? first : second);
                    timesB.add(aFirst ? second : first);
                    allocated[aFirst ? 0 : 1] += middle - start;
                    allocated[aFirst ? 1 : 0] += end - middle;
                }
            }
            System.err.printf("round %d of %d (the first warms up)%n", round, rounds);
        }
        report("A " + args[0], timesA, allocated[0]);
        report("B " + args[2], timesB, allocated[1]);
        System.exit(0);
    }

    private static void report(String name, List<Double> times, long allocated) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("%s: CPU per search p50 %.2f, p90 %.2f, p99 %.2f, mean %.2f ms; allocated %,d KB per search"
                        + " (%d searches)%n", name, at(sorted, 50), at(sorted, 90), at(sorted, 99),
                sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                allocated / 1024 / Math.max(1, sorted.size()), sorted.size());
    }

    private static double at(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}

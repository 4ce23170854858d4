package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.bench.LoadMix.Kind;
import nl.afsprakenwiki.bench.LoadMix.Tally;

import java.util.Arrays;
import java.util.Locale;

/** The tables {@link LoadMix} prints: the mix, and per phase the figures per kind and the server's CPU and heap. */
final class MixReport {

    private MixReport() {
    }

    static String mixTable() {
        StringBuilder out = new StringBuilder("mix (share of actions, %):\n");
        for (Kind kind : Kind.values()) {
            out.append(String.format(Locale.US, "  %-22s %3d  %s%n", kind.label(), kind.weight, kind.example));
        }
        return out.toString();
    }

    static String phase(int connections, double seconds, Tally tally, ServerProbe.Sample before, ServerProbe.Sample after,
                        double clientCpu) {
        StringBuilder out = new StringBuilder();
        long[] all = new long[0];
        int non2xx = 0;
        int timeouts = 0;
        out.append(String.format(Locale.US, "%n%d connections, %.1f s:%n", connections, seconds));
        out.append(String.format(Locale.US, "  %-22s %9s %8s %8s %8s %8s %8s %9s%n", "kind", "requests", "req/s", "p50 ms",
                "p99 ms", "max ms", "non-2xx", "time-outs"));
        for (Kind kind : Kind.values()) {
            long[] latencies = tally.of(kind);
            Arrays.sort(latencies);
            int bad = tally.non2xx.getOrDefault(kind, 0);
            int late = tally.timeouts.getOrDefault(kind, 0);
            out.append(line(kind.label(), latencies, seconds, bad, late));
            all = concat(all, latencies);
            non2xx += bad;
            timeouts += late;
        }
        Arrays.sort(all);
        out.append(line("all", all, seconds, non2xx, timeouts));
        if (!tally.statuses.isEmpty()) {
            out.append("  non-2xx statuses: ").append(tally.statuses).append('\n');
        }
        double cpu = after.cpuSeconds() - before.cpuSeconds();
        out.append(String.format(Locale.US, "  server CPU %.1f s in %.1f s = %.2f cores, %.0f µs per request; load generator CPU %.1f s%n",
                cpu, seconds, cpu / seconds, all.length == 0 ? 0 : cpu * 1e6 / all.length, clientCpu));
        out.append(String.format(Locale.US, "  server RSS %d -> %d MB; heap used %d -> %d MB (committed %d -> %d MB)%n",
                before.rssMb(), after.rssMb(), before.heapUsedMb(), after.heapUsedMb(), before.heapTotalMb(), after.heapTotalMb()));
        return out.toString();
    }

    private static String line(String label, long[] sorted, double seconds, int non2xx, int timeouts) {
        return String.format(Locale.US, "  %-22s %9d %8.1f %8.2f %8.2f %8.1f %8d %9d%n", label, sorted.length, sorted.length / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                non2xx, timeouts);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

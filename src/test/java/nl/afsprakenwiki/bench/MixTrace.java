package nl.afsprakenwiki.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a trace of the load mix ({@code LOAD_MIX_TRACE}, see {@link LoadMix}) and, when given, the
 * server's GC log of the same run ({@code -Xlog:gc:file=FILE:time}), and says where one phase's slowest
 * answers waited: per kind p50, p90 and p99; the collector's pauses in the phase; how much of it a
 * concurrent marking ran (from a "Concurrent Start" pause to the "Remark" after it); the pause time
 * inside the slowest 1 % against the rest; and the percentiles of the requests that met no marking.
 *
 * <p>Usage: {@code MixTrace TRACE [GCLOG] [--phase N]} (the fourth phase by default).
 */
public final class MixTrace {

    /** One measured request: sent at (ms since 1970), kind, latency (ms), status. */
    record Request(long sent, String kind, double millis, int status) {
        double end() {
            return sent + millis;
        }
    }

    /** One pause of the collector: from, to (ms since 1970), what it was. */
    record Pause(double from, double to, String what) {
        double millis() {
            return to - from;
        }
    }

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([^]]+)].*? Pause (.+?) (?:\\d+M->\\d+M\\(\\d+M\\) )?([\\d.]+)ms\\s*$");
    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private MixTrace() {
    }

    /** The requests of phase {@code phase} (numbered from 1, as the trace's "# phase N" lines). */
    static List<Request> requests(List<String> trace, int phase) {
        List<Request> requests = new ArrayList<>();
        int current = 0;
        for (String line : trace) {
            if (line.startsWith("# phase ")) {
                current = Integer.parseInt(line.substring("# phase ".length()).split("[ ,]")[0]);
            } else if (!line.startsWith("#") && !line.isBlank() && current == phase) {
                String[] part = line.trim().split(" ");
                requests.add(new Request(Long.parseLong(part[0]), part[1], Long.parseLong(part[2]) / 1000.0,
                        Integer.parseInt(part[3])));
            }
        }
        return requests;
    }

    /** The pauses of a GC log written with the {@code time} decoration (the time a pause ended). */
    static List<Pause> pauses(List<String> log) {
        List<Pause> pauses = new ArrayList<>();
        for (String line : log) {
            Matcher m = PAUSE.matcher(line);
            if (m.matches()) {
                double end = OffsetDateTime.parse(m.group(1), GC_TIME).toInstant().toEpochMilli();
                pauses.add(new Pause(end - Double.parseDouble(m.group(3)), end, m.group(2)));
            }
        }
        return pauses;
    }

    /** Concurrent markings: from the end of each "Concurrent Start" pause to the start of the "Remark" after it. */
    static List<double[]> markings(List<Pause> pauses) {
        List<double[]> markings = new ArrayList<>();
        Double start = null;
        for (Pause pause : pauses) {
            if (pause.what().contains("Concurrent Start")) {
                start = pause.to();
            } else if (pause.what().startsWith("Remark") && start != null) {
                markings.add(new double[] {start, pause.from()});
                start = null;
            }
        }
        return markings;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }

    private static double overlap(double from, double to, double otherFrom, double otherTo) {
        return Math.max(0, Math.min(to, otherTo) - Math.max(from, otherFrom));
    }

    /** The report of one phase, as printed. */
    static String report(List<Request> requests, List<Pause> pauses) {
        StringBuilder out = new StringBuilder();
        if (requests.isEmpty()) {
            return "no requests in this phase\n";
        }
        double start = requests.stream().mapToDouble(Request::sent).min().orElseThrow();
        double end = requests.stream().mapToDouble(Request::end).max().orElseThrow();
        List<Double> all = requests.stream().map(Request::millis).toList();
        double p99 = percentile(all, 0.99);
        out.append(String.format(Locale.ROOT, "%d requests over %.1f s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                requests.size(), (end - start) / 1000, percentile(all, 0.5), percentile(all, 0.9), p99,
                percentile(all, 1.0)));
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        requests.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.millis()));
        out.append(String.format(Locale.ROOT, "  %-22s %8s %8s %8s %8s%n", "kind", "requests", "p50", "p90", "p99"));
        byKind.entrySet().stream().sorted(Comparator.comparing(e -> -e.getValue().size())).forEach(e ->
                out.append(String.format(Locale.ROOT, "  %-22s %8d %8.1f %8.1f %8.1f%n", e.getKey(), e.getValue().size(),
                        percentile(e.getValue(), 0.5), percentile(e.getValue(), 0.9), percentile(e.getValue(), 0.99))));
        if (pauses.isEmpty()) {
            return out.toString();
        }
        List<Pause> inPhase = pauses.stream().filter(p -> p.to() >= start && p.from() <= end).toList();
        List<double[]> markings = markings(pauses);
        double marking = markings.stream().mapToDouble(m -> overlap(m[0], m[1], start, end)).sum();
        out.append(String.format(Locale.ROOT, "GC pauses: %d, %.0f ms in all (%.1f %% of the phase), longest %.1f ms; "
                        + "concurrent marking ran %.1f s (%.0f %% of the phase)%n", inPhase.size(),
                inPhase.stream().mapToDouble(Pause::millis).sum(),
                100 * inPhase.stream().mapToDouble(Pause::millis).sum() / (end - start),
                inPhase.stream().mapToDouble(Pause::millis).max().orElse(0), marking / 1000, 100 * marking / (end - start)));
        List<Request> slowest = requests.stream().filter(r -> r.millis() >= p99).toList();
        List<Request> rest = requests.stream().filter(r -> r.millis() < p99).toList();
        out.append(String.format(Locale.ROOT, "pause time inside a request: slowest 1 %% %.1f ms, the rest %.1f ms%n",
                meanPause(slowest, inPhase), meanPause(rest, inPhase)));
        List<Double> met = new ArrayList<>();
        List<Double> free = new ArrayList<>();
        int slowMet = 0;
        for (Request r : requests) {
            boolean meets = markings.stream().anyMatch(m -> overlap(r.sent(), r.end(), m[0], m[1]) > 0);
            (meets ? met : free).add(r.millis());
            if (meets && r.millis() >= p99) {
                slowMet++;
            }
        }
        out.append(String.format(Locale.ROOT, "met a marking: %.0f %% of the slowest 1 %%, %.0f %% of all%n",
                100.0 * slowMet / slowest.size(), 100.0 * met.size() / requests.size()));
        out.append(String.format(Locale.ROOT, "requests that met no marking: %d, p50 %.1f ms, p99 %.1f ms; "
                        + "that met one: %d, p50 %.1f ms, p99 %.1f ms%n", free.size(), percentile(free, 0.5),
                percentile(free, 0.99), met.size(), percentile(met, 0.5), percentile(met, 0.99)));
        return out.toString();
    }

    private static double meanPause(List<Request> requests, List<Pause> pauses) {
        return requests.stream().mapToDouble(r -> pauses.stream()
                .mapToDouble(p -> overlap(r.sent(), r.end(), p.from(), p.to())).sum()).average().orElse(0);
    }

    public static void main(String[] args) throws IOException {
        Path trace = null;
        Path gc = null;
        int phase = 4;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--phase")) {
                phase = Integer.parseInt(args[++i]);
            } else if (trace == null) {
                trace = Path.of(args[i]);
            } else {
                gc = Path.of(args[i]);
            }
        }
        if (trace == null) {
            System.err.println("usage: MixTrace TRACE [GCLOG] [--phase N]");
            System.exit(2);
        }
        List<Request> requests = requests(Files.readAllLines(trace), phase);
        List<Pause> pauses = gc == null ? List.of() : pauses(Files.readAllLines(gc));
        System.out.print("phase " + phase + ": " + report(requests, pauses));
    }
}

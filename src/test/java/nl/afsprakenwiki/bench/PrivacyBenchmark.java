package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.privacy.PrivacyDetector;
import nl.afsprakenwiki.privacy.TwentyKilobytes;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Arrays;

/**
 * What the privacy detector adds to saving an agreement (issue 17: at most 2 ms for 20 KB): scans of a
 * 20 KB agreement, after warm-up, timed one by one in wall-clock and in this thread's CPU time (on a
 * shared machine the CPU time shows the detector's own cost, the wall clock what a save would feel).
 *
 * <pre>PrivacyBenchmark [--warmup N] [--scans N]</pre>
 */
public final class PrivacyBenchmark {

    public static void main(String[] args) {
        int warmup = 5_000;
        int scans = 5_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--scans" -> scans = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        PrivacyDetector detector = new PrivacyDetector(Clock.systemUTC());
        String agreement = TwentyKilobytes.agreement();
        int findings = 0;
        for (int i = 0; i < warmup; i++) {
            findings += detector.scan(agreement, Parties.NONE).size();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[scans];
        long[] cpu = new long[scans];
        for (int i = 0; i < scans; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            findings += detector.scan(agreement, Parties.NONE).size();
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        System.out.printf("text: %,d chars, %d findings per scan; %,d warm-up scans, %,d measured%n", agreement.length(),
                detector.scan(agreement, Parties.NONE).size(), warmup, scans);
        print("wall", wall);
        print("cpu ", cpu);
        if (findings < 0) {
            System.out.println(findings); // keeps the scans from being optimised away
        }
    }

    private static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", label, at(sorted, 0.50),
                at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1e6;
    }
}

package nl.afsprakenwiki.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server process seen from outside: CPU time and RSS from /proc, heap from {@code jcmd GC.heap_info}. */
final class ServerProbe {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private final String pid;
    private final long ticksPerSecond;

    ServerProbe(String pid) {
        this.pid = pid;
        this.ticksPerSecond = clockTicks();
    }

    /** CPU seconds (user + system), RSS in MB, heap used and committed in MB (-1 when jcmd does not answer). */
    record Sample(double cpuSeconds, long rssMb, long heapUsedMb, long heapTotalMb) {
    }

    Sample sample() {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) ticksPerSecond;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            long[] heap = heap();
            return new Sample(cpu, rss, heap[0], heap[1]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + ": is the server still running?", e);
        }
    }

    private long[] heap() {
        try {
            Process jcmd = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            Matcher m = HEAP.matcher(out);
            return m.find() ? new long[] {Long.parseLong(m.group(2)) / 1024, Long.parseLong(m.group(1)) / 1024} : new long[] {-1, -1};
        } catch (IOException e) {
            return new long[] {-1, -1};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new long[] {-1, -1};
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

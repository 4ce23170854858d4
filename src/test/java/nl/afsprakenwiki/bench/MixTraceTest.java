package nl.afsprakenwiki.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The reading of a mix trace beside a GC log: phases, pauses, markings, and where the slowest waited. */
class MixTraceTest {

    /** 2026-12-07T22:00:00Z in ms since 1970. */
    private static final long T0 = 1_796_680_800_000L;

    @Test
    void readsOnlyTheAskedPhaseAndThePausesWithTheirEnds() {
        List<String> trace = List.of("# per measured request: sent (ms since 1970), kind, latency (µs), status (0: timed out)",
                "# phase 1, 16 connections", T0 + " home 5000 200",
                "# phase 2, 64 connections", T0 + " agreement 12500 200", (T0 + 10) + " save 2000000 0");
        List<MixTrace.Request> second = MixTrace.requests(trace, 2);
        assertThat(second).containsExactly(new MixTrace.Request(T0, "agreement", 12.5, 200),
                new MixTrace.Request(T0 + 10, "save", 2000.0, 0));
        assertThat(MixTrace.requests(trace, 1)).hasSize(1);

        List<MixTrace.Pause> pauses = MixTrace.pauses(List.of(
                "[2026-12-07T22:00:01.020+0000] GC(1) Pause Young (Concurrent Start) (G1 Evacuation Pause) 437M->317M(512M) 20.000ms",
                "[2026-12-07T22:00:01.500+0000] GC(1) Concurrent Mark Cycle 460.123ms",
                "[2026-12-07T22:00:01.530+0000] GC(2) Pause Remark 403M->403M(512M) 30.000ms",
                "[2026-12-07T22:00:01.600+0000] GC(2) Pause Cleanup 381M->381M(512M) 0.228ms"));
        assertThat(pauses).hasSize(3);
        assertThat(pauses.get(0).from()).isCloseTo(T0 + 1000, within(0.001));
        assertThat(pauses.get(0).to()).isCloseTo(T0 + 1020, within(0.001));
        assertThat(pauses.get(1).what()).isEqualTo("Remark");
        // the marking runs from the end of the start pause to the start of the remark
        assertThat(MixTrace.markings(pauses)).hasSize(1);
        assertThat(MixTrace.markings(pauses).get(0)).containsExactly(T0 + 1020, T0 + 1500);
    }

    @Test
    void theSlowestWaitedInThePausesAndTheMarking() {
        List<MixTrace.Request> requests = new ArrayList<>();
        // 99 quick requests of 10 ms spread over the first second, none near the GC
        for (int i = 0; i < 99; i++) {
            requests.add(new MixTrace.Request(T0 + 5L * i, i % 2 == 0 ? "home" : "suggest", 10, 200));
        }
        // one slow request of 200 ms across the start pause and into the marking
        requests.add(new MixTrace.Request(T0 + 990, "agreement", 200, 200));
        List<MixTrace.Pause> pauses = List.of(new MixTrace.Pause(T0 + 1000, T0 + 1020, "Young (Concurrent Start) (G1 Evacuation Pause)"),
                new MixTrace.Pause(T0 + 1500, T0 + 1530, "Remark"));

        String report = MixTrace.report(requests, pauses);

        assertThat(report).contains("100 requests over 1.2 s: p50 10.0 ms, p90 10.0 ms, p99 200.0 ms, max 200.0 ms");
        assertThat(report).contains("home                         50     10.0");
        // the remark came after the phase: only the start pause counts, and the marking up to the phase's end
        assertThat(report).contains("GC pauses: 1, 20 ms in all").contains("concurrent marking ran 0.2 s (14 % of the phase)");
        assertThat(report).contains("pause time inside a request: slowest 1 % 20.0 ms, the rest 0.0 ms");
        assertThat(report).contains("met a marking: 100 % of the slowest 1 %, 1 % of all");
        assertThat(report).contains("requests that met no marking: 99, p50 10.0 ms, p99 10.0 ms; that met one: 1, p50 200.0 ms");
    }
}

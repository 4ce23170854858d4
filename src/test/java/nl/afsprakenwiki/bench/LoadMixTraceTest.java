package nl.afsprakenwiki.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mix's trace: every request a line (sent, kind, latency in µs, status), kept apart from the percentiles. */
class LoadMixTraceTest {

    @Test
    void everyRequestIsALineAndTheWorkersLinesAreMerged() {
        LoadMix.Tally first = new LoadMix.Tally(true);
        first.add(LoadMix.Kind.HOME, 12_345_678, 200);
        first.traced(1_800_000_000_000L, LoadMix.Kind.HOME, 12_345_678, 200);
        first.timeout(LoadMix.Kind.SAVE);
        first.traced(1_800_000_000_100L, LoadMix.Kind.SAVE, 2_000_000_000L, 0);
        LoadMix.Tally second = new LoadMix.Tally(true);
        second.add(LoadMix.Kind.API_AGREEMENT_TOKEN, 999, 404);
        second.traced(1_800_000_000_050L, LoadMix.Kind.API_AGREEMENT_TOKEN, 999, 404);

        LoadMix.Tally all = LoadMix.Tally.merge(List.of(first, second));

        assertThat(all.trace.toString().lines().toList()).containsExactly(
                "1800000000000 home 12345 200",
                "1800000000100 save 2000000 0",
                "1800000000050 api-agreement-token 0 404");
        assertThat(all.of(LoadMix.Kind.HOME)).containsExactly(12_345_678);
        assertThat(all.non2xx.get(LoadMix.Kind.API_AGREEMENT_TOKEN)).isEqualTo(1);
        assertThat(all.timeouts.get(LoadMix.Kind.SAVE)).isEqualTo(1);
    }

    @Test
    void withoutATraceNothingIsKeptPerRequest() {
        LoadMix.Tally untraced = new LoadMix.Tally();
        untraced.add(LoadMix.Kind.HOME, 1_000, 200);
        untraced.traced(1L, LoadMix.Kind.HOME, 1_000, 200);

        assertThat(untraced.trace).isNull();
        assertThat(LoadMix.Tally.merge(List.of(untraced, new LoadMix.Tally())).trace).isNull();
    }
}

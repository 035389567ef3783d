package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void drain_hundredSamples_nearestRankPercentilesThenEmpty() {
        LatencySamples samples = new LatencySamples();
        for (int ms = 100; ms >= 1; ms--) {
            samples.add(ms * 1_000_000L);
        }

        LatencyPercentiles percentiles = samples.drain().orElseThrow();

        assertThat(percentiles).isEqualTo(new LatencyPercentiles(50.0, 95.0, 99.0, 100));
        assertThat(samples.drain()).isEmpty();
    }

    @Test
    void drain_oneSample_everyPercentileIsIt() {
        LatencySamples samples = new LatencySamples();
        samples.add(2_500_000L);

        assertThat(samples.drain()).contains(new LatencyPercentiles(2.5, 2.5, 2.5, 1));
    }

    @Test
    void add_moreThanCapacity_keepsTheMostRecent() {
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < LatencySamples.CAPACITY; i++) {
            samples.add(1_000_000_000L);
        }
        for (int i = 0; i < LatencySamples.CAPACITY; i++) {
            samples.add(1_000_000L);
        }

        assertThat(samples.drain()).contains(new LatencyPercentiles(1.0, 1.0, 1.0, LatencySamples.CAPACITY));
    }
}

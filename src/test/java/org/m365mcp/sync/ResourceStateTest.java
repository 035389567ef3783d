package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResourceStateTest {

    private static final Instant T0 = Instant.parse("2026-12-07T17:00:00Z");

    @Test
    void lastRound_isTheLaterOfTheLastCompletedAndTheLastFailedRound() {
        ResourceState state = new ResourceState();
        assertThat(state.lastRound()).isEmpty();

        state.synced(T0, 0);
        state.failed("HTTP 503", T0.plusSeconds(40));

        assertThat(state.lastRound()).contains(T0.plusSeconds(40));
        assertThat(state.lastSync()).as("what cache_get_stats shows").contains(T0);
    }

    @Test
    void lastRound_afterAFailureThenASuccess_isTheSuccess() {
        ResourceState state = new ResourceState();
        state.failed("HTTP 503", T0);

        assertThat(state.lastRound()).as("a failure with no success yet").contains(T0);

        state.synced(T0.plusSeconds(30), 1);

        assertThat(state.lastRound()).contains(T0.plusSeconds(30));
        assertThat(state.lastError()).isEmpty();
    }

    @Test
    void shorter_ofTwoIntervals() {
        assertThat(PollingPlan.shorter(Duration.ofMinutes(30), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(30));
    }
}

package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void delay_defaults_doubleFromOneSecondUpToFiveMinutes() {
        RetryBackoff backoff = RetryBackoff.defaults();

        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.delay(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void new_maxBelowBase_isRejected() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

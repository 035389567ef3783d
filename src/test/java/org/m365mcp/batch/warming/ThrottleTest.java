package org.m365mcp.batch.warming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    @Test
    void waitUntil_instantPassed_returnsAtOnce() {
        Throttle throttle = throttle(Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC));

        long start = System.nanoTime();
        assertThat(throttle.waitUntil(Instant.parse("2026-11-21T05:59:00Z"))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(50));
    }

    @Test
    void waitUntil_inThreeHundredMillis_waitsAboutThatLong() {
        Throttle throttle = throttle(Clock.systemUTC());

        long start = System.nanoTime();
        assertThat(throttle.waitUntil(Instant.now().plusMillis(300))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(290), Duration.ofSeconds(2));
    }

    @Test
    void waitUntil_interrupted_returnsFalseAndKeepsTheInterrupt() {
        Throttle throttle = throttle(Clock.systemUTC());
        Thread.currentThread().interrupt();

        assertThat(throttle.waitUntil(Instant.now().plusSeconds(30))).isFalse();
        assertThat(Thread.interrupted()).isTrue();
    }

    private static Throttle throttle(Clock clock) {
        Throttle throttle = new Throttle();
        throttle.clock = clock;
        return throttle;
    }
}

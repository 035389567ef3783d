package org.m365mcp.cache.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failed task waits before it may be claimed again: {@code base × 2^retryCount},
 * at most {@code max}.
 *
 * @param base the wait after the first failure (default 1 s)
 * @param max the longest wait (default 5 min)
 */
public record RetryBackoff(Duration base, Duration max) {

    /** Default first wait: 1 second. */
    public static final Duration DEFAULT_BASE = Duration.ofSeconds(1);
    /** Default longest wait: 5 minutes. */
    public static final Duration DEFAULT_MAX = Duration.ofMinutes(5);

    public RetryBackoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= max");
        }
    }

    /** 1 s doubling up to 5 min. */
    public static RetryBackoff defaults() {
        return new RetryBackoff(DEFAULT_BASE, DEFAULT_MAX);
    }

    /** The wait after a failure of a task that had already been retried {@code retryCount} times. */
    public Duration delay(int retryCount) {
        if (retryCount < 0) {
            throw new IllegalArgumentException("retryCount must be >= 0");
        }
        Duration delay = base;
        for (int i = 0; i < retryCount && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}

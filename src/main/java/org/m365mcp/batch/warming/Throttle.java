package org.m365mcp.batch.warming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until an instant of the injected {@link Clock}: the warming plan's pause between calls.
 *
 * <ul>
 *   <li>Sleeps in slices of at most 100 ms re-reading the clock, so a clock that is moved (tests)
 *       or an interrupt (a stopping job) ends the wait promptly.</li>
 * </ul>
 */
@ApplicationScoped
public class Throttle {

    private static final long SLICE_MILLIS = 100;

    @Inject
    Clock clock;

    /** Returns when {@code until} has come by the clock, or at once if it has; false if interrupted. */
    public boolean waitUntil(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        while (!left.isNegative() && !left.isZero()) {
            try {
                Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, left.toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            left = Duration.between(clock.instant(), until);
        }
        return true;
    }
}

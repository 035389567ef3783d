package org.m365mcp.cache.jcache;

import java.time.Clock;
import java.util.Objects;
import org.ehcache.core.spi.time.TimeSource;

/** Lets Ehcache's heap tier read time from the injected {@link Clock}, so tests can move it. */
final class ClockTimeSource implements TimeSource {

    private final Clock clock;

    ClockTimeSource(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long getTimeMillis() {
        return clock.millis();
    }
}

package org.m365mcp.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The deadline of the call running on each thread, for {@link GraphClient}: set for one call (a tool
 * call) or handed to the threads it fans out to; none outside one, where each client method is a call.
 *
 * <ul>
 *   <li>A call's deadline is {@code budget} after it began, read from the injected clock.</li>
 *   <li>Thread-safe: each thread sees only its own deadline.</li>
 * </ul>
 */
final class ThreadDeadlines {

    private final Duration budget;
    private final Clock clock;
    private final ThreadLocal<Instant> running = new ThreadLocal<>();

    ThreadDeadlines(Duration budget, Clock clock) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** See {@link GraphClient#withinDeadline(Callable)}. */
    <T> T within(Callable<T> call) throws Exception {
        if (running.get() != null) {
            return call.call();
        }
        running.set(clock.instant().plus(budget));
        try {
            return call.call();
        } finally {
            running.remove();
        }
    }

    /** See {@link GraphClient#withinDeadline(Instant, Supplier)}. */
    <T> T within(Instant at, Supplier<T> call) {
        Objects.requireNonNull(at, "at");
        Instant outer = running.get();
        running.set(at);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                running.remove();
            } else {
                running.set(outer);
            }
        }
    }

    /** The deadline of the call running on this thread; empty outside one. */
    Optional<Instant> current() {
        return Optional.ofNullable(running.get());
    }

    /** The running call's deadline, else one for a call that begins now. */
    CallDeadline next() {
        Instant at = running.get();
        return new CallDeadline(at != null ? at : clock.instant().plus(budget), budget);
    }
}

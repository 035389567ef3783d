package org.m365mcp.graph;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The instant by which one call must be answered, and the errors that say it passed.
 *
 * <ul>
 *   <li>{@code budget} is the configured length of a call ({@link GraphSettings#callDeadline()}),
 *       named in the messages; {@code at} may be nearer when the call's deadline began earlier.</li>
 *   <li>Messages name the limit and the setting, never a body or a token.</li>
 *   <li>Immutable; time is read from the given clock.</li>
 * </ul>
 */
record CallDeadline(Instant at, Duration budget) {

    static final String CODE = "DeadlineExceeded";
    private static final String SETTING = "m365.mcp.graph.call-deadline";

    CallDeadline {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(budget, "budget");
    }

    /** Time left from now; zero or negative once passed. */
    Duration left(Clock clock) {
        return Duration.between(clock.instant(), at);
    }

    /** True when a wait of {@code wait} from now still ends before the deadline. */
    boolean allows(Clock clock, Duration wait) {
        return clock.instant().plus(wait).isBefore(at);
    }

    /**
     * Graph gave no answer in time. A request that is not idempotent may have been carried out: the
     * message says so, since it is not sent again.
     */
    GraphException passed(GraphClientRequest request) {
        String message =
                "Graph did not answer within " + seconds(budget) + ", the most one call may take (" + SETTING + ")";
        return new GraphException(
                0,
                CODE,
                request.isIdempotent()
                        ? message + "; try again later"
                        : message + "; the " + request + " may have been carried out: check before sending it again");
    }

    /** No slot of the account's mailbox came free in time. */
    GraphException passedWaitingForSlot(int slots) {
        return new GraphException(
                0,
                CODE,
                "Graph did not answer within " + seconds(budget)
                        + ", the most one call may take (" + SETTING + "), while waiting for one of the mailbox's "
                        + slots
                        + " request slots: its other calls are slow; try again later");
    }

    /** Graph asked for a wait ({@code Retry-After} or backoff) that would end past the deadline. */
    GraphException outlastedBy(GraphException graphError, Duration wait) {
        String what = switch (graphError.status()) {
            case 429 -> "Graph is throttling this mailbox";
            case 503 -> "Graph is unavailable";
            default -> "Graph answered " + graphError.status() + " " + graphError.code();
        };
        return new GraphException(
                graphError.status(),
                graphError.code(),
                what + "; retry after " + wholeSeconds(wait) + " s: waiting here would pass " + limit() + ". "
                        + graphError.getMessage(),
                graphError);
    }

    private String limit() {
        return "the " + seconds(budget) + " one call may take (" + SETTING + ")";
    }

    /** {@code 45 s}, {@code 1.5 s}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static long wholeSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}

package org.m365mcp.graph;

import java.time.Duration;

/**
 * Decides whether and how long to wait before retrying a throttled or failed Graph call.
 *
 * <ul>
 *   <li>What is retried: 429 and 503 for every verb, because Graph did not process the request;
 *       504 and I/O failures (including timeouts) only for {@link GraphClientRequest#isIdempotent()
 *       idempotent} requests, because the request may have reached Graph and acted (a POST that
 *       timed out may have sent the mail).
 *   <li>{@code Retry-After} in seconds wins (capped at {@link #MAX_WAIT}); otherwise the wait is
 *       {@link #INITIAL_BACKOFF} doubled per attempt, capped at {@link #MAX_WAIT}. The call's
 *       {@link CallDeadline} decides whether a wait is made at all.
 *   <li>Stateless apart from its limit; thread-safe.
 * </ul>
 */
final class RetryPolicy {

    /** First backoff when Graph gives no {@code Retry-After}. */
    static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Longest single wait, even if Graph asks for more: a tool call must not hang for minutes. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final int maxRetries;

    RetryPolicy(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** True when {@code request}, answered {@code status}, may be sent again. */
    static boolean isRetryable(int status, GraphClientRequest request) {
        return status == 429 || status == 503 || status == 504 && request.isIdempotent();
    }

    /** True when {@code request}, which failed without an answer, may be sent again. */
    static boolean isRetryableAfterFailure(GraphClientRequest request) {
        return request.isIdempotent();
    }

    /** True when attempt number {@code attempt} (0-based) may be followed by another. */
    boolean canRetry(int attempt) {
        return attempt < maxRetries;
    }

    /** Sleeps {@code wait} ({@link #delay}) before the next attempt; an interruption becomes a {@link GraphException}. */
    void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(0, "Interrupted", "Interrupted while waiting to retry Microsoft Graph", e);
        }
    }

    static Duration delay(int attempt, String retryAfter) {
        if (retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.trim());
                return seconds <= 0 ? Duration.ZERO : min(Duration.ofSeconds(seconds), MAX_WAIT);
            } catch (NumberFormatException e) {
                // An HTTP-date: Graph sends seconds, so fall back to the backoff.
            }
        }
        long factor = 1L << Math.min(attempt, 16);
        return min(INITIAL_BACKOFF.multipliedBy(factor), MAX_WAIT);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

package org.m365mcp.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Graph lives and how patiently the client talks to it.
 *
 * <ul>
 *   <li>{@code baseUrl}: the service root including the version segment, e.g.
 *       {@code https://graph.microsoft.com/v1.0} or {@code http://127.0.0.1:8080/sandbox/v1.0}; a
 *       trailing slash is removed.
 *   <li>{@code requestTimeout}: per HTTP exchange, positive.
 *   <li>{@code maxRetries}: extra attempts after a 429/503/504 or an I/O failure, 0 or more.
 *   <li>{@code maxConcurrentPerMailbox}: requests of one account in flight at a time, 1 or more;
 *       Graph allows {@value #GRAPH_MAILBOX_CONCURRENCY} per mailbox and throttles beyond.
 *   <li>{@code callDeadline}: how long one call may take in all, positive: every request, retry,
 *       {@code Retry-After} wait, timeout and wait for a mailbox slot of it
 *       ({@link GraphClient#withinDeadline}); default {@link #DEFAULT_CALL_DEADLINE}, under the 60 s
 *       after which MCP clients commonly give up on a request.
 * </ul>
 */
public record GraphSettings(
        URI baseUrl, Duration requestTimeout, int maxRetries, int maxConcurrentPerMailbox, Duration callDeadline) {

    /** Microsoft's production Graph v1.0 endpoint. */
    public static final URI MICROSOFT_GRAPH = URI.create("https://graph.microsoft.com/v1.0");

    /** Concurrent requests Exchange Online serves per app and mailbox before it answers 429. */
    public static final int GRAPH_MAILBOX_CONCURRENCY = 4;

    /** The call deadline unless configured: answered well before a client's 60 s request timeout. */
    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(45);

    public GraphSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(callDeadline, "callDeadline");
        if (!baseUrl.isAbsolute() || baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("baseUrl must be absolute and without a query: " + baseUrl);
        }
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
        }
        if (maxConcurrentPerMailbox < 1) {
            throw new IllegalArgumentException("maxConcurrentPerMailbox must be >= 1: " + maxConcurrentPerMailbox);
        }
        if (callDeadline.isNegative() || callDeadline.isZero()) {
            throw new IllegalArgumentException("callDeadline must be positive: " + callDeadline);
        }
    }

    /** Settings with the {@link #DEFAULT_CALL_DEADLINE}. */
    public GraphSettings(URI baseUrl, Duration requestTimeout, int maxRetries, int maxConcurrentPerMailbox) {
        this(baseUrl, requestTimeout, maxRetries, maxConcurrentPerMailbox, DEFAULT_CALL_DEADLINE);
    }

    /** Settings with Graph's own per-mailbox concurrency, {@value #GRAPH_MAILBOX_CONCURRENCY}. */
    public GraphSettings(URI baseUrl, Duration requestTimeout, int maxRetries) {
        this(baseUrl, requestTimeout, maxRetries, GRAPH_MAILBOX_CONCURRENCY);
    }
}

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
 * </ul>
 */
public record GraphSettings(URI baseUrl, Duration requestTimeout, int maxRetries) {

    /** Microsoft's production Graph v1.0 endpoint. */
    public static final URI MICROSOFT_GRAPH = URI.create("https://graph.microsoft.com/v1.0");

    public GraphSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
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
    }
}

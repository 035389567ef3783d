package org.m365mcp.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful (2xx) or redirecting (3xx) answer of Graph or of a pre-authenticated URL; also a 304
 * Not Modified, the answer to a conditional GET ({@code If-None-Match}) whose item has not changed.
 *
 * <ul>
 *   <li>{@code body} is the raw body, empty (never {@code null}) when there was none (202, 204,
 *       302, 304); not copied, so it must not be changed.
 *   <li>{@code location} is the {@code Location} header resolved against the request URL: the
 *       monitor of a 202 (copy), the pre-authenticated download URL of a 302 ({@code /content}).
 *       Redirects are never followed.
 *   <li>{@link #toString()} never shows the body.
 * </ul>
 */
public record GraphResponse(int status, byte[] body, Optional<URI> location) {

    // ObjectReader is immutable and thread-safe.
    private static final ObjectReader JSON = new ObjectMapper().reader();

    public GraphResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(location, "location");
    }

    /** True for a 3xx: the answer is somewhere else, at {@link #location()}. */
    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /**
     * The body as JSON; an empty object when there was no body.
     *
     * @throws GraphException ({@code InvalidResponse}) when the body is not JSON
     */
    public JsonNode json() {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new GraphException(status, "InvalidResponse", "Microsoft Graph answered with invalid JSON", e);
        }
    }

    @Override
    public String toString() {
        return "GraphResponse[status=" + status + ", bytes=" + body.length + ", location="
                + location.map(URI::getHost).orElse("none") + "]";
    }
}

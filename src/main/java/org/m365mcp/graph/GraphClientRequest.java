package org.m365mcp.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One request the {@link GraphClient} sends, as a value (the sandbox's {@code GraphRequest} is the other end:
 * a request as the emulator receives it): verb, path, extra headers and body, built with {@link #get},
 * {@link #post}, {@link #patch}, {@link #put}, {@link #delete} and {@link #header}.
 *
 * <ul>
 *   <li>{@code pathAndQuery} is relative to the base URL with query values unencoded, as for
 *       {@link GraphClient#get}.
 *   <li>{@code headers} are sent as given, names matched ignoring case, e.g.
 *       {@code ConsistencyLevel: eventual} for {@code $search}/{@code $count} on directory objects
 *       or {@code Prefer: outlook.body-content-type="text"}; never {@code Authorization} (the
 *       client owns the token) nor {@code Content-Type} (it comes with the body).
 *   <li>{@code body} and {@code contentType} are both {@code null} (no body) or both set; the
 *       array is not copied and must not be changed once the request is built.
 *   <li>Immutable and thread-safe, so a request may be sent again (retries, next pages).
 *       {@link #toString()} shows verb and path only, never the body.
 * </ul>
 */
public record GraphClientRequest(
        String method, String pathAndQuery, Map<String, String> headers, byte[] body, String contentType) {

    private static final String JSON = "application/json";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE");

    public GraphClientRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("Unsupported method: " + method);
        }
        if ((body == null) != (contentType == null)) {
            throw new IllegalArgumentException("body and contentType go together");
        }
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> copy.put(checkedName(name), Objects.requireNonNull(value, name)));
        headers = Collections.unmodifiableMap(copy);
    }

    public static GraphClientRequest get(String pathAndQuery) {
        return new GraphClientRequest("GET", pathAndQuery, Map.of(), null, null);
    }

    public static GraphClientRequest delete(String pathAndQuery) {
        return new GraphClientRequest("DELETE", pathAndQuery, Map.of(), null, null);
    }

    /** A POST with {@code body} as JSON, or without a body when it is {@code null} (e.g. {@code …/send}). */
    public static GraphClientRequest post(String pathAndQuery, JsonNode body) {
        return withJson("POST", pathAndQuery, body);
    }

    public static GraphClientRequest patch(String pathAndQuery, JsonNode body) {
        return withJson("PATCH", pathAndQuery, Objects.requireNonNull(body, "body"));
    }

    public static GraphClientRequest put(String pathAndQuery, JsonNode body) {
        return withJson("PUT", pathAndQuery, Objects.requireNonNull(body, "body"));
    }

    /** A PUT of raw bytes, e.g. a OneDrive upload to {@code /me/drive/root:/a/b.txt:/content}. */
    public static GraphClientRequest put(String pathAndQuery, byte[] content, String contentType) {
        return new GraphClientRequest(
                "PUT",
                pathAndQuery,
                Map.of(),
                Objects.requireNonNull(content, "content"),
                Objects.requireNonNull(contentType, "contentType"));
    }

    /** This request with header {@code name} set to {@code value} (replacing one of the same name). */
    public GraphClientRequest header(String name, String value) {
        Map<String, String> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        more.putAll(headers);
        more.put(name, value);
        return new GraphClientRequest(method, pathAndQuery, more, body, contentType);
    }

    /**
     * True when sending this request twice leaves Graph as sending it once: GET, PUT (replaces)
     * and DELETE. POST is not (a second {@code sendMail} sends a second mail), nor is PATCH: RFC
     * 5789 promises nothing and Graph's PATCH of a meeting sends its attendees an update each time.
     */
    public boolean isIdempotent() {
        return IDEMPOTENT.contains(method);
    }

    @Override
    public String toString() {
        int query = pathAndQuery.indexOf('?');
        return method + " " + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
    }

    private static GraphClientRequest withJson(String method, String pathAndQuery, JsonNode body) {
        // JsonNode.toString() is valid JSON since Jackson 2.10.
        return body == null
                ? new GraphClientRequest(method, pathAndQuery, Map.of(), null, null)
                : new GraphClientRequest(
                        method, pathAndQuery, Map.of(), body.toString().getBytes(StandardCharsets.UTF_8), JSON);
    }

    private static String checkedName(String name) {
        Objects.requireNonNull(name, "header name");
        if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Content-Type")) {
            throw new IllegalArgumentException(name + " is set by the client, not per request");
        }
        return name;
    }
}

package org.m365mcp.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Maps Graph's error body {@code {"error":{"code":…,"message":…}}} to a {@link GraphException}. */
final class GraphErrors {

    private GraphErrors() {}

    /** Reads code and message from {@code body} when it is Graph-shaped, else falls back to the status. */
    static GraphException toException(ObjectMapper json, int status, byte[] body) {
        String code = null;
        String message = null;
        if (body != null && body.length > 0) {
            try {
                JsonNode error = json.readTree(body).path("error");
                code = textOrNull(error.path("code"));
                message = textOrNull(error.path("message"));
            } catch (IOException e) {
                // Not JSON (a proxy's HTML page, say): the status alone has to do.
            }
        }
        return GraphException.fromResponse(
                status, code == null ? defaultCode(status) : code, message == null ? defaultMessage(status) : message);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "InvalidAuthenticationToken";
            case 403 -> "Forbidden";
            case 404 -> "ResourceNotFound";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            default -> "HttpError";
        };
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 429 -> "Too many requests; Graph throttled the call.";
            case 503 -> "The service is temporarily unavailable.";
            default -> "HTTP " + status + " without a Graph error body.";
        };
    }
}

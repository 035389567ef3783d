package org.m365mcp.mcp;

import static org.m365mcp.mcp.McpErrorAnswer.BAD_TRANSPORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The HTTP rules of the MCP Streamable HTTP transport around a message, checked before the MCP SDK sees
 * the request so that each mistake gets its own status and a JSON-RPC error ({@code -32000}):
 *
 * <ul>
 *   <li>405 for a verb other than POST, GET and DELETE;</li>
 *   <li>400 for an {@code MCP-Protocol-Version} this server does not speak (the spec's MUST);</li>
 *   <li>415 for a POST whose {@code Content-Type} is not {@code application/json} in UTF-8;</li>
 *   <li>406 for an {@code Accept} without {@code application/json} and {@code text/event-stream} (POST) or
 *       {@code text/event-stream} (GET), compared as the SDK does;</li>
 *   <li>400 for a request other than initialize without {@code Mcp-Session-Id}.</li>
 *   <li>Immutable and thread-safe.</li>
 * </ul>
 */
final class McpHeaderRules {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String JSON = "application/json";

    private final List<String> protocolVersions;

    /** @param protocolVersions the versions the transport speaks, as it lists them */
    McpHeaderRules(List<String> protocolVersions) {
        this.protocolVersions = List.copyOf(Objects.requireNonNull(protocolVersions, "protocolVersions"));
    }

    /** Refuses the request if its verb or headers break a rule that holds whatever the body; id may be null. */
    void check(String verb, UnaryOperator<String> header, JsonNode id) throws McpEdgeRejection {
        if (!verb.equals("POST") && !verb.equals("GET") && !verb.equals("DELETE")) {
            throw rejection(405, id, "Method not allowed: the MCP endpoint takes POST, GET and DELETE");
        }
        String version = header.apply(VERSION_HEADER);
        if (version != null && !protocolVersions.contains(version.trim())) {
            throw rejection(
                    400,
                    id,
                    "Unsupported MCP-Protocol-Version; this server supports " + String.join(", ", protocolVersions));
        }
        String accept = Objects.requireNonNullElse(header.apply("Accept"), "");
        if (verb.equals("POST")) {
            if (!isUtf8Json(header.apply("Content-Type"))) {
                throw rejection(415, id, "Unsupported Media Type: Content-Type must be application/json (UTF-8)");
            }
            if (!accept.contains(JSON) || !accept.contains(EVENT_STREAM)) {
                throw rejection(406, id, "Not Acceptable: Accept must list application/json and text/event-stream");
            }
        } else if (verb.equals("GET") && !accept.contains(EVENT_STREAM)) {
            throw rejection(406, id, "Not Acceptable: Accept must list text/event-stream");
        }
    }

    /**
     * Refuses a request that is not initialize and names no session, and a response that answers no
     * request of that session: the MCP SDK numbers the requests it sends a client {@code <session id>-<n>}
     * (and otherwise fails with a 500 and a SEVERE log line).
     *
     * @param message the POST's message, or null for GET and DELETE
     */
    void checkSession(UnaryOperator<String> header, McpMessage message) throws McpEdgeRejection {
        JsonNode id = message == null ? null : message.id();
        String session = header.apply(SESSION_HEADER);
        if (message != null && message.isInitialize()) {
            return;
        }
        if (session == null || session.isBlank()) {
            throw rejection(400, id, "Bad Request: Mcp-Session-Id header is required; send initialize first");
        }
        if (message != null
                && message.kind() == McpMessage.Kind.RESPONSE
                && !answersThisSession(message.id(), session)) {
            throw new McpEdgeRejection(new McpErrorAnswer(
                    400,
                    id,
                    McpErrorAnswer.INVALID_REQUEST,
                    "Invalid request: no request of this session awaits a response with this id"));
        }
    }

    private static boolean answersThisSession(JsonNode id, String session) {
        String text = id.isTextual() ? id.asText() : "";
        return text.startsWith(session + "-")
                && text.substring(session.length() + 1).matches("\\d{1,18}");
    }

    private static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")
                    && (parameter.length < 2
                            || !parameter[1]
                                    .trim()
                                    .replace("\"", "")
                                    .toLowerCase(Locale.ROOT)
                                    .matches("utf-?8"))) {
                return false;
            }
        }
        return true;
    }

    private static McpEdgeRejection rejection(int status, JsonNode id, String message) {
        return new McpEdgeRejection(new McpErrorAnswer(status, id, BAD_TRANSPORT, message));
    }
}

package org.m365mcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * An error answer of the MCP endpoint: an HTTP status and a JSON-RPC 2.0 error response object,
 * {@code {"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…}}}.
 *
 * <ul>
 *   <li>{@code id} is the request's id when it had a valid one, else JSON {@code null} (JSON-RPC 2.0, 5.1).</li>
 *   <li>The message is short and written by us: never a Java class name, a stack trace or the client's body.</li>
 *   <li>Immutable and thread-safe.</li>
 * </ul>
 *
 * @param status  the HTTP status (4xx for the client's mistakes)
 * @param id      the request's id, or null
 * @param code    the JSON-RPC error code (one of the constants)
 * @param message what was wrong, for the client
 */
public record McpErrorAnswer(int status, JsonNode id, int code, String message) {

    /** Invalid JSON: the body does not parse, or has something after its one value. */
    public static final int PARSE_ERROR = -32700;
    /** Valid JSON that is not one well-formed JSON-RPC 2.0 message. */
    public static final int INVALID_REQUEST = -32600;
    /** The method does not exist (answered by the MCP server itself, inside a session). */
    public static final int METHOD_NOT_FOUND = -32601;
    /** The params (or a tool call's arguments) do not have the shape the method takes. */
    public static final int INVALID_PARAMS = -32602;
    /** The server failed; the client did nothing wrong. */
    public static final int INTERNAL_ERROR = -32603;
    /** The HTTP request around the message is wrong: headers, verb, size, session id missing, access. */
    public static final int BAD_TRANSPORT = -32000;
    /** The session named by {@code Mcp-Session-Id} does not exist (any more): initialize again. */
    public static final int SESSION_NOT_FOUND = -32001;

    private static final ObjectMapper JSON = new ObjectMapper();

    public McpErrorAnswer {
        Objects.requireNonNull(message, "message");
        id = id == null || id.isMissingNode() ? JsonNodeFactory.instance.nullNode() : id;
    }

    /** An answer to a request whose id is not known (yet). */
    public static McpErrorAnswer of(int status, int code, String message) {
        return new McpErrorAnswer(status, null, code, message);
    }

    /** The same answer for the request with this id. */
    public McpErrorAnswer forId(JsonNode requestId) {
        return new McpErrorAnswer(status, requestId, code, message);
    }

    /** The JSON-RPC error response object. */
    public String json() {
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", id);
        body.putObject("error").put("code", code).put("message", message);
        return body.toString();
    }

    /** Sends this answer (status, JSON body) on {@code response}, which must not be committed. */
    public void write(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // a writer, not the output stream: the MCP SDK may already hold the response's writer
        response.getWriter().write(json());
        response.flushBuffer();
    }
}

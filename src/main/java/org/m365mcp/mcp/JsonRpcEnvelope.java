package org.m365mcp.mcp;

import static org.m365mcp.mcp.McpErrorAnswer.INVALID_PARAMS;
import static org.m365mcp.mcp.McpErrorAnswer.INVALID_REQUEST;
import static org.m365mcp.mcp.McpErrorAnswer.PARSE_ERROR;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a POST body as exactly one JSON-RPC 2.0 message, strictly: what the MCP SDK would accept
 * leniently or fail on with an HTTP 500 is refused here with a 400 and a JSON-RPC error.
 *
 * <ul>
 *   <li>Parse error ({@code -32700}): not JSON, nothing, duplicate keys, or anything after the one value.</li>
 *   <li>Invalid request ({@code -32600}): not one object (a batch, {@code null}, a scalar),
 *       {@code "jsonrpc"} other than {@code "2.0"}, an id neither a string nor a 64-bit integer, a method that is
 *       not a non-empty string, a response without exactly one object {@code result} or well-formed
 *       {@code error}.</li>
 *   <li>Invalid params ({@code -32602}): params that are not an object; {@code tools/call} without a
 *       string {@code name} or with {@code arguments} not an object; {@code initialize} without
 *       {@code protocolVersion}, {@code capabilities} and {@code clientInfo}.</li>
 *   <li>Stateless and thread-safe.</li>
 * </ul>
 */
final class JsonRpcEnvelope {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonRpcEnvelope() {}

    /** The body as JSON, or empty if it is not exactly one JSON value. */
    static Optional<JsonNode> parse(byte[] body) {
        try {
            JsonNode node = STRICT.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The id of {@code json} if it is a message with a valid id; else JSON null. */
    static JsonNode idOf(Optional<JsonNode> json) {
        return json.map(node -> node.get("id"))
                .filter(JsonRpcEnvelope::isValidId)
                .orElse(null);
    }

    /** The message {@code json} holds, or why it is none. */
    static McpMessage read(Optional<JsonNode> json) throws McpEdgeRejection {
        JsonNode node =
                json.orElseThrow(() -> rejection(null, PARSE_ERROR, "Parse error: the body is not one JSON value"));
        if (!node.isObject()) {
            throw rejection(
                    null,
                    INVALID_REQUEST,
                    node.isArray()
                            ? "Invalid request: batches are not supported, send one JSON-RPC message per request"
                            : "Invalid request: the body must be a JSON-RPC message object");
        }
        JsonNode id = node.get("id");
        if (id != null && !isValidId(id)) {
            throw rejection(null, INVALID_REQUEST, "Invalid request: \"id\" must be a string or a 64-bit integer");
        }
        if (!"2.0".equals(textOf(node.get("jsonrpc")))) {
            throw rejection(id, INVALID_REQUEST, "Invalid request: \"jsonrpc\" must be \"2.0\"");
        }
        return node.has("method") ? call(node, id) : response(node, id);
    }

    private static McpMessage call(JsonNode node, JsonNode id) throws McpEdgeRejection {
        String method = textOf(node.get("method"));
        if (method == null || method.isEmpty()) {
            throw rejection(id, INVALID_REQUEST, "Invalid request: \"method\" must be a non-empty string");
        }
        if (node.has("result") || node.has("error")) {
            throw rejection(
                    id, INVALID_REQUEST, "Invalid request: a message has \"method\" or \"result\"/\"error\", not both");
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isObject()) {
            throw rejection(id, INVALID_PARAMS, "Invalid params: \"params\" must be an object");
        }
        if (method.equals("tools/call")) {
            checkToolCall(params, id);
        } else if (method.equals("initialize")) {
            checkInitialize(params, id);
        }
        return new McpMessage(id == null ? McpMessage.Kind.NOTIFICATION : McpMessage.Kind.REQUEST, id, method);
    }

    private static void checkToolCall(JsonNode params, JsonNode id) throws McpEdgeRejection {
        if (params == null || textOf(params.get("name")) == null) {
            throw rejection(
                    id, INVALID_PARAMS, "Invalid params: tools/call needs \"name\", the tool's name as a string");
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isObject()) {
            throw rejection(id, INVALID_PARAMS, "Invalid params: \"arguments\" must be an object");
        }
    }

    private static void checkInitialize(JsonNode params, JsonNode id) throws McpEdgeRejection {
        if (id == null) {
            throw rejection(null, INVALID_REQUEST, "Invalid request: initialize is a request and needs \"id\"");
        }
        boolean complete = params != null
                && textOf(params.get("protocolVersion")) != null
                && params.path("capabilities").isObject()
                && params.path("clientInfo").isObject()
                && textOf(params.get("clientInfo").get("name")) != null
                && textOf(params.get("clientInfo").get("version")) != null;
        if (!complete) {
            throw rejection(
                    id,
                    INVALID_PARAMS,
                    "Invalid params: initialize needs \"protocolVersion\", \"capabilities\""
                            + " and \"clientInfo\" with \"name\" and \"version\"");
        }
    }

    private static McpMessage response(JsonNode node, JsonNode id) throws McpEdgeRejection {
        if (id == null) {
            throw rejection(
                    null,
                    INVALID_REQUEST,
                    "Invalid request: a message needs \"method\", or \"id\" and \"result\" or \"error\"");
        }
        JsonNode result = node.get("result");
        JsonNode error = node.get("error");
        boolean wellFormed = result == null
                ? error != null
                        && error.isObject()
                        && error.path("code").isIntegralNumber()
                        && error.path("message").isTextual()
                : error == null && result.isObject();
        if (!wellFormed) {
            throw rejection(
                    id,
                    INVALID_REQUEST,
                    "Invalid request: a response needs either an object \"result\" or an \"error\" with \"code\" and \"message\"");
        }
        return new McpMessage(McpMessage.Kind.RESPONSE, id, null);
    }

    private static boolean isValidId(JsonNode id) {
        return id.isTextual() || id.isIntegralNumber() && id.canConvertToLong();
    }

    private static String textOf(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static McpEdgeRejection rejection(JsonNode id, int code, String message) {
        return new McpEdgeRejection(new McpErrorAnswer(400, id, code, message));
    }
}

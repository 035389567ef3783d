package org.m365mcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC 2.0 message that passed the MCP edge's checks.
 *
 * @param kind   request, notification or response
 * @param id     the message's id (a string or an integer), or null for a notification
 * @param method the method, or null for a response
 */
record McpMessage(Kind kind, JsonNode id, String method) {

    /** What a JSON-RPC message is, by its members. */
    enum Kind {
        REQUEST,
        NOTIFICATION,
        RESPONSE
    }

    boolean isInitialize() {
        return kind == Kind.REQUEST && "initialize".equals(method);
    }
}

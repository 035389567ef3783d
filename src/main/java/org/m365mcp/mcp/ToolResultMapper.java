package org.m365mcp.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** Renders a tool method's return value as {@code structuredContent} plus the same JSON as text. */
final class ToolResultMapper {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper json;

    ToolResultMapper(ObjectMapper json) {
        this.json = json;
    }

    CallToolResult success(Object value) {
        Map<String, Object> structured = json.convertValue(value, MAP);
        try {
            return CallToolResult.builder()
                    .structuredContent(structured)
                    .addTextContent(json.writeValueAsString(structured))
                    .isError(false)
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render a tool result as JSON", e);
        }
    }

    CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}

package org.m365mcp.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * Renders a tool method's return value, once, as {@code structuredContent} plus the same JSON as text
 * ({@link RenderedAnswer}).
 */
final class ToolResultMapper {

    private final ObjectMapper json;

    ToolResultMapper(ObjectMapper json) {
        this.json = json;
    }

    CallToolResult success(Object value) {
        if (value == null) {
            return CallToolResult.builder()
                    .addTextContent("null")
                    .isError(false)
                    .build();
        }
        try {
            return rendered(json.writeValueAsString(value), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render a tool result as JSON", e);
        }
    }

    /** The answer a cache hit handed over already rendered ({@link org.m365mcp.config.AnswerHandOff}). */
    CallToolResult cached(String answer) {
        return rendered(answer, true);
    }

    private CallToolResult rendered(String answer, boolean fromCache) {
        return CallToolResult.builder()
                .structuredContent(new RenderedAnswer(answer, fromCache, json))
                .addTextContent(answer)
                .isError(false)
                .build();
    }

    CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}

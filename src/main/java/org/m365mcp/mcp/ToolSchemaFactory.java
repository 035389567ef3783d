package org.m365mcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives an MCP {@link McpSchema.Tool} descriptor from a tool method: the input schema from its
 * parameters, the output schema from its return type ({@link OutputSchemaFactory}, as {@code json}
 * writes answers; the answer's own fields), and the annotations.
 */
final class ToolSchemaFactory {

    private final ArgumentBinder binder;
    private final OutputSchemaFactory outputs;

    ToolSchemaFactory(ArgumentBinder binder, ObjectMapper json) {
        this.binder = binder;
        this.outputs = new OutputSchemaFactory(json, OutputSchemaFactory.TOP_LEVEL);
    }

    McpSchema.Tool describe(ToolMethod tool) {
        McpTool meta = tool.annotation();
        return McpSchema.Tool.builder()
                .name(meta.name())
                .description(meta.description())
                .inputSchema(inputSchema(tool))
                .outputSchema(outputSchema(tool))
                .annotations(new McpSchema.ToolAnnotations(
                        null, meta.readOnly(), meta.destructive(), meta.idempotent(), meta.openWorld(), null))
                .build();
    }

    McpSchema.JsonSchema inputSchema(ToolMethod tool) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ToolParameter parameter : tool.parameters()) {
            properties.put(parameter.jsonName(), property(parameter));
            if (parameter.required()) {
                required.add(parameter.jsonName());
            }
        }
        return new McpSchema.JsonSchema("object", properties, required, false, null, null);
    }

    /** What the tool's successful answers are: its {@code structuredContent} conforms to this. */
    Map<String, Object> outputSchema(ToolMethod tool) {
        return outputs.schemaOf(tool.method().getGenericReturnType());
    }

    private Map<String, Object> property(ToolParameter parameter) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", jsonType(parameter));
        if (parameter.isList()) {
            property.put("items", Map.of("type", "string"));
        }
        property.put("description", parameter.description());
        if (parameter.isInteger()) {
            if (parameter.min() != Long.MIN_VALUE) {
                property.put("minimum", parameter.min());
            }
            if (parameter.max() != Long.MAX_VALUE) {
                property.put("maximum", parameter.max());
            }
        }
        if (!parameter.isOptionalWithoutValue()) {
            parameter.defaultValue().ifPresent(text -> property.put("default", binder.convert(parameter, text)));
        }
        return property;
    }

    static String jsonType(ToolParameter parameter) {
        Class<?> type = parameter.type();
        if (type == String.class) {
            return "string";
        }
        if (parameter.isList()) {
            return "array";
        }
        if (parameter.isInteger()) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        throw new IllegalStateException("Unsupported tool parameter type " + type.getName());
    }
}

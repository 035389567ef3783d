package org.m365mcp.mcp;

import java.lang.reflect.Parameter;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.config.Names;

/**
 * One parameter of a tool: its JSON name, Java type, description and default.
 *
 * @param jsonName     snake-case name the client sends
 * @param type         the Java parameter type (String, int/Integer, long/Long, boolean/Boolean, double/Double)
 * @param description  what the parameter means, from {@link ToolParam#value()}
 * @param defaultValue the default as text, empty when the parameter is required
 * @param min          smallest accepted integer
 * @param max          largest accepted integer
 */
record ToolParameter(String jsonName, Class<?> type, String description, Optional<String> defaultValue,
        long min, long max) {

    ToolParameter {
        Objects.requireNonNull(jsonName, "jsonName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    static ToolParameter of(Parameter parameter) {
        ToolParam param = parameter.getAnnotation(ToolParam.class);
        if (param == null) {
            throw new IllegalStateException("Tool parameter " + parameter + " lacks @ToolParam");
        }
        if (!parameter.isNamePresent()) {
            throw new IllegalStateException("Compile with -parameters: cannot name " + parameter);
        }
        Optional<String> defaultValue = ToolParam.REQUIRED.equals(param.defaultValue())
                ? Optional.empty() : Optional.of(param.defaultValue());
        return new ToolParameter(Names.snakeCase(parameter.getName()), parameter.getType(), param.value(),
                defaultValue, param.min(), param.max());
    }

    boolean required() {
        return defaultValue.isEmpty();
    }

    boolean isInteger() {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }
}

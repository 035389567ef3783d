package org.m365mcp.mcp;

import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.config.Names;

/**
 * One parameter of a tool: its JSON name, Java type, description and default.
 *
 * @param jsonName     snake-case name the client sends
 * @param type         the Java parameter type (String, int/Integer, long/Long, boolean/Boolean, double/Double,
 *                     List of String)
 * @param description  what the parameter means, from {@link ToolParam#value()}
 * @param defaultValue the default as text, empty when the parameter is required
 * @param min          smallest accepted integer
 * @param max          largest accepted integer
 */
record ToolParameter(
        String jsonName, Class<?> type, String description, Optional<String> defaultValue, long min, long max) {

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
        if (parameter.getType() == List.class && !isListOfStrings(parameter.getParameterizedType())) {
            throw new IllegalStateException("Only List<String> is supported as a list tool parameter: " + parameter);
        }
        if (!parameter.isNamePresent()) {
            throw new IllegalStateException("Compile with -parameters: cannot name " + parameter);
        }
        Optional<String> defaultValue =
                ToolParam.REQUIRED.equals(param.defaultValue()) ? Optional.empty() : Optional.of(param.defaultValue());
        return new ToolParameter(
                Names.snakeCase(parameter.getName()),
                parameter.getType(),
                param.value(),
                defaultValue,
                param.min(),
                param.max());
    }

    boolean required() {
        return defaultValue.isEmpty();
    }

    /** A {@code List<String>}: a JSON array of strings. */
    boolean isList() {
        return type == List.class;
    }

    /** A list or boxed parameter that is {@code null} when the client leaves it out ({@code defaultValue = ""}). */
    boolean isOptionalWithoutValue() {
        return !type.isPrimitive()
                && type != String.class
                && defaultValue.filter(String::isEmpty).isPresent();
    }

    boolean isInteger() {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    private static boolean isListOfStrings(Type type) {
        return type instanceof ParameterizedType generic && generic.getActualTypeArguments()[0] == String.class;
    }
}

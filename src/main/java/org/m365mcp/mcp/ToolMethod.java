package org.m365mcp.mcp;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A discovered tool: the annotated method, the bean class that declares it and its parameters.
 *
 * @param beanClass  the CDI bean class whose contextual reference is invoked
 * @param method     the {@link McpTool} method
 * @param parameters the parameters in declaration order
 */
record ToolMethod(Class<?> beanClass, Method method, List<ToolParameter> parameters) {

    ToolMethod {
        Objects.requireNonNull(beanClass, "beanClass");
        Objects.requireNonNull(method, "method");
        parameters = List.copyOf(parameters);
    }

    static ToolMethod of(Class<?> beanClass, Method method) {
        if (!method.isAnnotationPresent(McpTool.class)) {
            throw new IllegalArgumentException(method + " is not an @McpTool method");
        }
        return new ToolMethod(
                beanClass,
                method,
                Arrays.stream(method.getParameters()).map(ToolParameter::of).toList());
    }

    McpTool annotation() {
        return method.getAnnotation(McpTool.class);
    }

    String name() {
        return annotation().name();
    }

    /**
     * The tool's area, from its bean's package ({@link McpToolArea}).
     *
     * @throws IllegalStateException when the package declares none
     */
    ToolArea area() {
        McpToolArea area = beanClass.getPackage().getAnnotation(McpToolArea.class);
        if (area == null) {
            throw new IllegalStateException("Tool " + name() + " has no area: add @McpToolArea to "
                    + beanClass.getPackageName() + "'s package-info.java");
        }
        return area.value();
    }
}

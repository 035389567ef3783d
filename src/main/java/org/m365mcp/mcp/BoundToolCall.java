package org.m365mcp.mcp;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * One tool call bound exactly as the MCP endpoint binds it, for callers inside the server (the cache
 * warming job): the method, its bean's contextual reference (so interceptors such as
 * {@code @CacheResult} apply) and the bound Java arguments.
 *
 * @param method    the {@link McpTool} method
 * @param bean      the bean's contextual reference (a client proxy)
 * @param arguments the Java arguments in declaration order; a copy is taken
 */
public record BoundToolCall(String name, Method method, Object bean, Object[] arguments) {

    public BoundToolCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bean, "bean");
        arguments = arguments.clone();
    }

    /** The bound arguments (a copy). */
    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    /** Calls the tool; a failure is the tool's own exception, not a reflective wrapper. */
    public Object invoke() throws Exception {
        try {
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}

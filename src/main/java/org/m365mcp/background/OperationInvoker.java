package org.m365mcp.background;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;

/**
 * Re-runs a cached operation through the same tool code a client call takes: the tool bean's CDI
 * proxy, so the cache interceptor fetches from Graph and stores the result ({@code force_refresh}).
 *
 * <ul>
 *   <li>Arguments travel as JSON by Java parameter name, for an in-process refresh as for a queued
 *       {@code refresh} task, so both take exactly one path.</li>
 *   <li>{@code forceRefresh} is set and {@code useCache} cleared of any {@code false}: the result is stored.</li>
 *   <li>Failures surface as {@link RefreshFailedException} with the tool's own message.</li>
 * </ul>
 */
@ApplicationScoped
public class OperationInvoker {

    static final String USE_CACHE = "useCache";
    static final String FORCE_REFRESH = "forceRefresh";

    @Inject
    @Any
    Instance<Object> beans;

    @Inject
    CachedOperationsExtension operations;

    @Inject
    ObjectMapper json;

    /** The arguments as the JSON a {@code refresh} task keeps. */
    String argumentsJson(Map<String, Object> arguments) {
        try {
            return json.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The call's arguments cannot be written as JSON", e);
        }
    }

    /** Re-runs {@code operation} with the arguments a {@code refresh} task kept. */
    void refresh(String operation, String argumentsJson) {
        Method method = operations
                .method(operation)
                .orElseThrow(
                        () -> new RefreshFailedException("No cached operation '" + operation + "' to refresh", null));
        JsonNode arguments;
        try {
            arguments = json.readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            throw new RefreshFailedException("The task's arguments for " + operation + " are not JSON", e);
        }
        invoke(operation, method, arguments);
    }

    private void invoke(String operation, Method method, JsonNode arguments) {
        Parameter[] parameters = method.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getName();
            if (FORCE_REFRESH.equals(name) || USE_CACHE.equals(name)) {
                values[i] = Boolean.TRUE;
            } else if (!arguments.has(name) && parameters[i].getType().isPrimitive()) {
                throw new RefreshFailedException("The task for " + operation + " lacks argument " + name, null);
            } else {
                values[i] = json.convertValue(
                        arguments.get(name), json.constructType(parameters[i].getParameterizedType()));
            }
        }
        try {
            method.invoke(beans.select(method.getDeclaringClass()).get(), values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new RefreshFailedException("Refresh of " + operation + " failed: " + cause.getMessage(), cause);
        } catch (IllegalAccessException e) {
            throw new RefreshFailedException("Cannot call " + operation, e);
        }
    }
}

package org.m365mcp.cache.annotation;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;

/**
 * One stale entry to refresh: the cached operation and the arguments of the call that found it stale.
 *
 * @param operation the cached operation (the {@code @CacheResult} cache name)
 * @param accountId the account, lower case
 * @param cacheKey  the entry's key (never logged nor shown)
 * @param arguments the call's arguments by Java parameter name (control flags included), copied
 */
public record StaleRefresh(String operation, String accountId, String cacheKey, Map<String, Object> arguments) {

    public StaleRefresh {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(cacheKey, "cacheKey");
        arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }

    /** The arguments of {@code method}'s call {@code values}, by parameter name (needs {@code -parameters}). */
    static Map<String, Object> argumentsOf(Method method, Object[] values) {
        Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            arguments.put(parameters[i].getName(), values[i]);
        }
        return arguments;
    }
}

package org.m365mcp.cache.annotation;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;
import org.m365mcp.cache.entries.EntryKey;
import org.m365mcp.config.AccountIds;
import org.m365mcp.config.Names;

/**
 * One call of a {@code @CacheResult} method, read for caching: operation, account, key parameters and
 * the control flags.
 *
 * <ul>
 *   <li>The operation is the annotation's {@code cacheName}, which must be set.</li>
 *   <li>Parameters named {@code accountId}, {@code useCache} and {@code forceRefresh} have their fixed
 *       meaning (the account id is keyed in lower case); the flags are never part of the key. When
 *       some parameters carry JSR-107's {@link CacheKey}, only those form the key.</li>
 * </ul>
 *
 * @param forceRefreshIndex the position of the {@code forceRefresh} parameter, or -1
 */
record CachedCall(
        String operation,
        String accountId,
        Map<String, Object> keyParams,
        boolean useCache,
        boolean forceRefresh,
        int forceRefreshIndex) {

    static final String ACCOUNT = "accountId";
    static final String USE_CACHE = "useCache";
    static final String FORCE_REFRESH = "forceRefresh";

    static CachedCall of(Method method, Object[] arguments) {
        CacheResult annotation = Objects.requireNonNull(method.getAnnotation(CacheResult.class), "@CacheResult");
        if (annotation.cacheName().isBlank()) {
            throw new IllegalStateException("@CacheResult on " + method + " must name its cache (the operation)");
        }
        Parameter[] parameters = method.getParameters();
        boolean explicitKeys = java.util.Arrays.stream(parameters).anyMatch(p -> p.isAnnotationPresent(CacheKey.class));
        String account = "";
        boolean useCache = true;
        boolean forceRefresh = false;
        int forceIndex = -1;
        Map<String, Object> keyParams = new HashMap<>();
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getName();
            Object value = arguments[i];
            switch (name) {
                case ACCOUNT -> account = accountOf(value);
                case USE_CACHE -> useCache = !Boolean.FALSE.equals(value);
                case FORCE_REFRESH -> {
                    forceRefresh = Boolean.TRUE.equals(value);
                    forceIndex = i;
                }
                default -> {
                    if (!explicitKeys || parameters[i].isAnnotationPresent(CacheKey.class)) {
                        keyParams.put(Names.snakeCase(name), value);
                    }
                }
            }
        }
        return new CachedCall(annotation.cacheName(), account, keyParams, useCache, forceRefresh, forceIndex);
    }

    /** Keys hold account ids in their canonical form (trimmed, lower case), as the MCP edge binds them. */
    static String accountOf(Object value) {
        return AccountIds.canonical(String.valueOf(value));
    }

    EntryKey key() {
        return EntryKey.of(operation, accountId, keyParams);
    }

    /** The key parameters as text (nulls left out), recorded with the entry for invalidation by value. */
    Map<String, String> params() {
        Map<String, String> params = new HashMap<>();
        keyParams.forEach((name, value) -> {
            if (value != null) {
                params.put(name, String.valueOf(value));
            }
        });
        return params;
    }
}

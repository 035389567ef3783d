package org.m365mcp.background;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.cache.annotation.CacheResult;

/**
 * Finds, while the container boots, the {@code @CacheResult} method of every cached operation, so
 * a queued {@code refresh} task (which only names its operation) can re-run the same tool code.
 *
 * <ul>
 *   <li>Only this application's classes count (the server's own JSR-107 interceptors carry the
 *       annotation too).</li>
 *   <li>Two methods caching under one name fail the deployment: a task could not tell them apart.</li>
 *   <li>Thread-safe: the container may fire discovery events from several threads.</li>
 * </ul>
 */
public class CachedOperationsExtension implements Extension {

    private static final String OURS = "org.m365mcp.";

    private final ConcurrentMap<String, Method> byOperation = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Method> duplicates = new ConcurrentHashMap<>();

    <T> void collect(@Observes @WithAnnotations(CacheResult.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (!type.getName().startsWith(OURS)) {
            return;
        }
        Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(CacheResult.class))
                .forEach(method -> {
                    Method other = byOperation.putIfAbsent(
                            method.getAnnotation(CacheResult.class).cacheName(), method);
                    if (other != null && !other.equals(method)) {
                        duplicates.put(method.getAnnotation(CacheResult.class).cacheName(), method);
                    }
                });
    }

    void rejectDuplicates(@Observes AfterDeploymentValidation event) {
        duplicates.forEach((operation, method) ->
                event.addDeploymentProblem(new IllegalStateException("Two @CacheResult methods cache under '"
                        + operation + "': " + method + " and " + byOperation.get(operation))));
    }

    /** The method of {@code operation}, if one caches under that name. */
    Optional<Method> method(String operation) {
        return Optional.ofNullable(byOperation.get(operation));
    }
}

package org.m365mcp.cache.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Clock;
import javax.cache.annotation.CacheResult;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.cache.entries.TieredCaches;

/**
 * Looks, without calling the method, at the entry a {@code @CacheResult} call would be served from.
 *
 * <ul>
 *   <li>Same key as {@link TieredCacheResultInterceptor} (same parameters, same format), so what the
 *       probe calls fresh is what the next call is served as fresh.</li>
 *   <li>Reading faults the entry into the heap tier from the store, like a call would; it is not
 *       counted in the statistics.</li>
 * </ul>
 */
@ApplicationScoped
public class CacheProbe {

    @Inject
    TieredCaches caches;

    @Inject
    Clock clock;

    /** Whether {@code method} is cached at all ({@code @CacheResult} with an operation). */
    public static boolean isCached(Method method) {
        CacheResult annotation = method.getAnnotation(CacheResult.class);
        return annotation != null && !annotation.cacheName().isBlank();
    }

    /** Whether calling {@code method} with {@code arguments} now would be answered FRESH from the cache. */
    public boolean isFresh(Method method, Object[] arguments) {
        CachedCall call = CachedCall.of(method, arguments);
        CacheEntryEnvelope cached = caches.cache(call.operation()).get(call.key());
        return cached != null && cached.isFresh(clock.instant());
    }
}

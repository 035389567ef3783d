package org.m365mcp.cache.annotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.annotation.CacheResult;
import org.m365mcp.cache.annotation.CacheStatistics.Outcome;
import org.m365mcp.cache.jcache.CacheEntryEnvelope;

/**
 * Gives JSR-107's {@code @CacheResult} its tiered meaning (SPEC §2).
 *
 * <ul>
 *   <li>FRESH: return the cached result. STALE: return it at once and refresh it in the background.
 *       EXPIRED or MISS: call the method, store, return.</li>
 *   <li>{@code use_cache=false}: neither read nor write. {@code force_refresh=true}: call and store.</li>
 *   <li>Results are stored as JSON and returned stamped with their {@link CacheInfo} when they are
 *       {@link CacheStamped}.</li>
 *   <li>A cache that fails is logged and bypassed: the tool still answers from Graph.</li>
 * </ul>
 */
@CacheResult
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TieredCacheResultInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TieredCacheResultInterceptor.class.getName());

    @Inject
    TieredCaches caches;

    @Inject
    CacheTtlSettings ttl;

    @Inject
    CacheStatistics statistics;

    @Inject
    StaleRefresher refresher;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    @Any
    Instance<Object> beans;

    @AroundInvoke
    public Object cached(InvocationContext context) throws Exception {
        CachedCall call = CachedCall.of(context.getMethod(), context.getParameters());
        if (!call.useCache()) {
            statistics.record(call.operation(), Outcome.BYPASS);
            return stamp(context.proceed(), new CacheInfo(CacheInfo.BYPASS, null));
        }
        String key = call.key();
        if (!call.forceRefresh()) {
            CacheEntryEnvelope cached = read(call, key);
            Object value = cached == null ? null : decode(context.getMethod(), cached);
            Instant now = clock.instant();
            if (value != null && cached.isFresh(now)) {
                statistics.record(call.operation(), Outcome.FRESH);
                return stamp(value, new CacheInfo(CacheInfo.FRESH, cached.createdAt()));
            }
            if (value != null && cached.isStale(now) && call.forceRefreshIndex() >= 0) {
                statistics.record(call.operation(), Outcome.STALE);
                refresher.refresh(key, () -> refreshInBackground(context.getMethod(), context.getParameters(), call));
                return stamp(value, new CacheInfo(CacheInfo.STALE, cached.createdAt()));
            }
        }
        statistics.record(call.operation(), call.forceRefresh() ? Outcome.REFRESH : Outcome.MISS);
        Object result = context.proceed();
        Instant fetchedAt = store(call, key, result);
        return stamp(result, new CacheInfo(CacheInfo.MISS, fetchedAt));
    }

    private CacheEntryEnvelope read(CachedCall call, String key) {
        try {
            return caches.cache(call.operation()).get(key);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cache read for " + call.operation() + " failed; answering from the source", e);
            return null;
        }
    }

    private Instant store(CachedCall call, String key, Object result) {
        Instant now = clock.instant();
        try {
            Cache<String, CacheEntryEnvelope> cache = caches.cache(call.operation());
            cache.put(key, ttl.policy(call.operation()).envelope(json.writeValueAsBytes(result), now, call.params()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cache write for " + call.operation() + " failed; the answer is not cached", e);
        }
        return now;
    }

    /** Re-invokes the method through its bean's proxy with {@code forceRefresh=true}: fetch and store. */
    private void refreshInBackground(Method method, Object[] arguments, CachedCall call) {
        Object[] forced = arguments.clone();
        forced[call.forceRefreshIndex()] = Boolean.TRUE;
        try {
            method.invoke(beans.select(method.getDeclaringClass()).get(), forced);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Refresh of " + call.operation() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot refresh " + call.operation(), e);
        }
    }

    /** The cached result, or null when it no longer reads as the method's type (then it is a miss). */
    private Object decode(Method method, CacheEntryEnvelope envelope) {
        try {
            return json.readValue(envelope.payload(), json.constructType(method.getGenericReturnType()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "A cached " + method.getName() + " result cannot be read; fetching it again", e);
            return null;
        }
    }

    private static Object stamp(Object result, CacheInfo info) {
        return result instanceof CacheStamped<?> stamped ? stamped.withCache(info) : result;
    }
}

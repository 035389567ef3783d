package org.m365mcp.cache.annotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.annotation.CacheResult;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.cache.entries.CacheStatistics;
import org.m365mcp.cache.entries.CacheStatistics.Outcome;
import org.m365mcp.cache.entries.CacheTtlSettings;
import org.m365mcp.cache.entries.EntryKey;
import org.m365mcp.cache.entries.TieredCaches;

/**
 * Gives JSR-107's {@code @CacheResult} its tiered meaning (SPEC §2).
 *
 * <ul>
 *   <li>FRESH: return the cached result. STALE: return it at once and refresh it in the background.
 *       EXPIRED or MISS: call the method, store, return — unless a refresh of the key is in flight
 *       (a listing a change dropped, being fetched again): then wait for it, bounded, and return what
 *       it cached, as FRESH ({@link BackgroundRefresh#awaitInFlight}).</li>
 *   <li>{@code use_cache=false}: neither read nor write. {@code force_refresh=true}: call and store.</li>
 *   <li>Results are stored as JSON and returned stamped with their {@link CacheInfo} when they are
 *       {@link CacheStamped}; a hit whose answer the MCP layer awaits is handed over already rendered,
 *       and the method returns null ({@link HitAnswers}).</li>
 *   <li>A cache that fails is logged and bypassed: the tool still answers from Graph.</li>
 *   <li>A result fetched while the same entries were invalidated is returned but not cached
 *       ({@link TieredCaches#invalidatedSince}); stale refreshes go to {@link BackgroundRefresh}.</li>
 *   <li>A fetch that fails because Graph could not answer ({@link SourceFailures}) is answered from an
 *       entry up to {@code m365.mcp.cache.max-stale-if-error} past its stale end, stamped
 *       {@code stale_if_error} ({@link StaleIfError}); never for {@code force_refresh}, nor for Graph's
 *       4xx answers.</li>
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
    BackgroundRefresh refresher;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    SourceFailures sourceFailures;

    @Inject
    HitAnswers hits;

    @AroundInvoke
    public Object cached(InvocationContext context) throws Exception {
        long started = System.nanoTime();
        CachedCall call = CachedCall.of(context.getMethod(), context.getParameters());
        if (!call.useCache()) {
            return stamp(proceed(context, call, Outcome.BYPASS, started), new CacheInfo(CacheInfo.BYPASS, null));
        }
        EntryKey key = call.key();
        CacheEntryEnvelope cached = null;
        if (!call.forceRefresh()) {
            cached = read(call, key);
            Instant now = clock.instant();
            if (cached != null && cached.isFresh(now)) {
                Optional<HitAnswers.Hit> fresh =
                        hits.answer(context.getMethod(), cached, new CacheInfo(CacheInfo.FRESH, cached.createdAt()));
                if (fresh.isPresent()) {
                    served(call, Outcome.FRESH, started);
                    return fresh.get().value();
                }
            } else if (cached != null && cached.isStale(now) && call.forceRefreshIndex() >= 0) {
                Optional<HitAnswers.Hit> stale =
                        hits.answer(context.getMethod(), cached, new CacheInfo(CacheInfo.STALE, cached.createdAt()));
                if (stale.isPresent()) {
                    refresher.schedule(new StaleRefresh(
                            call.operation(),
                            call.accountId(),
                            key.text(),
                            StaleRefresh.argumentsOf(context.getMethod(), context.getParameters())));
                    served(call, Outcome.STALE, started);
                    return stale.get().value();
                }
            }
            Optional<HitAnswers.Hit> joined = joined(context.getMethod(), call, key, started);
            if (joined.isPresent()) {
                return joined.get().value();
            }
        }
        // Read before fetching: an invalidation while Graph answers makes this result too old to keep.
        long generation = caches.generation();
        Outcome outcome = call.forceRefresh() ? Outcome.REFRESH : Outcome.MISS;
        Object result;
        try {
            result = context.proceed();
        } catch (Exception failure) {
            Optional<HitAnswers.Hit> answered = staleIfError(context.getMethod(), call, cached, failure, started);
            if (answered.isPresent()) {
                return answered.get().value();
            }
            served(call, outcome, started);
            throw failure;
        }
        served(call, outcome, started);
        return stamp(result, new CacheInfo(CacheInfo.MISS, store(call, key, result, generation)));
    }

    /**
     * The entry a refresh of the key that was in flight cached while this read waited for it
     * ({@link BackgroundRefresh#awaitInFlight}), when it is there and fresh; empty when none was in
     * flight, it outlasted the wait, or it cached nothing (it failed, or a change came meanwhile).
     */
    private Optional<HitAnswers.Hit> joined(Method method, CachedCall call, EntryKey key, long startedNanos) {
        if (!refresher.awaitInFlight(key.text())) {
            return Optional.empty();
        }
        CacheEntryEnvelope entry = read(call, key);
        if (entry == null || !entry.isFresh(clock.instant())) {
            return Optional.empty();
        }
        Optional<HitAnswers.Hit> hit = hits.answer(method, entry, new CacheInfo(CacheInfo.FRESH, entry.createdAt()));
        hit.ifPresent(answered -> served(call, Outcome.FRESH, startedNanos));
        return hit;
    }

    /**
     * The cached result stamped {@code stale_if_error} when {@code failure} lets it answer
     * ({@link StaleIfError}): the entry read before fetching when there was one (stale), else what the
     * store still holds past the stale end. Counted when it answers; empty otherwise.
     */
    private Optional<HitAnswers.Hit> staleIfError(
            Method method, CachedCall call, CacheEntryEnvelope cached, Exception failure, long startedNanos) {
        Optional<String> sourceFailed = sourceFailures.unavailable(failure);
        Instant now = clock.instant();
        Optional<CacheEntryEnvelope> entry = StaleIfError.servable(
                call.forceRefresh(),
                sourceFailed,
                () -> cached != null ? cached : stored(call),
                now,
                ttl.maxStaleIfError());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        CacheInfo info = StaleIfError.info(entry.get(), sourceFailed.get(), now);
        Optional<HitAnswers.Hit> hit = hits.answer(method, entry.get(), info);
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        LOG.info(() -> call.operation() + " answered from the cache: " + info.note());
        served(call, Outcome.STALE_IF_ERROR, startedNanos);
        return hit;
    }

    /** What the store holds for the call whatever its state, or null (none, no store, or the store failed). */
    private CacheEntryEnvelope stored(CachedCall call) {
        try {
            return caches.stored(call.operation(), call.key()).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cache read for " + call.operation() + " failed; no stale-if-error answer", e);
            return null;
        }
    }

    /** Calls the method (Graph); the call is counted whether it answers or throws. */
    private Object proceed(InvocationContext context, CachedCall call, Outcome outcome, long startedNanos)
            throws Exception {
        try {
            return context.proceed();
        } finally {
            served(call, outcome, startedNanos);
        }
    }

    private void served(CachedCall call, Outcome outcome, long startedNanos) {
        statistics.record(
                call.operation(),
                call.accountId(),
                call.params(),
                outcome,
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private CacheEntryEnvelope read(CachedCall call, EntryKey key) {
        try {
            return caches.cache(call.operation()).get(key);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cache read for " + call.operation() + " failed; answering from the source", e);
            return null;
        }
    }

    /**
     * Stores {@code result} unless an invalidation since {@code generation} was read covered its entry
     * (then the result predates what the invalidation asked for). An
     * invalidation that lands between the check and the write is caught by the second check, one
     * after the write by the invalidation itself, which marks its generation before removing.
     */
    private Instant store(CachedCall call, EntryKey key, Object result, long generation) {
        Instant now = clock.instant();
        try {
            if (caches.invalidatedSince(key, call.params(), generation)) {
                LOG.fine(() -> "A " + call.operation() + " result fetched before an invalidation is not cached");
                return now;
            }
            Cache<EntryKey, CacheEntryEnvelope> cache = caches.cache(call.operation());
            cache.put(key, ttl.policy(call.operation()).envelope(json.writeValueAsBytes(result), now, call.params()));
            if (caches.invalidatedSince(key, call.params(), generation)) {
                cache.remove(key);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cache write for " + call.operation() + " failed; the answer is not cached", e);
        }
        return now;
    }

    private static Object stamp(Object result, CacheInfo info) {
        return CacheStamped.stamp(result, info);
    }
}

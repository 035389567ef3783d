package org.m365mcp.cache.jcache;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;
import org.ehcache.jsr107.Eh107Configuration;

/**
 * Creates and holds the caches of one URI: {@link TieredConfiguration}s become Ehcache heap tiers
 * with the durable tier as loader-writer; any other JCache configuration is honoured as JSR-107
 * defines it.
 *
 * <ul>
 *   <li>Every cache is a {@link TieredCache} facade over Ehcache's JSR-107 cache, so that
 *       {@code getCacheManager()} and {@code unwrap} answer with this provider's types.</li>
 *   <li>Thread-safe: the heap provider's manager is, and the facades live in a concurrent map.</li>
 *   <li>Closing the manager closes its caches and removes it from its provider.</li>
 * </ul>
 */
public final class TieredCacheManager implements CacheManager {

    private final TieredCachingProvider provider;
    private final URI uri;
    private final ClassLoader classLoader;
    private final Properties properties;
    private final Clock clock;
    private final CacheManager heap;
    private final ConcurrentMap<String, TieredCache<?, ?>> facades = new ConcurrentHashMap<>();

    TieredCacheManager(
            TieredCachingProvider provider,
            URI uri,
            ClassLoader classLoader,
            Properties properties,
            Clock clock,
            CacheManager heap) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.heap = Objects.requireNonNull(heap, "heap");
    }

    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String name, C configuration) {
        requireOpen();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
        if (configuration instanceof TieredConfiguration<K, V> tiered) {
            TieredConfiguration<K, V> copy = new TieredConfiguration<>(tiered);
            Cache<K, V> created = heap.createCache(
                    name, Eh107Configuration.fromEhcacheCacheConfiguration(HeapTierConfigurations.of(copy, clock)));
            TieredCache<K, V> facade = new TieredCache<>(this, created, copy);
            facades.put(name, facade);
            copy.getCacheEntryListenerConfigurations().forEach(facade::attachListener);
            heap.enableStatistics(name, copy.isStatisticsEnabled());
            heap.enableManagement(name, copy.isManagementEnabled());
            return facade;
        }
        return facade(heap.createCache(name, withAdaptedListeners(configuration)));
    }

    /** {@code configuration} with its listeners adapted to honour their old-value choice. */
    private static <K, V> Configuration<K, V> withAdaptedListeners(Configuration<K, V> configuration) {
        if (!(configuration instanceof CompleteConfiguration<K, V> complete)
                || !complete.getCacheEntryListenerConfigurations().iterator().hasNext()) {
            return configuration;
        }
        return OldValueHonouringListeners.withListeners(complete, OldValueHonouringListeners::adapt);
    }

    @Override
    public <K, V> Cache<K, V> getCache(String name, Class<K> keyType, Class<V> valueType) {
        requireOpen();
        return facade(heap.getCache(name, keyType, valueType));
    }

    @Override
    public <K, V> Cache<K, V> getCache(String name) {
        requireOpen();
        return facade(heap.<K, V>getCache(name));
    }

    @Override
    public Iterable<String> getCacheNames() {
        requireOpen();
        return heap.getCacheNames();
    }

    @Override
    public void destroyCache(String name) {
        requireOpen();
        heap.destroyCache(name);
        facades.remove(Objects.requireNonNull(name, "name"));
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        requireOpen();
        heap.enableManagement(cacheName, enabled);
        TieredCache<?, ?> facade = facades.get(cacheName);
        if (facade != null) {
            facade.managementEnabled(enabled);
        }
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        requireOpen();
        heap.enableStatistics(cacheName, enabled);
        TieredCache<?, ?> facade = facades.get(cacheName);
        if (facade != null) {
            facade.statisticsEnabled(enabled);
        }
    }

    @Override
    public CachingProvider getCachingProvider() {
        return provider;
    }

    @Override
    public URI getURI() {
        return uri;
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    /** The clock that decides entry lifetimes in this manager's caches. */
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        if (!heap.isClosed()) {
            heap.close();
            facades.clear();
        }
        provider.forget(this);
    }

    @Override
    public boolean isClosed() {
        return heap.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return heap.unwrap(type);
    }

    /** The facade of {@code cache}, made once per underlying cache (a re-created cache gets a new one). */
    @SuppressWarnings("unchecked")
    private <K, V> Cache<K, V> facade(Cache<K, V> cache) {
        if (cache == null) {
            return null;
        }
        return (Cache<K, V>) facades.compute(
                cache.getName(),
                (name, known) -> known != null && known.wraps(cache) ? known : new TieredCache<>(this, cache, null));
    }

    private void requireOpen() {
        if (isClosed()) {
            throw new IllegalStateException("Cache manager " + uri + " is closed");
        }
    }
}

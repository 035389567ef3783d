package org.m365mcp.cache.jcache;

import java.net.URI;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;

/**
 * Creates and holds {@link TieredCache}s by name.
 *
 * <ul>
 *   <li>Thread-safe: caches live in a concurrent map; creation of one name happens once.</li>
 *   <li>Closing the manager closes its caches and removes it from its provider.</li>
 * </ul>
 */
public final class TieredCacheManager implements CacheManager {

    private final TieredCachingProvider provider;
    private final URI uri;
    private final ClassLoader classLoader;
    private final Properties properties;
    private final ConcurrentMap<String, TieredCache<?, ?>> caches = new ConcurrentHashMap<>();
    private volatile boolean closed;

    TieredCacheManager(TieredCachingProvider provider, URI uri, ClassLoader classLoader, Properties properties) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.classLoader = classLoader;
        this.properties = new Properties();
        this.properties.putAll(properties);
    }

    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String name, C configuration) {
        requireOpen();
        Objects.requireNonNull(name, "name");
        TieredConfiguration<K, V> tiered = copyOf(configuration);
        TieredCache<K, V> created = new TieredCache<>(name, this, tiered, HeapTierFactory.create(tiered),
                () -> caches.remove(name));
        if (caches.putIfAbsent(name, created) != null) {
            created.unwrap(org.ehcache.UserManagedCache.class).close();
            throw new CacheException("A cache named " + name + " already exists");
        }
        return created;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String name, Class<K> keyType, Class<V> valueType) {
        requireOpen();
        TieredCache<?, ?> cache = caches.get(Objects.requireNonNull(name, "name"));
        if (cache == null) {
            return null;
        }
        Configuration<?, ?> configuration = cache.configuration();
        if (!configuration.getKeyType().equals(keyType) || !configuration.getValueType().equals(valueType)) {
            throw new ClassCastException("Cache " + name + " holds " + configuration.getKeyType().getName() + " -> "
                    + configuration.getValueType().getName());
        }
        return (Cache<K, V>) cache;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String name) {
        requireOpen();
        return (Cache<K, V>) caches.get(Objects.requireNonNull(name, "name"));
    }

    @Override
    public Iterable<String> getCacheNames() {
        requireOpen();
        return java.util.Set.copyOf(caches.keySet());
    }

    @Override
    public void destroyCache(String name) {
        requireOpen();
        TieredCache<?, ?> cache = caches.get(Objects.requireNonNull(name, "name"));
        if (cache != null) {
            cache.clear();
            cache.close();
        }
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        throw new UnsupportedOperationException("Management MXBeans arrive with the complete JCache provider");
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        throw new UnsupportedOperationException("Statistics MXBeans arrive with the complete JCache provider");
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

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            caches.values().forEach(cache -> {
                cache.close();
                cache.unwrap(org.ehcache.UserManagedCache.class).close();
            });
            caches.clear();
            provider.forget(this);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("Cannot unwrap the cache manager to " + type.getName());
    }

    private static <K, V> TieredConfiguration<K, V> copyOf(Configuration<K, V> configuration) {
        if (configuration instanceof CompleteConfiguration<K, V> complete) {
            return new TieredConfiguration<>(complete);
        }
        MutableConfiguration<K, V> basic = new MutableConfiguration<K, V>()
                .setTypes(configuration.getKeyType(), configuration.getValueType())
                .setStoreByValue(configuration.isStoreByValue());
        return new TieredConfiguration<>(basic);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Cache manager " + uri + " is closed");
        }
    }
}

package org.m365mcp.cache.jcache;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * A cache of the tiered provider: the JSR-107 operations run on Ehcache's JSR-107 cache (heap tier,
 * with the durable tier as its loader-writer); this facade answers for the provider's identity.
 *
 * <ul>
 *   <li>{@link #getCacheManager()} is the {@link TieredCacheManager}; {@link #unwrap} reaches this
 *       class, then Ehcache's.</li>
 *   <li>A cache created from a {@link TieredConfiguration} reports that configuration (a copy,
 *       kept current with listener registrations and the statistics/management switches).</li>
 *   <li>Listeners are registered adapted ({@link OldValueHonouringListeners}); callers see and
 *       deregister the configurations they registered.</li>
 *   <li>Thread-safe: the delegate is; the tiered configuration is guarded by its own monitor.</li>
 * </ul>
 */
public final class TieredCache<K, V> implements Cache<K, V> {

    private final TieredCacheManager manager;
    private final Cache<K, V> delegate;
    private final TieredConfiguration<K, V> tiered;
    /** Listener configurations as registered by callers, and what the heap tier got in their place. */
    private final ConcurrentMap<CacheEntryListenerConfiguration<K, V>, CacheEntryListenerConfiguration<K, V>>
            listeners = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    TieredCache(TieredCacheManager manager, Cache<K, V> delegate, TieredConfiguration<K, V> tiered) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.tiered = tiered;
        if (tiered == null) { // a JSR-107 configuration: its listeners were adapted on creation
            CompleteConfiguration<K, V> configured = delegate.getConfiguration(CompleteConfiguration.class);
            configured
                    .getCacheEntryListenerConfigurations()
                    .forEach(adapted -> listeners.put(OldValueHonouringListeners.original(adapted), adapted));
        }
    }

    boolean wraps(Cache<?, ?> cache) {
        return delegate == cache;
    }

    @Override
    public V get(K key) {
        return delegate.get(key);
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        return delegate.getAll(keys);
    }

    @Override
    public boolean containsKey(K key) {
        return delegate.containsKey(key);
    }

    @Override
    public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
        delegate.loadAll(keys, replaceExistingValues, listener);
    }

    @Override
    public void put(K key, V value) {
        delegate.put(key, value);
    }

    @Override
    public V getAndPut(K key, V value) {
        return delegate.getAndPut(key, value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        delegate.putAll(map);
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(K key) {
        return delegate.remove(key);
    }

    @Override
    public boolean remove(K key, V oldValue) {
        return delegate.remove(key, oldValue);
    }

    @Override
    public V getAndRemove(K key) {
        return delegate.getAndRemove(key);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return delegate.replace(key, oldValue, newValue);
    }

    @Override
    public boolean replace(K key, V value) {
        return delegate.replace(key, value);
    }

    @Override
    public V getAndReplace(K key, V value) {
        return delegate.getAndReplace(key, value);
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        delegate.removeAll(keys);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C extends Configuration<K, V>> C getConfiguration(Class<C> type) {
        if (tiered != null && type.isInstance(tiered)) {
            synchronized (tiered) {
                return type.cast(new TieredConfiguration<>(tiered));
            }
        }
        C configured = delegate.getConfiguration(type);
        if (configured instanceof CompleteConfiguration<?, ?> complete
                && type.isAssignableFrom(MutableConfiguration.class)
                && !listeners.isEmpty()) {
            return type.cast(withOriginalListeners((CompleteConfiguration<K, V>) complete));
        }
        return configured;
    }

    /** A copy of the heap tier's configuration that lists the listeners as their callers registered them. */
    private MutableConfiguration<K, V> withOriginalListeners(CompleteConfiguration<K, V> configured) {
        return OldValueHonouringListeners.withListeners(configured, OldValueHonouringListeners::original);
    }

    @Override
    public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) throws EntryProcessorException {
        return delegate.invoke(key, processor, arguments);
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(
            Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
        return delegate.invokeAll(keys, processor, arguments);
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate.unwrap(type);
    }

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listener) {
        attachListener(listener);
        if (tiered != null) {
            synchronized (tiered) {
                tiered.addCacheEntryListenerConfiguration(listener);
            }
        }
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listener) {
        Objects.requireNonNull(listener, "listener");
        CacheEntryListenerConfiguration<K, V> adapted = listeners.remove(listener);
        if (adapted != null) {
            delegate.deregisterCacheEntryListener(adapted);
        }
        if (tiered != null) {
            synchronized (tiered) {
                tiered.removeCacheEntryListenerConfiguration(listener);
            }
        }
    }

    @Override
    public Iterator<Entry<K, V>> iterator() {
        return delegate.iterator();
    }

    /** Registers {@code listener} with the heap tier, adapted to honour its old-value choice. */
    void attachListener(CacheEntryListenerConfiguration<K, V> listener) {
        Objects.requireNonNull(listener, "listener");
        CacheEntryListenerConfiguration<K, V> adapted = OldValueHonouringListeners.adapt(listener);
        if (listeners.putIfAbsent(listener, adapted) != null) {
            throw new IllegalArgumentException("This listener configuration is already registered");
        }
        try {
            delegate.registerCacheEntryListener(adapted);
        } catch (RuntimeException e) {
            listeners.remove(listener, adapted);
            throw e;
        }
    }

    void statisticsEnabled(boolean enabled) {
        if (tiered != null) {
            synchronized (tiered) {
                tiered.setStatisticsEnabled(enabled);
            }
        }
    }

    void managementEnabled(boolean enabled) {
        if (tiered != null) {
            synchronized (tiered) {
                tiered.setManagementEnabled(enabled);
            }
        }
    }

    @Override
    public String toString() {
        return "TieredCache[" + getName() + "]";
    }
}

package org.m365mcp.cache.jcache;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;
import org.ehcache.spi.loaderwriter.CacheLoadingException;
import org.ehcache.spi.loaderwriter.CacheWritingException;

/**
 * A JCache {@link Cache} whose caching tier is an Ehcache 3 heap cache and whose authoritative tier is
 * the configured {@code CacheLoader}/{@code CacheWriter} (for m365-mcp: the encrypted store).
 *
 * <ul>
 *   <li>Read: heap, else fault in from the authoritative tier. Write: authoritative tier first
 *       (Ehcache's loader-writer contract), then the heap.</li>
 *   <li>Every public method checks closed, delegates, and translates Ehcache's exceptions into
 *       JSR-107's.</li>
 *   <li>Thread-safe: Ehcache's cache is; this class adds only a volatile closed flag.</li>
 *   <li>Entry processors and listeners come with the complete provider; until then they throw
 *       {@link UnsupportedOperationException}.</li>
 * </ul>
 */
public final class TieredCache<K, V> implements Cache<K, V> {

    private final String name;
    private final TieredCacheManager manager;
    private final TieredConfiguration<K, V> configuration;
    private final org.ehcache.Cache<K, V> heap;
    private final Runnable onClose;
    private volatile boolean closed;

    TieredCache(String name, TieredCacheManager manager, TieredConfiguration<K, V> configuration,
            org.ehcache.Cache<K, V> heap, Runnable onClose) {
        this.name = Objects.requireNonNull(name, "name");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.heap = Objects.requireNonNull(heap, "heap");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public V get(K key) {
        return guarded(() -> heap.get(requireKey(key)));
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        return guarded(() -> {
            Map<K, V> found = new HashMap<>();
            heap.getAll(keys).forEach((k, v) -> {
                if (v != null) {
                    found.put(k, v);
                }
            });
            return found;
        });
    }

    @Override
    public boolean containsKey(K key) {
        return guarded(() -> heap.containsKey(requireKey(key)));
    }

    @Override
    public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
        try {
            guarded(() -> {
                keys.forEach(key -> {
                    if (replaceExistingValues) {
                        heap.remove(key);
                    }
                    heap.get(key);
                });
                return null;
            });
            if (listener != null) {
                listener.onCompletion();
            }
        } catch (RuntimeException e) {
            if (listener == null) {
                throw e;
            }
            listener.onException(e);
        }
    }

    @Override
    public void put(K key, V value) {
        guarded(() -> {
            heap.put(requireKey(key), Objects.requireNonNull(value, "value"));
            return null;
        });
    }

    @Override
    public V getAndPut(K key, V value) {
        return guarded(() -> {
            V previous = heap.get(requireKey(key));
            heap.put(key, Objects.requireNonNull(value, "value"));
            return previous;
        });
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        guarded(() -> {
            heap.putAll(map);
            return null;
        });
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        return guarded(() -> heap.putIfAbsent(requireKey(key), Objects.requireNonNull(value, "value")) == null);
    }

    @Override
    public boolean remove(K key) {
        return guarded(() -> {
            boolean present = heap.containsKey(requireKey(key));
            heap.remove(key);
            return present;
        });
    }

    @Override
    public boolean remove(K key, V oldValue) {
        return guarded(() -> heap.remove(requireKey(key), oldValue));
    }

    @Override
    public V getAndRemove(K key) {
        return guarded(() -> {
            V previous = heap.get(requireKey(key));
            heap.remove(key);
            return previous;
        });
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return guarded(() -> heap.replace(requireKey(key), oldValue, newValue));
    }

    @Override
    public boolean replace(K key, V value) {
        return guarded(() -> heap.replace(requireKey(key), value) != null);
    }

    @Override
    public V getAndReplace(K key, V value) {
        return guarded(() -> heap.replace(requireKey(key), value));
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        guarded(() -> {
            heap.removeAll(keys);
            return null;
        });
    }

    @Override
    public void removeAll() {
        guarded(() -> {
            for (org.ehcache.Cache.Entry<K, V> entry : heap) {
                heap.remove(entry.getKey());
            }
            return null;
        });
    }

    @Override
    public void clear() {
        guarded(() -> {
            heap.clear();
            return null;
        });
    }

    @Override
    public <C extends Configuration<K, V>> C getConfiguration(Class<C> type) {
        if (type.isInstance(configuration)) {
            return type.cast(configuration);
        }
        throw new IllegalArgumentException("Configuration is not a " + type.getName());
    }

    /** The tiered configuration this cache was created with. */
    public CompleteConfiguration<K, V> configuration() {
        return configuration;
    }

    @Override
    public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
        throw new UnsupportedOperationException("Entry processors arrive with the complete JCache provider");
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> processor,
            Object... arguments) {
        throw new UnsupportedOperationException("Entry processors arrive with the complete JCache provider");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
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
        if (type.isInstance(heap)) {
            return type.cast(heap);
        }
        throw new IllegalArgumentException("Cannot unwrap " + name + " to " + type.getName());
    }

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listener) {
        throw new UnsupportedOperationException("Listeners arrive with the complete JCache provider");
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listener) {
        throw new UnsupportedOperationException("Listeners arrive with the complete JCache provider");
    }

    @Override
    public Iterator<Entry<K, V>> iterator() {
        Iterator<org.ehcache.Cache.Entry<K, V>> entries = guarded(heap::iterator);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Entry<K, V> next() {
                org.ehcache.Cache.Entry<K, V> next = entries.next();
                return new JCacheLoaderWriterAdapter.Entry<>(next.getKey(), next.getValue());
            }
        };
    }

    private static <K> K requireKey(K key) {
        return Objects.requireNonNull(key, "key");
    }

    private <T> T guarded(Supplier<T> operation) {
        if (closed) {
            throw new IllegalStateException("Cache " + name + " is closed");
        }
        try {
            return operation.get();
        } catch (CacheLoadingException e) {
            throw new CacheLoaderException(e.getCause() == null ? e : e.getCause());
        } catch (CacheWritingException e) {
            throw new CacheWriterException(e.getCause() == null ? e : e.getCause());
        }
    }
}

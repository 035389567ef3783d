package org.m365mcp.cache.jcache;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.ehcache.spi.loaderwriter.CacheLoaderWriter;

/**
 * Presents a JSR-107 {@link CacheLoader} / {@link CacheWriter} pair — the authoritative tier — to
 * Ehcache's heap tier as its {@link CacheLoaderWriter}: Ehcache then reads through on a heap miss and
 * writes through on every mutation, authoritative tier first.
 *
 * <p>Either side may be null (no read-through or no write-through). Thread-safety is that of the
 * delegates.
 */
final class JCacheLoaderWriterAdapter<K, V> implements CacheLoaderWriter<K, V> {

    private final CacheLoader<K, V> loader;
    private final CacheWriter<? super K, ? super V> writer;

    JCacheLoaderWriterAdapter(CacheLoader<K, V> loader, CacheWriter<? super K, ? super V> writer) {
        this.loader = loader;
        this.writer = writer;
    }

    @Override
    public V load(K key) {
        return loader == null ? null : loader.load(key);
    }

    @Override
    public void write(K key, V value) {
        if (writer != null) {
            writer.write(new Entry<>(key, value));
        }
    }

    @Override
    public void delete(K key) {
        if (writer != null) {
            writer.delete(key);
        }
    }

    /** Hands a bulk removal to the writer as one call, so the durable tier can do it in one transaction. */
    @Override
    public void deleteAll(Iterable<? extends K> keys) {
        if (writer != null) {
            List<K> batch = new ArrayList<>();
            keys.forEach(batch::add);
            writer.deleteAll(batch);
        }
    }

    /** A cache entry handed to the writer. */
    static final class Entry<K, V> extends AbstractMap.SimpleImmutableEntry<K, V> implements Cache.Entry<K, V> {

        private static final long serialVersionUID = 1L;

        Entry(K key, V value) {
            super(key, value);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new IllegalArgumentException("Cannot unwrap a cache entry to " + type.getName());
        }
    }
}

package org.m365mcp.cache.jcache;

import java.time.Clock;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.ehcache.config.CacheConfiguration;
import org.ehcache.config.ResourcePools;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.MemoryUnit;
import org.ehcache.expiry.ExpiryPolicy;
import org.ehcache.impl.config.copy.DefaultCopierConfiguration;
import org.ehcache.impl.copy.IdentityCopier;
import org.ehcache.impl.copy.SerializingCopier;

/** Translates a {@link TieredConfiguration} into the Ehcache configuration of its heap tier. */
final class HeapTierConfigurations {

    private HeapTierConfigurations() {}

    static <K, V> CacheConfiguration<K, V> of(TieredConfiguration<K, V> configuration, Clock clock) {
        CacheConfigurationBuilder<K, V> builder = CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        configuration.getKeyType(), configuration.getValueType(), resources(configuration))
                .withExpiry(expiry(configuration, clock));
        JCacheLoaderWriterAdapter<K, V> durableTier = durableTier(configuration);
        if (durableTier != null) {
            builder = builder.withLoaderWriter(durableTier);
        }
        if (configuration.isStoreByValue()) {
            builder = builder.withService(new DefaultCopierConfiguration<>(
                            copier(configuration.getKeyType()), DefaultCopierConfiguration.Type.KEY))
                    .withService(new DefaultCopierConfiguration<>(
                            copier(configuration.getValueType()), DefaultCopierConfiguration.Type.VALUE));
        }
        return builder.build();
    }

    private static ResourcePools resources(TieredConfiguration<?, ?> configuration) {
        return configuration.getHeapMegabytes() > 0
                ? ResourcePoolsBuilder.newResourcePoolsBuilder()
                        .heap(configuration.getHeapMegabytes(), MemoryUnit.MB)
                        .build()
                : ResourcePoolsBuilder.heap(configuration.getHeapEntries()).build();
    }

    /** The configuration's {@link EntryExpiry} when it has one, else its JCache expiry policy. */
    private static <K, V> ExpiryPolicy<? super K, ? super V> expiry(
            TieredConfiguration<K, V> configuration, Clock clock) {
        if (configuration.getEntryExpiryFactory() != null) {
            return new EntryExpiryAdapter<K, V>(
                    configuration.getEntryExpiryFactory().create(), clock);
        }
        return new JCacheExpiryAdapter<>(configuration.getExpiryPolicyFactory().create());
    }

    /** The loader-writer for the durable tier, or null when the cache neither reads nor writes through. */
    @SuppressWarnings("unchecked")
    private static <K, V> JCacheLoaderWriterAdapter<K, V> durableTier(TieredConfiguration<K, V> configuration) {
        if (configuration.isReadThrough() && configuration.getCacheLoaderFactory() == null) {
            throw new IllegalArgumentException("read-through enabled without a CacheLoader factory");
        }
        if (configuration.isWriteThrough() && configuration.getCacheWriterFactory() == null) {
            throw new IllegalArgumentException("write-through enabled without a CacheWriter factory");
        }
        CacheLoader<K, V> loader = configuration.isReadThrough()
                ? configuration.getCacheLoaderFactory().create()
                : null;
        CacheWriter<? super K, ? super V> writer = configuration.isWriteThrough()
                ? configuration.getCacheWriterFactory().create()
                : null;
        return loader == null && writer == null ? null : new JCacheLoaderWriterAdapter<>(loader, writer);
    }

    /** Immutable strings are shared; anything else is copied by serialization, as JSR-107 store-by-value asks. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Class copier(Class<T> type) {
        return type == String.class ? IdentityCopier.class : SerializingCopier.asCopierClass();
    }
}

package org.m365mcp.cache.jcache;

import java.time.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.ehcache.UserManagedCache;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.builders.UserManagedCacheBuilder;
import org.ehcache.impl.internal.TimeSourceConfiguration;

/** Builds the Ehcache 3 heap tier of a {@link TieredCache} from its {@link TieredConfiguration}. */
final class HeapTierFactory {

    private HeapTierFactory() {
    }

    static <K, V> UserManagedCache<K, V> create(TieredConfiguration<K, V> configuration) {
        CacheLoader<K, V> loader = configuration.isReadThrough() && configuration.getCacheLoaderFactory() != null
                ? configuration.getCacheLoaderFactory().create() : null;
        CacheWriter<? super K, ? super V> writer = configuration.isWriteThrough()
                && configuration.getCacheWriterFactory() != null
                ? configuration.getCacheWriterFactory().create() : null;
        UserManagedCacheBuilder<K, V, UserManagedCache<K, V>> builder = UserManagedCacheBuilder
                .newUserManagedCacheBuilder(configuration.getKeyType(), configuration.getValueType())
                .withResourcePools(ResourcePoolsBuilder.heap(configuration.getHeapEntries()))
                .withExpiry(expiry(configuration.getExpiryPolicyFactory().create()))
                .using(new TimeSourceConfiguration(new ClockTimeSource(configuration.getClock())));
        if (loader != null || writer != null) {
            builder = builder.withLoaderWriter(new JCacheLoaderWriterAdapter<>(loader, writer));
        }
        return builder.build(true);
    }

    /** A JCache lifetime counted from creation; the heap tier keeps it as time-to-live. */
    private static org.ehcache.expiry.ExpiryPolicy<Object, Object> expiry(ExpiryPolicy policy) {
        javax.cache.expiry.Duration lifetime = policy.getExpiryForCreation();
        if (lifetime == null || lifetime.isEternal()) {
            return ExpiryPolicyBuilder.noExpiration();
        }
        return ExpiryPolicyBuilder.timeToLiveExpiration(
                Duration.ofMillis(lifetime.getTimeUnit().toMillis(lifetime.getDurationAmount())));
    }
}

package org.m365mcp.cache.annotation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.cache.jcache.CacheEntryEnvelope;
import org.m365mcp.cache.jcache.StoreLoaderWriter;
import org.m365mcp.cache.jcache.TieredCachingProvider;
import org.m365mcp.cache.jcache.TieredConfiguration;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.LiveStore;

/**
 * The application's tiered caches, one per operation, created on first use.
 *
 * <ul>
 *   <li>The provider is resolved through JSR-107's {@link Caching} by class name (the server carries
 *       other providers too), opened at start and closed at shutdown.</li>
 *   <li>Each cache's JCache lifetime is its operation's stale TTL; read-/write-through to the
 *       encrypted store when it is open, heap only when it is not (graceful degradation).</li>
 * </ul>
 */
@ApplicationScoped
public class TieredCaches {

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    CacheTtlSettings ttl;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "m365.mcp.cache.heap-entries", defaultValue = "10000")
    long heapEntries;

    private CacheManager manager;
    private final ConcurrentMap<String, Cache<String, CacheEntryEnvelope>> byOperation = new ConcurrentHashMap<>();

    @PostConstruct
    void open() {
        manager = Caching.getCachingProvider(TieredCachingProvider.class.getName(), getClass().getClassLoader())
                .getCacheManager();
    }

    @PreDestroy
    void close() {
        manager.close();
    }

    /** The cache of one operation (e.g. {@code email_list}), created on first use; lock-free after that. */
    public Cache<String, CacheEntryEnvelope> cache(String operation) {
        return byOperation.computeIfAbsent(operation, op -> manager.createCache(op, configuration(op)));
    }

    private TieredConfiguration<String, CacheEntryEnvelope> configuration(String operation) {
        java.time.Duration stale = ttl.policy(operation).stale();
        TieredConfiguration<String, CacheEntryEnvelope> configuration = new TieredConfiguration<>();
        configuration.setTypes(String.class, CacheEntryEnvelope.class);
        configuration.setStoreByValue(false);
        configuration.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                new Duration(TimeUnit.MILLISECONDS, stale.toMillis())));
        configuration.setClock(clock).setHeapEntries(heapEntries);
        Optional<LiveStore> store = encryptedStore.store();
        if (store.isPresent()) {
            StoreLoaderWriter loaderWriter = new StoreLoaderWriter(store.get(), operation, clock);
            configuration.setCacheLoaderFactory(new FactoryBuilder.SingletonFactory<>(loaderWriter));
            configuration.setCacheWriterFactory(new FactoryBuilder.SingletonFactory<>(loaderWriter));
            configuration.setReadThrough(true).setWriteThrough(true);
        }
        return configuration;
    }
}

package org.m365mcp.cache.jcache;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import org.ehcache.core.config.DefaultConfiguration;
import org.ehcache.impl.internal.TimeSourceConfiguration;
import org.ehcache.jsr107.EhcacheCachingProvider;

/**
 * The JCache provider of m365-mcp: caches whose heap tier is Ehcache 3 and whose durable tier is a
 * JSR-107 {@code CacheLoader}/{@code CacheWriter} (for m365-mcp: the encrypted store).
 *
 * <ul>
 *   <li>The JSR-107 contract (events, entry processors, statistics and management MXBeans, expiry,
 *       read-/write-through) is Ehcache's own JSR-107 implementation, which this provider drives
 *       privately; what it adds is the tiered configuration ({@link TieredConfiguration}), the
 *       injected clock and per-entry expiry ({@link EntryExpiry}).</li>
 *   <li>Registered through {@code META-INF/services/javax.cache.spi.CachingProvider}; look it up by
 *       class name, since a Jakarta EE server carries other providers (Ehcache's jar included).</li>
 *   <li>One manager per (class loader, URI) until that manager is closed. Thread-safe: the
 *       registry is guarded by this provider's monitor.</li>
 * </ul>
 */
public final class TieredCachingProvider implements CachingProvider {

    public static final URI DEFAULT_URI = URI.create("urn:m365-mcp:tiered");

    private final EhcacheCachingProvider heapProvider = new EhcacheCachingProvider();
    private final Map<ClassLoader, Map<URI, TieredCacheManager>> managers = new WeakHashMap<>();

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
        return getCacheManager(uri, classLoader, properties, Clock.systemUTC());
    }

    /**
     * The manager for {@code uri} whose caches read time from {@code clock}: entry lifetimes are
     * counted in that clock's time, so a test can move it.
     *
     * @throws IllegalStateException if an open manager for that URI already runs on another clock
     */
    public TieredCacheManager getCacheManager(URI uri, ClassLoader classLoader, Clock clock) {
        return getCacheManager(uri, classLoader, getDefaultProperties(), clock);
    }

    private synchronized TieredCacheManager getCacheManager(
            URI uri, ClassLoader classLoader, Properties properties, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        URI managerUri = uri == null ? getDefaultURI() : uri;
        ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
        Properties props = properties == null ? getDefaultProperties() : properties;
        Map<URI, TieredCacheManager> forLoader = managers.computeIfAbsent(loader, l -> new HashMap<>());
        TieredCacheManager existing = forLoader.get(managerUri);
        if (existing != null && !existing.isClosed()) {
            if (!existing.clock().equals(clock) && !clock.equals(Clock.systemUTC())) {
                throw new IllegalStateException("Cache manager " + managerUri + " already runs on another clock");
            }
            return existing;
        }
        TieredCacheManager created = new TieredCacheManager(
                this,
                managerUri,
                loader,
                props,
                clock,
                heapProvider.getCacheManager(managerUri, heapConfiguration(loader, clock), props));
        forLoader.put(managerUri, created);
        return created;
    }

    /** Ehcache's manager-level configuration: the class loader and, unless it is the system's, the clock. */
    private static DefaultConfiguration heapConfiguration(ClassLoader loader, Clock clock) {
        return clock.equals(Clock.systemUTC())
                ? new DefaultConfiguration(loader)
                : new DefaultConfiguration(loader, new TimeSourceConfiguration(new ClockTimeSource(clock)));
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
        return getCacheManager(uri, classLoader, getDefaultProperties());
    }

    @Override
    public CacheManager getCacheManager() {
        return getCacheManager(getDefaultURI(), getDefaultClassLoader());
    }

    @Override
    public ClassLoader getDefaultClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public URI getDefaultURI() {
        return DEFAULT_URI;
    }

    @Override
    public Properties getDefaultProperties() {
        return new Properties();
    }

    @Override
    public void close() {
        closeAll(allManagers());
    }

    @Override
    public void close(ClassLoader classLoader) {
        closeAll(managersOf(classLoader == null ? getDefaultClassLoader() : classLoader));
    }

    @Override
    public void close(URI uri, ClassLoader classLoader) {
        URI managerUri = uri == null ? getDefaultURI() : uri;
        closeAll(managersOf(classLoader == null ? getDefaultClassLoader() : classLoader).stream()
                .filter(manager -> manager.getURI().equals(managerUri))
                .toList());
    }

    @Override
    public boolean isSupported(OptionalFeature feature) {
        return heapProvider.isSupported(feature);
    }

    synchronized void forget(TieredCacheManager manager) {
        Map<URI, TieredCacheManager> forLoader = managers.get(manager.getClassLoader());
        if (forLoader != null) {
            forLoader.remove(manager.getURI(), manager);
        }
    }

    private synchronized List<TieredCacheManager> allManagers() {
        return managers.values().stream()
                .flatMap(byUri -> byUri.values().stream())
                .toList();
    }

    private synchronized List<TieredCacheManager> managersOf(ClassLoader classLoader) {
        Map<URI, TieredCacheManager> forLoader = managers.get(classLoader);
        return forLoader == null ? List.of() : List.copyOf(forLoader.values());
    }

    /** Closes outside the monitor: a closing manager calls back {@link #forget}. */
    private static void closeAll(List<TieredCacheManager> toClose) {
        toClose.forEach(TieredCacheManager::close);
    }
}

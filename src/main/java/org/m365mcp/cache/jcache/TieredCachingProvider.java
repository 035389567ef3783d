package org.m365mcp.cache.jcache;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * The JCache provider of m365-mcp: caches with an Ehcache heap tier in front of an authoritative tier.
 *
 * <ul>
 *   <li>Registered through {@code META-INF/services/javax.cache.spi.CachingProvider}; look it up by
 *       class name, since a Jakarta EE server may carry other providers.</li>
 *   <li>One manager per (class loader, URI); thread-safe through synchronization on this provider.</li>
 * </ul>
 */
public final class TieredCachingProvider implements CachingProvider {

    public static final URI DEFAULT_URI = URI.create("urn:m365-mcp:tiered");

    private final Map<ClassLoader, Map<URI, TieredCacheManager>> managers = new WeakHashMap<>();

    @Override
    public synchronized CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
        URI managerUri = uri == null ? getDefaultURI() : uri;
        ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
        Properties props = properties == null ? new Properties() : properties;
        return managers.computeIfAbsent(loader, l -> new java.util.HashMap<>())
                .computeIfAbsent(managerUri, u -> new TieredCacheManager(this, u, loader, props));
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
    public synchronized void close() {
        managers.values().stream().flatMap(m -> java.util.List.copyOf(m.values()).stream())
                .toList().forEach(TieredCacheManager::close);
        managers.clear();
    }

    @Override
    public synchronized void close(ClassLoader classLoader) {
        Map<URI, TieredCacheManager> forLoader = managers.get(classLoader);
        if (forLoader != null) {
            java.util.List.copyOf(forLoader.values()).forEach(TieredCacheManager::close);
        }
    }

    @Override
    public synchronized void close(URI uri, ClassLoader classLoader) {
        Map<URI, TieredCacheManager> forLoader = managers.get(classLoader);
        if (forLoader != null && forLoader.containsKey(uri)) {
            forLoader.get(uri).close();
        }
    }

    @Override
    public boolean isSupported(OptionalFeature feature) {
        return false;
    }

    synchronized void forget(TieredCacheManager manager) {
        Map<URI, TieredCacheManager> forLoader = managers.get(manager.getClassLoader());
        if (forLoader != null) {
            forLoader.remove(manager.getURI(), manager);
        }
    }
}

package org.m365mcp.cache.annotation;

/**
 * A result type of a {@code @CacheResult} method that can carry the {@link CacheInfo} that served it.
 *
 * <p>The method itself returns it without cache info (null); the interceptor stores that form and
 * returns a copy stamped with the state. Results that do not implement this are returned as they are.
 */
public interface CacheStamped<T> {

    T withCache(CacheInfo cache);

    /** {@code result} stamped with {@code info} when it is {@link CacheStamped}; otherwise as it is. */
    static Object stamp(Object result, CacheInfo info) {
        return result instanceof CacheStamped<?> stamped ? stamped.withCache(info) : result;
    }
}

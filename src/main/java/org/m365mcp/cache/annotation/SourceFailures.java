package org.m365mcp.cache.annotation;

import java.util.Optional;

/**
 * Tells which failures of a cached method mean that its source (Microsoft Graph) could not answer, so
 * that stale-if-error may answer from the cache instead ({@link TieredCacheResultInterceptor}).
 *
 * <ul>
 *   <li>Implemented where the source's exceptions are known ({@code tools.GraphUnavailability}): the
 *       cache knows no Graph.</li>
 *   <li>An answer of the source that the request is wrong (a 404, 403, 400) is not unavailability:
 *       a deleted item must not be served from the cache.</li>
 *   <li>Quick, thread-safe, never throws.</li>
 * </ul>
 */
public interface SourceFailures {

    /**
     * What went wrong, worded for the user (e.g. {@code Microsoft Graph failed (HTTP 503)}), when
     * {@code failure} means the source could not answer; empty otherwise.
     */
    Optional<String> unavailable(Throwable failure);
}

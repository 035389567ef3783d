package org.m365mcp.tools.search;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code search_files} and {@code search_unified}: hits best first.
 *
 * @param total         matches Graph reports over every requested type (may exceed the hits shown)
 * @param moreAvailable whether Graph holds more hits than were asked for
 * @param cache         which cache state served it; null in the form that is stored
 */
public record SearchAnswer(
        String accountId,
        String query,
        int total,
        int count,
        boolean moreAvailable,
        List<SearchHit> hits,
        CacheInfo cache)
        implements CacheStamped<SearchAnswer> {

    public SearchAnswer {
        hits = List.copyOf(hits);
    }

    @Override
    public SearchAnswer withCache(CacheInfo info) {
        return new SearchAnswer(accountId, query, total, count, moreAvailable, hits, info);
    }
}

package org.m365mcp.tools.search;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code search_events}.
 *
 * @param total how many events match in all (more than {@code count} when the limit cut them)
 * @param cache which cache state served it; null in the form that is stored
 */
public record SearchEventsAnswer(
        String accountId, String query, int count, int total, List<EventHit> events, CacheInfo cache)
        implements CacheStamped<SearchEventsAnswer> {

    public SearchEventsAnswer {
        events = List.copyOf(events);
    }

    @Override
    public SearchEventsAnswer withCache(CacheInfo info) {
        return new SearchEventsAnswer(accountId, query, count, total, events, info);
    }
}

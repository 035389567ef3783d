package org.m365mcp.tools.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.cache.annotation.CacheResult;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;

/**
 * {@code search_events}: Graph's Microsoft Search API ({@code POST /search/query}, entity type
 * {@code event}), since {@code $search} is not supported on events in Graph v1.0.
 *
 * <ul>
 *   <li>Cached as a read ({@code search_events}) although it is a POST; like every POST, the Graph
 *       client does not retry it after a timeout.
 *   <li>Events come in Graph's order (by start time), read in pages of 25, the most Graph gives
 *       for events at once ({@link SearchPager}).
 * </ul>
 */
@ApplicationScoped
public class EventSearchTools {

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(
            name = "search_events",
            readOnly = true,
            idempotent = true,
            description = "Search calendar events by words in subject, body, location or attendees (KQL); answers"
                    + " when, where, organizer and ids.")
    @CacheResult(cacheName = "search_events")
    public SearchEventsAnswer searchEvents(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("What to look for, e.g. offsite or \"team sync\"") String query,
            @ToolParam(value = "Most events to return", defaultValue = "25", min = 1, max = 200) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        String text = query == null ? "" : query.strip();
        if (text.isEmpty() || text.length() > 500 || text.chars().anyMatch(Character::isISOControl)) {
            throw new ToolArgumentException("query", "must be 1 to 500 characters without control characters");
        }
        SearchPager.Found found =
                new SearchPager(graph, account, text, List.of(EventHit.FIELDS)).search("event", limit);
        List<EventHit> events = found.hits().stream().map(EventHit::of).toList();
        return new SearchEventsAnswer(accountId, query, events.size(), found.total(), events, null);
    }
}

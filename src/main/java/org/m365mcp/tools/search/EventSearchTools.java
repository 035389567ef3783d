package org.m365mcp.tools.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
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
 *   <li>Events come in Graph's order (by start time).
 * </ul>
 */
@ApplicationScoped
public class EventSearchTools {

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(name = "search_events", readOnly = true, idempotent = true,
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
        JsonNode answer = graph.post(account, "/search/query", body(text, limit));
        JsonNode container = answer.path("value").path(0).path("hitsContainers").path(0);
        List<EventHit> events = new ArrayList<>();
        container.path("hits").forEach(hit -> events.add(EventHit.of(hit)));
        return new SearchEventsAnswer(accountId, query, events.size(), container.path("total").asInt(events.size()),
                events, null);
    }

    /** The search request: one request, events only, the first {@code limit} hits, the fields {@link EventHit} reads. */
    static ObjectNode body(String query, int limit) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode request = body.putArray("requests").addObject();
        request.putArray("entityTypes").add("event");
        request.putObject("query").put("queryString", query);
        request.put("from", 0).put("size", limit);
        var fields = request.putArray("fields");
        for (String field : EventHit.FIELDS) {
            fields.add(field);
        }
        return body;
    }
}

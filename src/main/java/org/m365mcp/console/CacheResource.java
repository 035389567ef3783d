package org.m365mcp.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.m365mcp.cache.entries.CacheInspection;
import org.m365mcp.cache.store.InvalidationRecord;
import org.m365mcp.tools.cache.CacheStatsAnswer;
import org.m365mcp.tools.cache.CacheTools;

/**
 * What the cache holds and how it serves, for the console.
 *
 * <ul>
 *   <li>{@code GET cache/stats?hours=24}: the current counters and sizes ({@code cache_get_stats}'s own
 *       answer), and the hit-rate history from the store's {@code cache_stats} rows of the last hours.</li>
 *   <li>{@code GET cache/invalidations?limit=50}: the latest audited invalidations, newest first.</li>
 *   <li>Without a store (memory only) the history and the audit are empty.</li>
 * </ul>
 */
@ApplicationScoped
@Path("cache")
@Produces(MediaType.APPLICATION_JSON)
public class CacheResource {

    @Inject
    CacheTools cacheTools;

    @Inject
    CacheInspection inspection;

    @Inject
    Clock clock;

    @Inject
    ConsoleJson json;

    @GET
    @Path("stats")
    public Response stats(@QueryParam("hours") @DefaultValue("24") int hours) {
        CacheStatsAnswer current = cacheTools.cacheGetStats();
        Instant since = clock.instant().minus(Duration.ofHours(Math.max(1, Math.min(hours, 24 * 30))));
        List<HitRatePoint> history = HitRatePoint.of(inspection.statistics(null, since));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("at", clock.instant());
        answer.put("current", current);
        answer.put("history", history);
        return json.ok(answer);
    }

    @GET
    @Path("invalidations")
    public Response invalidations(@QueryParam("limit") @DefaultValue("50") int limit) {
        List<InvalidationRecord> records = inspection.invalidations(null, Math.max(1, Math.min(limit, 500)));
        return json.ok(Map.of("invalidations", records));
    }
}

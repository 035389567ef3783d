package org.m365mcp.load;

import io.modelcontextprotocol.client.McpSyncClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.m365mcp.load.AssistantSession.Step;

/**
 * One session script replayed on one account: with the cache one or more times in a row (the first
 * from a cold cache), then once with {@code use_cache: false}, which is what the cache is measured against.
 *
 * @param uncached the replay with {@code use_cache: false}: every read goes to Graph
 * @param cached   the replays with the cache, in the order they ran
 */
record SessionFigures(String script, String account, SessionReplay.Result uncached, List<CachedPass> cached) {

    /**
     * One replay with the cache.
     *
     * @param graphCallsSaved 1 − its Graph requests / those of the uncached replay
     * @param statsHits       fresh and stale hits {@code cache_get_stats} counted during the replay
     * @param statsRefreshes  refreshes it counted then (background refreshes of stale entries)
     */
    record CachedPass(
            SessionReplay.Result replay,
            double graphCallsSaved,
            long statsHits,
            long statsMisses,
            long statsRefreshes,
            double statsHitRate) {}

    static SessionFigures run(
            String script, List<Step> steps, String account, int cachedReplays, McpSyncClient client, LoadServer server)
            throws Exception {
        System.out.println("Replaying session '" + script + "' on " + account + ": " + cachedReplays
                + " time(s) with the cache, then with use_cache false");
        List<SessionReplay.Result> replays = new ArrayList<>();
        List<long[]> stats = new ArrayList<>();
        for (int i = 0; i < cachedReplays; i++) {
            long[] before = counts(LoadTools.call(client, "cache_get_stats", Map.of()));
            replays.add(SessionReplay.replay(steps, account, client, server, true));
            long[] after = counts(LoadTools.call(client, "cache_get_stats", Map.of()));
            stats.add(new long[] {after[0] - before[0], after[1] - before[1], after[2] - before[2]});
        }
        SessionReplay.Result uncached = SessionReplay.replay(steps, account, client, server, false);
        List<CachedPass> passes = new ArrayList<>();
        for (int i = 0; i < cachedReplays; i++) {
            long[] delta = stats.get(i);
            passes.add(new CachedPass(
                    replays.get(i),
                    ratio(uncached.graphRequests() - replays.get(i).graphRequests(), uncached.graphRequests()),
                    delta[0],
                    delta[1],
                    delta[2],
                    ratio(delta[0], delta[0] + delta[1])));
        }
        return new SessionFigures(script, account, uncached, List.copyOf(passes));
    }

    /** {@code part / whole} to four decimals, as {@code cache_get_stats} gives its rates. */
    private static double ratio(long part, long whole) {
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    /** Hits, misses and refreshes over every operation of a {@code cache_get_stats} answer. */
    @SuppressWarnings("unchecked")
    private static long[] counts(Map<String, Object> stats) {
        long refreshes = ((Map<String, Map<String, Object>>) stats.get("operations"))
                .values().stream()
                        .mapToLong(operation -> ((Number) operation.get("refreshes")).longValue())
                        .sum();
        return new long[] {
            ((Number) stats.get("hits")).longValue(), ((Number) stats.get("misses")).longValue(), refreshes
        };
    }
}

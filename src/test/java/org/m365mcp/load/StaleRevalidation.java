package org.m365mcp.load;

import io.modelcontextprotocol.client.McpSyncClient;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a stale refresh of unchanged data costs: a {@code folder_list} of demo's drive root read past
 * its fresh TTL (5 s for this run), then read until it answers {@code fresh} again; the drive delta
 * and root-listing requests that cost.
 */
final class StaleRevalidation {

    /** The stale read's state, the state it came back to, and the Graph requests in between. */
    record Figures(String staleState, String nextState, long deltaRequests, long listingRequests) {}

    private StaleRevalidation() {}

    static Figures run(LoadServer server, McpSyncClient client) throws Exception {
        Map<String, Object> folders = new HashMap<>(Map.of("account_id", "demo", "limit", 9));
        folders.put("force_refresh", true);
        LoadTools.call(client, "folder_list", folders);
        folders.put("force_refresh", false);
        Thread.sleep(6_000); // past the 5 s fresh TTL set for this run
        Predicate<String> listing = p -> p.equals("/me/drive/root/children");
        Predicate<String> delta = p -> p.equals("/me/drive/root/delta");
        long listings = server.graphRequests(listing);
        long deltas = server.graphRequests(delta);
        String stale = LoadTools.cacheState(LoadTools.call(client, "folder_list", folders));
        String next = stale;
        long deadline = System.currentTimeMillis() + 10_000;
        while (!next.equals("fresh") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            next = LoadTools.cacheState(LoadTools.call(client, "folder_list", folders));
        }
        return new Figures(stale, next, server.graphRequests(delta) - deltas, server.graphRequests(listing) - listings);
    }
}

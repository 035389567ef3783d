package org.m365mcp.load;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.m365mcp.load.AssistantSession.Captured;
import org.m365mcp.load.AssistantSession.Step;

/**
 * Replays an {@link AssistantSession} script once over MCP, on one account, and counts what it cost: wall time, the Graph
 * requests the sandbox served, and how the cache answered each read.
 *
 * <ul>
 *   <li>With {@code useCache=false} every read carries {@code use_cache: false}; writes are the same.
 *   <li>A read is <em>repeated</em> when the same tool with the same arguments was called earlier in
 *       the replay; a repeated read that a write invalidated in between is still counted, as a miss.
 *   <li>Graph requests are read once the count stops moving, so background refreshes are included.
 * </ul>
 */
final class SessionReplay {

    /** One call of the replay: its tool and arguments, the cache state it answered (null for writes), its time. */
    record Call(String tool, Map<String, Object> arguments, String cacheState, double ms) {}

    /**
     * @param states         how many reads answered each cache state (fresh, stale, miss, bypass)
     * @param repeatedReads  reads of a tool and arguments already called in this replay
     * @param repeatedHits   of those, answered from the cache (fresh or stale)
     */
    record Result(
            boolean useCache,
            int calls,
            double wallMs,
            long graphRequests,
            Map<String, Integer> states,
            int repeatedReads,
            int repeatedHits,
            List<Call> log) {}

    private SessionReplay() {}

    static Result replay(List<Step> script, String account, McpSyncClient client, LoadServer server, boolean useCache)
            throws Exception {
        long graphBefore = server.graphRequests();
        Map<String, List<String>> captured = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> states = new TreeMap<>();
        List<Call> log = new ArrayList<>();
        int repeatedReads = 0;
        int repeatedHits = 0;
        long started = System.nanoTime();
        for (Step step : script) {
            Map<String, Object> arguments = new LinkedHashMap<>(step.arguments().apply(new Captured(captured)));
            if (!step.tool().equals("account_list")) {
                arguments.put("account_id", account);
            }
            boolean repeated = step.read() && !seen.add(step.tool() + new TreeMap<>(arguments));
            if (step.read() && !useCache) {
                arguments.put("use_cache", false);
            }
            long callStart = System.nanoTime();
            CallToolResult result = client.callTool(new CallToolRequest(step.tool(), arguments));
            double ms = (System.nanoTime() - callStart) / 1e6;
            Map<String, Object> answer = LoadTools.structured(step.tool(), result);
            String state = step.read() ? LoadTools.cacheState(answer) : null;
            if (state != null) {
                states.merge(state, 1, Integer::sum);
                repeatedReads += repeated ? 1 : 0;
                repeatedHits += repeated && LoadTools.isHit(state) ? 1 : 0;
            }
            if (step.captureAs() != null) {
                capture(step.captureAs(), answer, captured);
            }
            log.add(new Call(step.tool(), new TreeMap<>(arguments), state, Math.round(ms * 100) / 100.0));
        }
        double wallMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
        long graphRequests = settledGraphRequests(server) - graphBefore;
        return new Result(
                useCache, script.size(), wallMs, graphRequests, states, repeatedReads, repeatedHits, List.copyOf(log));
    }

    /** Keeps the ids of the answer's messages, folders or rules; folders also by name. */
    @SuppressWarnings("unchecked")
    static void capture(String name, Map<String, Object> answer, Map<String, List<String>> captured) {
        for (String field : List.of("messages", "folders", "rules")) {
            if (answer.get(field) instanceof List<?> items) {
                List<String> ids = new ArrayList<>();
                for (Object item : items) {
                    Map<String, Object> fields = (Map<String, Object>) item;
                    ids.add((String) fields.get("id"));
                    if (field.equals("folders")) {
                        captured.put(name + "/" + fields.get("name"), List.of((String) fields.get("id")));
                    }
                }
                captured.put(name, ids);
            }
        }
    }

    /** The sandbox's Graph count once it has not moved for a second (a background refresh may be under way). */
    private static long settledGraphRequests(LoadServer server) throws Exception {
        long last = server.graphRequests();
        while (true) {
            Thread.sleep(1_000 + server.latencyMs());
            long now = server.graphRequests();
            if (now == last) {
                return now;
            }
            last = now;
        }
    }
}

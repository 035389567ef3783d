package org.m365mcp.load;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tool calls as the load run makes them: timed, and a tool error ends the run with its message. */
final class LoadTools {

    private LoadTools() {}

    /** A series of calls of one tool, timed one by one, and the cache states they answered. */
    record Series(Timings timings, Map<String, Integer> states) {}

    static Map<String, Object> call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return structured(tool, client.callTool(new CallToolRequest(tool, arguments)));
    }

    /** Calls {@code tool} once per arguments, in order, each timed from request to answer. */
    static Series series(McpSyncClient client, String tool, List<Map<String, Object>> calls) {
        List<Long> nanos = new ArrayList<>(calls.size());
        Map<String, Integer> states = new TreeMap<>();
        for (Map<String, Object> arguments : calls) {
            long start = System.nanoTime();
            CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
            nanos.add(System.nanoTime() - start);
            states.merge(cacheState(structured(tool, result)), 1, Integer::sum);
        }
        return new Series(Timings.of(nanos), states);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(String tool, CallToolResult result) {
        if (Boolean.TRUE.equals(result.isError()) || result.structuredContent() == null) {
            throw new IllegalStateException(tool + " answered an error: " + result.content());
        }
        return (Map<String, Object>) result.structuredContent();
    }

    /** The answer's {@code cache.state}: fresh, stale, miss or bypass. */
    @SuppressWarnings("unchecked")
    static String cacheState(Map<String, Object> answer) {
        return (String) ((Map<String, Object>) answer.get("cache")).get("state");
    }

    static boolean isHit(String state) {
        return "fresh".equals(state) || "stale".equals(state);
    }

    @SuppressWarnings("unchecked")
    static List<String> messageIds(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("messages"))
                .stream().map(m -> (String) m.get("id")).toList();
    }
}

package org.m365mcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The tool calls in flight, by {@link CallKey}, so that a client's {@code notifications/cancelled} stops
 * the one it names. The SDK (2.2) drops that notification and does not tell a tool handler its request
 * id, so each transport's edge calls {@link #stamp} on every tools/call and {@link #cancels} on every
 * notification before the SDK reads them; {@link ToolRegistry} registers each call by its stamp.
 *
 * <ul>
 *   <li>A cancellation names a call of its own session only; one for a call that has ended, never began
 *       or is unknown is left to the SDK, which drops it (so an unknown session still gets its 404).</li>
 *   <li>A call without a stamp (discovery mode's inner call, a caller inside the server) runs, but
 *       cannot be cancelled.</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
@ApplicationScoped
public class RunningCalls {

    static final String CANCELLED = "notifications/cancelled";
    private static final Logger LOG = Logger.getLogger(RunningCalls.class.getName());

    private final Map<CallKey, RunningCall> running = new ConcurrentHashMap<>();

    /**
     * Stamps {@code message}, if it is a tools/call request, with its key in {@code session}.
     *
     * @return whether {@code message} changed
     */
    public boolean stamp(String session, JsonNode message) {
        JsonNode id = message.get("id");
        if (session == null
                || id == null
                || id.isNull()
                || !"tools/call".equals(message.path("method").asText())
                || !(message.get("params") instanceof ObjectNode params)) {
            return false;
        }
        JsonNode meta = params.get("_meta");
        ObjectNode stamped = meta instanceof ObjectNode object ? object : params.putObject("_meta");
        stamped.put(CallKey.META, new CallKey(session, id.toString()).text());
        return true;
    }

    /**
     * Cancels the call {@code message} names in {@code session}, if it is a {@code notifications/cancelled}
     * for a call running there.
     *
     * @return whether it cancelled one; the message is then handled and the SDK need not see it (any
     *     other cancellation goes on to the SDK, which answers an unknown session and drops the rest)
     */
    public boolean cancels(String session, JsonNode message) {
        JsonNode requestId = message.path("params").get("requestId");
        if (!CANCELLED.equals(message.path("method").asText())
                || message.has("id")
                || session == null
                || requestId == null
                || !(requestId.isTextual() || requestId.isIntegralNumber())) {
            return false;
        }
        RunningCall call = running.get(new CallKey(session, requestId.toString()));
        if (call == null) {
            return false;
        }
        call.cancel();
        LOG.fine("A tool call was cancelled by the client");
        return true;
    }

    /** A new call, registered under its stamp in {@code meta} when it has one, telling {@code progress}. */
    RunningCall start(Map<String, Object> meta, ToolProgress progress) {
        RunningCall call = new RunningCall(progress);
        CallKey.stampedIn(meta).ifPresent(key -> running.put(key, call));
        return call;
    }

    /** Forgets {@code call}, which has ended. */
    void end(Map<String, Object> meta, RunningCall call) {
        Optional<CallKey> key = CallKey.stampedIn(meta);
        key.ifPresent(k -> running.remove(k, call));
    }

    /** How many calls are registered, for tests. */
    int size() {
        return running.size();
    }
}

package org.m365mcp.mcp;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tools/call a client means when it cancels one: its session and its JSON-RPC request id. The edge
 * that reads a tools/call (the HTTP filter, the stdio gate) stamps the key into the request's
 * {@code _meta} under {@link #META}, which alone writes and reads it; the tool handler, which the SDK
 * does not tell the request id, finds its call by it.
 *
 * @param session the MCP session ({@code Mcp-Session-Id}, or {@link #STDIO} on stdin/stdout)
 * @param id      the request id as JSON text ({@code 7}, {@code "7"}: a number and a string differ)
 */
public record CallKey(String session, String id) {

    /** The {@code _meta} member the edges stamp; a client's own value there is replaced. */
    public static final String META = "org.m365mcp/call";

    /** The one session of stdin/stdout. */
    public static final String STDIO = "stdio";

    public CallKey {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(id, "id");
    }

    /** The stamp's text: the id, a space, the session (a session id never holds a space; a string id may). */
    String text() {
        return id + " " + session;
    }

    /** The key stamped into {@code meta}, if any. */
    static Optional<CallKey> stampedIn(Map<String, Object> meta) {
        Object stamp = meta == null ? null : meta.get(META);
        if (!(stamp instanceof String text)) {
            return Optional.empty();
        }
        int space = text.lastIndexOf(' ');
        return space <= 0
                ? Optional.empty()
                : Optional.of(new CallKey(text.substring(space + 1), text.substring(0, space)));
    }
}

package org.m365mcp.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link ToolProgress} as MCP progress notifications on the call's own exchange, with the request's
 * {@code progressToken}; only reports that advance are sent. A notification that cannot be sent (the
 * client went away) is logged at FINE and never fails the call. Thread-safe.
 */
final class ExchangeProgress implements ToolProgress {

    private static final Logger LOG = Logger.getLogger(ExchangeProgress.class.getName());

    private final McpSyncServerExchange exchange;
    private final Object token;
    private long sent = -1;

    private ExchangeProgress(McpSyncServerExchange exchange, Object token) {
        this.exchange = exchange;
        this.token = token;
    }

    /** The progress of {@code request} on {@code exchange}: {@link #NONE} unless it carries a progressToken. */
    static ToolProgress of(McpSyncServerExchange exchange, CallToolRequest request) {
        Object token = request.progressToken();
        return exchange == null || token == null ? NONE : new ExchangeProgress(exchange, token);
    }

    @Override
    public synchronized void report(long done, Long total, String message) {
        if (done <= sent) {
            return;
        }
        sent = done;
        try {
            exchange.progressNotification(new ProgressNotification(
                    token, (double) done, total == null ? null : total.doubleValue(), message));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A progress notification could not be sent", e);
        }
    }
}

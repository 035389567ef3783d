package org.m365mcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Whether the MCP endpoint is published yet, and with how many tools: readiness reads it, so a
 * client that waits for {@code /health/ready} never meets the endpoint half set up. Thread-safe.
 */
@ApplicationScoped
public class McpEndpointStatus {

    private volatile int tools = -1;
    private volatile String refusal;

    void published(int toolCount) {
        tools = toolCount;
    }

    /** The endpoint will not be published: a setting is invalid, and {@code message} says which and why. */
    void refused(String message) {
        refusal = message;
    }

    /** Why the endpoint was not published; empty unless a setting was refused. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** True once the endpoint's servlet is registered with its tools. */
    public boolean published() {
        return tools >= 0;
    }

    /** The tools it serves; -1 before it is published. */
    public int tools() {
        return tools;
    }
}

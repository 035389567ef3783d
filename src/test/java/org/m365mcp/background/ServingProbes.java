package org.m365mcp.background;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.m365mcp.mcp.McpEndpointSettings;

/** A {@link ServingProbe} made without CDI, asking the server at a given host and port (tests of other packages use it too). */
public final class ServingProbes {

    private ServingProbes() {}

    /** A probe of the server at {@code host}:{@code port}, on the system clock. */
    public static ServingProbe at(String host, int port) {
        ServingProbe probe = new ServingProbe();
        probe.endpoint = new McpEndpointSettings(host, port, "/mcp", List.of(), List.of(), Optional.empty());
        probe.clock = Clock.systemUTC();
        return probe;
    }
}

package org.m365mcp.background;

import java.time.Clock;
import org.m365mcp.config.ServerAddress;

/** A {@link ServingProbe} made without CDI, asking the server at a given host and port (tests of other packages use it too). */
public final class ServingProbes {

    private ServingProbes() {}

    /** A probe of the server at {@code host}:{@code port}, on the system clock. */
    public static ServingProbe at(String host, int port) {
        ServingProbe probe = new ServingProbe();
        probe.server = new ServerAddress(host, port);
        probe.clock = Clock.systemUTC();
        return probe;
    }
}

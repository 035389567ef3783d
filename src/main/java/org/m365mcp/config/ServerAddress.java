package org.m365mcp.config;

import java.util.Objects;

/**
 * Where this server listens, for its calls to itself (the sandbox in demo mode, the serving probe):
 * the host it binds to and the port the container serves it on.
 *
 * @param host the bound address, {@code 0.0.0.0} or {@code ::} for every interface
 * @param port the HTTP port
 */
public record ServerAddress(String host, int port) {

    public ServerAddress {
        Objects.requireNonNull(host, "host");
    }

    /** The address to call this server at: loopback for a wildcard bind, an IPv6 literal in brackets. */
    public String loopbackAuthority() {
        String reachable = host;
        if (reachable.equals("0.0.0.0") || reachable.equals("::")) {
            reachable = "127.0.0.1";
        } else if (reachable.contains(":") && !reachable.startsWith("[")) {
            reachable = "[" + reachable + "]";
        }
        return reachable + ":" + port;
    }
}

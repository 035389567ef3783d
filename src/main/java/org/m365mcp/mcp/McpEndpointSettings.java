package org.m365mcp.mcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the MCP endpoint listens and who may call it.
 *
 * @param host           the address the server binds to (loopback by default)
 * @param port           the HTTP port
 * @param path           the endpoint path inside the application, e.g. {@code /mcp}
 * @param allowedOrigins Origin patterns a browser may send ({@code http://localhost:*} style)
 * @param allowedHosts   Host header patterns accepted (DNS-rebinding protection)
 * @param authToken      the bearer token callers must present; empty means none is required
 */
public record McpEndpointSettings(
        String host,
        int port,
        String path,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        Optional<String> authToken) {

    public McpEndpointSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("m365.mcp.path must start with '/': " + path);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
        authToken = authToken.filter(token -> !token.isBlank());
    }

    @Override
    public String toString() {
        return "McpEndpointSettings[host=" + host + ", port=" + port + ", path=" + path + ", allowedOrigins="
                + allowedOrigins + ", allowedHosts=" + allowedHosts + ", authToken="
                + (authToken.isPresent() ? "(set)" : "(none)") + "]";
    }
}

package org.m365mcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Builds {@link McpEndpointSettings} from MicroProfile Config ({@code m365.mcp.*}), and their {@link EndpointGuard}. */
@ApplicationScoped
class McpEndpointSettingsProducer {

    private static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "[::1]");

    @Inject
    Config config;

    @Produces
    @Singleton // final type: not proxyable; immutable and thread-safe
    McpEndpointSettings settings() {
        String host = config.getValue("m365.mcp.host", String.class);
        int port = config.getValue("m365.mcp.port", Integer.class);
        String path = config.getValue("m365.mcp.path", String.class);
        List<String> origins = list("m365.mcp.allowed-origins")
                .orElseGet(() -> LOOPBACK_NAMES.stream().map(name -> "http://" + name + ":*").toList());
        List<String> hosts = new ArrayList<>(list("m365.mcp.allowed-hosts")
                .orElseGet(() -> LOOPBACK_NAMES.stream().map(name -> name + ":*").toList()));
        if (!LOOPBACK_NAMES.contains(host) && !host.equals("0.0.0.0") && !host.equals("::")) {
            hosts.add(host + ":*");
        }
        Optional<String> token = config.getOptionalValue("m365.mcp.auth-token", String.class);
        return new McpEndpointSettings(host, port, path, origins, hosts, token);
    }

    @Produces
    @Singleton // final type: not proxyable; immutable and thread-safe
    EndpointGuard guard(McpEndpointSettings settings) {
        return EndpointGuard.of(settings);
    }

    private Optional<List<String>> list(String name) {
        return config.getOptionalValue(name, String.class)
                .map(text -> List.of(text.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList())
                .filter(values -> !values.isEmpty());
    }
}

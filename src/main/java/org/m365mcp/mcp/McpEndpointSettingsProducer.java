package org.m365mcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.m365mcp.config.ServerAddress;

/**
 * Builds {@link McpEndpointSettings} from MicroProfile Config ({@code m365.mcp.*}), and their {@link EndpointGuard}
 * and {@link ServerAddress}; and the {@link McpTransports}.
 *
 * <ul>
 *   <li>The port is the one the container serves the application on, as Payara's own config source tells
 *       it ({@value #CONTAINER_PORT}, whatever launched Payara: {@code --port}, boot commands, a domain.xml);
 *       {@code m365.mcp.port}, the run profile's listener setting, only where no container tells.</li>
 * </ul>
 */
@ApplicationScoped
class McpEndpointSettingsProducer {

    /** The HTTP listener's port, from the config source Payara adds for every application. */
    static final String CONTAINER_PORT = "payara.instance.http.port";

    private static final Logger LOG = Logger.getLogger(McpEndpointSettingsProducer.class.getName());
    private static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "[::1]");

    @Inject
    Config config;

    @Produces
    @Singleton // final type: not proxyable; immutable and thread-safe
    McpEndpointSettings settings() {
        String host = config.getValue("m365.mcp.host", String.class);
        int port = servedPort();
        String path = config.getValue("m365.mcp.path", String.class);
        List<String> origins = list("m365.mcp.allowed-origins")
                .orElseGet(() -> LOOPBACK_NAMES.stream()
                        .map(name -> "http://" + name + ":*")
                        .toList());
        List<String> hosts = new ArrayList<>(list("m365.mcp.allowed-hosts")
                .orElseGet(
                        () -> LOOPBACK_NAMES.stream().map(name -> name + ":*").toList()));
        if (!LOOPBACK_NAMES.contains(host) && !host.equals("0.0.0.0") && !host.equals("::")) {
            hosts.add(host + ":*");
        }
        Optional<String> token = config.getOptionalValue("m365.mcp.auth-token", String.class);
        return new McpEndpointSettings(host, port, path, origins, hosts, token);
    }

    @Produces
    @Singleton // final type: not proxyable; immutable and thread-safe
    McpTransports transports() {
        return new McpTransports(
                config.getValue("m365.mcp.http", Boolean.class), config.getValue("m365.mcp.stdio", Boolean.class));
    }

    @Produces
    @Singleton // final type: not proxyable; immutable and thread-safe
    EndpointGuard guard(McpEndpointSettings settings) {
        return EndpointGuard.of(settings);
    }

    /** Where the server calls itself, for those that must not know the MCP endpoint (Graph's producer, the serving probe). */
    @Produces
    @Singleton // final type: not proxyable; immutable and thread-safe
    ServerAddress address(McpEndpointSettings settings) {
        return new ServerAddress(settings.host(), settings.port());
    }

    /** The port the container's HTTP listener is configured with, else {@code m365.mcp.port} (with a warning). */
    private int servedPort() {
        Optional<String> told =
                config.getOptionalValue(CONTAINER_PORT, String.class).map(String::trim);
        if (told.isPresent() && told.get().matches("\\d{1,5}")) {
            return Integer.parseInt(told.get());
        }
        int configured = config.getValue("m365.mcp.port", Integer.class);
        LOG.warning(() -> "The container does not tell the HTTP port it serves this application on (" + CONTAINER_PORT
                + "): assuming m365.mcp.port=" + configured
                + " for the server's calls to itself (the sandbox in demo mode).");
        return configured;
    }

    private Optional<List<String>> list(String name) {
        return config.getOptionalValue(name, String.class)
                .map(text -> List.of(text.split(",")).stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .filter(values -> !values.isEmpty());
    }
}

package org.m365mcp.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.background.ServingProbes;
import org.m365mcp.mcp.McpEndpointStatus;

/**
 * The mcp-endpoint readiness check against a real HTTP server on loopback that plays Payara in the
 * gap between the application's start-up event and its routing (404), then serving it.
 */
class McpEndpointReadinessTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 404;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void call_startedAndPublishedButNotYetRouted_downUntilTheApplicationAnswers() throws IOException {
        McpEndpointReadiness readiness = readiness(true);

        HealthCheckResponse gap = readiness.call();
        status = 200;
        HealthCheckResponse served = readiness.call();

        assertThat(gap.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(gap.getData().orElseThrow()).containsEntry("served", false).containsEntry("tools", 86L);
        assertThat(served.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(served.getData().orElseThrow()).containsEntry("served", true);
    }

    @Test
    void call_onceServed_asksNoMoreRequests() throws IOException {
        status = 200;
        McpEndpointReadiness readiness = readiness(true);

        readiness.call();
        readiness.call();
        readiness.call();

        assertThat(requests).hasValue(1);
    }

    @Test
    void call_servedButEndpointNotPublished_down() throws IOException {
        status = 200;

        assertThat(readiness(false).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void call_endpointRefusedForAnInvalidToolSetting_downWithTheSettingsError() throws IOException {
        status = 200;
        McpEndpointReadiness readiness = readiness(false);
        readiness.endpoint = new McpEndpointStatus() {
            @Override
            public Optional<String> refusal() {
                return Optional.of("M365_MCP_TOOLS (m365.mcp.tools) names unknown area 'mial'; valid: mail, ...");
            }
        };

        HealthCheckResponse response = readiness.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow())
                .containsEntry("error", "M365_MCP_TOOLS (m365.mcp.tools) names unknown area 'mial'; valid: mail, ...");
    }

    private McpEndpointReadiness readiness(boolean published) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        McpEndpointReadiness readiness = new McpEndpointReadiness();
        readiness.probe = ServingProbes.at("127.0.0.1", server.getAddress().getPort());
        readiness.application = new ApplicationStarted() {
            @Override
            public boolean started() {
                return true;
            }

            @Override
            public String contextPath() {
                return "/m365-mcp";
            }
        };
        readiness.endpoint = new McpEndpointStatus() {
            @Override
            public boolean published() {
                return published;
            }

            @Override
            public int tools() {
                return published ? 86 : -1;
            }
        };
        return readiness;
    }
}

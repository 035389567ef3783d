package org.m365mcp.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.m365mcp.mcp.McpEndpointStatus;

/**
 * Readiness of the MCP endpoint: UP once its servlet is registered with every tool. Clients and
 * tests wait on {@code /health/ready} instead of retrying {@code initialize} while the WAR deploys.
 */
@Readiness
@ApplicationScoped
public class McpEndpointReadiness implements HealthCheck {

    @Inject
    ApplicationStarted application;

    static final String NAME = "mcp-endpoint";

    @Inject
    McpEndpointStatus endpoint;

    @Override
    public HealthCheckResponse call() {
        if (!application.started()) {
            return HealthCheckResponse.named(NAME).withData("starting", true).down().build();
        }
        return HealthCheckResponse.named(NAME).status(endpoint.published()).withData("tools", endpoint.tools()).build();
    }
}

package org.m365mcp.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.m365mcp.background.ServingProbe;
import org.m365mcp.mcp.McpEndpointStatus;

/**
 * Readiness of the MCP endpoint: UP once its servlet is registered with every tool and the
 * application is served; DOWN with the setting's error when a tool setting kept it unpublished. Clients and tests wait on {@code /health/ready} instead of retrying
 * {@code initialize} while the WAR deploys.
 *
 * <p>Payara maps the application to its context path a moment after the start-up event, and
 * serves {@code /health} (outside the application) all along: in that gap an {@code initialize}
 * gets a 404. So until the application has once answered, each readiness call asks it one request
 * ({@link ServingProbe#answers}); from then on the check makes no request.
 */
@Readiness
@ApplicationScoped
public class McpEndpointReadiness implements HealthCheck {

    static final String NAME = "mcp-endpoint";

    @Inject
    ApplicationStarted application;

    @Inject
    McpEndpointStatus endpoint;

    @Inject
    ServingProbe probe;

    private volatile boolean served;

    @Override
    public HealthCheckResponse call() {
        if (!application.started()) {
            return HealthCheckResponse.named(NAME)
                    .withData("starting", true)
                    .down()
                    .build();
        }
        if (endpoint.refusal().isPresent()) {
            return HealthCheckResponse.named(NAME)
                    .withData("error", endpoint.refusal().get())
                    .down()
                    .build();
        }
        return HealthCheckResponse.named(NAME)
                .status(endpoint.published() && served())
                .withData("tools", endpoint.tools())
                .withData("served", served)
                .build();
    }

    private boolean served() {
        if (!served) {
            try {
                served = probe.answers(application.contextPath());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // An address the probe cannot reach (a misconfigured host): report, never fail the check itself.
                return false;
            }
        }
        return served;
    }
}

package org.m365mcp.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * In front of every sandbox Graph request ({@code /sandbox/v1.0/…}): counts it, waits the
 * configured latency, then rejects a missing or unknown bearer token with Graph's 401.
 *
 * <ul>
 *   <li>Pre-matching, so even a path no resource serves is counted and authenticated, as Graph does.
 *   <li>The admin API ({@code /sandbox/_admin}) is neither counted, delayed nor authenticated.
 * </ul>
 */
@Provider
@PreMatching
@ApplicationScoped
public class SandboxRequestFilter implements ContainerRequestFilter {

    @Inject
    SandboxState state;

    @Inject
    SandboxTenant tenant;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath();
        if (!path.startsWith("/v1.0/") && !path.equals("/v1.0")) {
            return;
        }
        state.requests().record(path);
        pause();
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            request.abortWith(unauthorized("Access token is empty."));
        } else if (tenant.authenticate(authorization).isEmpty()) {
            request.abortWith(unauthorized("Access token validation failure. Invalid audience."));
        }
    }

    private void pause() {
        long ms = state.latency().toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(
                        GraphErrorMapper.error(401, "InvalidAuthenticationToken", message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"\", authorization_uri=\"sandbox\"")
                .build();
    }
}

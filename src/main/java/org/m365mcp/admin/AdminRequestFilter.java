package org.m365mcp.admin;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.m365mcp.mcp.EndpointGuard;

/**
 * In front of every admin request, the MCP endpoint's own rules ({@link EndpointGuard}): Origin and
 * Host (403 / 421), then the bearer token when one is configured (401).
 *
 * <ul>
 *   <li>Pre-matching, so even a path no resource serves is refused first.</li>
 *   <li>Stateless and thread-safe.</li>
 * </ul>
 */
@Provider
@PreMatching
@ApplicationScoped
public class AdminRequestFilter implements ContainerRequestFilter {

    @Inject
    EndpointGuard guard;

    @Override
    public void filter(ContainerRequestContext request) {
        guard.check(headers(request)).ifPresent(rejection -> {
            Response.ResponseBuilder response = Response.status(rejection.status())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(rejection.json());
            if (rejection.challenge()) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, EndpointGuard.CHALLENGE);
            }
            request.abortWith(response.build());
        });
    }

    private static HeaderAccessor headers(ContainerRequestContext request) {
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                List<String> values = request.getHeaders().get(name);
                return values == null ? List.of() : values;
            }

            @Override
            public List<String> getHeaderNames() {
                return List.copyOf(request.getHeaders().keySet());
            }
        };
    }
}

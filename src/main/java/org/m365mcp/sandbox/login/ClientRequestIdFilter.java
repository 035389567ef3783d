package org.m365mcp.sandbox.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Echoes the client's {@code client-request-id} header on every answer, as the identity platform
 * does; MSAL compares the two and logs a mismatch.
 */
@Provider
@ApplicationScoped
public class ClientRequestIdFilter implements ContainerResponseFilter {

    static final String HEADER = "client-request-id";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(HEADER);
        if (id != null && !id.isBlank()) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}

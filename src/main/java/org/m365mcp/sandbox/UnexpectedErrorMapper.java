package org.m365mcp.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Any other failure inside the sandbox, answered as Graph answers its own: 500 with Graph's error
 * body ({@code InternalServerError}) instead of the server's HTML page, so clients see the shape they
 * expect. The more specific mappers ({@link GraphErrorMapper}, {@link RoutingErrorMapper}) win.
 */
@Provider
@ApplicationScoped
public class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final System.Logger LOG = System.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Sandbox request failed unexpectedly", e);
        return GraphErrorMapper.error(
                500,
                "InternalServerError",
                "The sandbox failed to process the request: " + e.getClass().getSimpleName() + ".");
    }
}

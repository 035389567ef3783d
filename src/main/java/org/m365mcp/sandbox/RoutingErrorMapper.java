package org.m365mcp.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Answers the JAX-RS runtime's own errors (no such route, wrong method, bad media type) in
 * Graph's error shape instead of the server's HTML error page.
 *
 * <ul>
 *   <li>No route is Graph's 400 {@code BadRequest} "Resource not found for the segment '…'.",
 *       which is what Graph says for a path it does not know.
 *   <li>Other statuses are kept, with a generic code.
 * </ul>
 */
@Provider
@ApplicationScoped
public class RoutingErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            List<String> segments =
                    uriInfo.getPathSegments().stream().map(s -> s.getPath()).toList();
            String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
            return GraphErrorMapper.error(400, "BadRequest", "Resource not found for the segment '" + last + "'.");
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String code = switch (status) {
            case 405 -> "MethodNotAllowed";
            case 406, 415 -> "UnsupportedMediaType";
            default -> status >= 500 ? "InternalServerError" : "BadRequest";
        };
        return GraphErrorMapper.error(status, code, e.getMessage() == null ? "Request failed." : e.getMessage());
    }
}

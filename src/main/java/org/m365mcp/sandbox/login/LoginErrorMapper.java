package org.m365mcp.sandbox.login;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.m365mcp.sandbox.common.Json;

/**
 * Answers a {@link LoginException} as the identity platform answers an OAuth error: HTTP 400,
 * {@code Cache-Control: no-store}, and
 * {@code {"error","error_description","error_codes","timestamp","trace_id","correlation_id"}}.
 *
 * <ul>
 *   <li>The description reads {@code AADSTSnnnnn: message} followed by the trace id, correlation id
 *       and timestamp lines, as Microsoft's does.
 *   <li>The correlation id echoes the client's {@code client-request-id} header (MSAL sends one);
 *       without it, and for the trace id, a random GUID.
 *   <li>The timestamp is the sign-in clock's "now".
 * </ul>
 */
@Provider
@ApplicationScoped
public class LoginErrorMapper implements ExceptionMapper<LoginException> {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    SandboxLogin login;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(LoginException e) {
        String timestamp = TIMESTAMP.format(login.clock().instant());
        String traceId = UUID.randomUUID().toString();
        String requestId = headers == null ? null : headers.getHeaderString(ClientRequestIdFilter.HEADER);
        String correlationId =
                requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        ObjectNode body = Json.object()
                .put("error", e.error())
                .put(
                        "error_description",
                        "AADSTS" + e.aadstsCode() + ": " + e.getMessage()
                                + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: " + correlationId
                                + "\r\nTimestamp: " + timestamp);
        body.putArray("error_codes").add(e.aadstsCode());
        body.put("timestamp", timestamp).put("trace_id", traceId).put("correlation_id", correlationId);
        return Response.status(400)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store, no-cache")
                .header("Pragma", "no-cache")
                .entity(body.toString())
                .build();
    }
}

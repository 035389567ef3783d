package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.m365mcp.sandbox.common.SandboxGraphException;

/** Answers a {@link SandboxGraphException} with Graph's error body, status and any {@code Retry-After}. */
@Provider
@ApplicationScoped
public class GraphErrorMapper implements ExceptionMapper<SandboxGraphException> {

    @Override
    public Response toResponse(SandboxGraphException e) {
        Response response = error(e.status(), e.code(), e.getMessage());
        return e.retryAfterSeconds() == null
                ? response
                : Response.fromResponse(response)
                        .header("Retry-After", e.retryAfterSeconds())
                        .build();
    }

    /** {@code {"error":{"code":…,"message":…,"innerError":{…}}}} with the given status. */
    static Response error(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(code, message))
                .build();
    }

    /** The error body alone, as JSON text; usable without a JAX-RS runtime. */
    static String body(String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.putObject("innerError").put("request-id", "00000000-0000-0000-0000-000000000000");
        return body.toString();
    }
}

package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link SandboxGraphException} with Graph's error body and status. */
@Provider
@ApplicationScoped
public class GraphErrorMapper implements ExceptionMapper<SandboxGraphException> {

    @Override
    public Response toResponse(SandboxGraphException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    /** {@code {"error":{"code":…,"message":…,"innerError":{…}}}} with the given status. */
    static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(code, message)).build();
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

package org.m365mcp.sandbox.common;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The few response shapes Graph uses: 200/201 with a JSON body, 202 and 204 without one.
 *
 * <p>Bodies are written as JSON text so no JSON provider of the server is involved. Stateless.
 */
public final class Responses {

    private Responses() {}

    public static Response ok(JsonNode body) {
        return json(200, body);
    }

    public static Response created(JsonNode body) {
        return json(201, body);
    }

    public static Response accepted() {
        return Response.accepted().build();
    }

    public static Response noContent() {
        return Response.noContent().build();
    }

    public static Response json(int status, JsonNode body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.toString())
                .build();
    }
}

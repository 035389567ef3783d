package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * Test controls for the sandbox: the request counter and the simulated latency.
 *
 * <ul>
 *   <li>{@code GET /sandbox/_admin/requests} →
 *       {@code {"total":n,"byPath":{path:n},"byAccount":{account:n},"maxInFlight":{account:n}}}; {@code DELETE} resets it.
 *   <li>{@code GET|PUT /sandbox/_admin/latency} with {@code {"ms":300}}.
 *   <li>No authentication: the sandbox serves only made-up data.
 * </ul>
 */
@RequestScoped
@Path("_admin")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAdminResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxState state;

    @GET
    @Path("requests")
    public String requests() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        RequestCounter counter = state.requests();
        var byPath = counter.snapshot();
        body.put("total", byPath.values().stream().mapToLong(Long::longValue).sum());
        ObjectNode paths = body.putObject("byPath");
        byPath.forEach(paths::put);
        ObjectNode accounts = body.putObject("byAccount");
        counter.byAccount().forEach(accounts::put);
        ObjectNode inFlight = body.putObject("maxInFlight");
        counter.maxInFlight().forEach(inFlight::put);
        return body.toString();
    }

    @DELETE
    @Path("requests")
    public Response resetRequests() {
        state.requests().reset();
        return Response.noContent().build();
    }

    @GET
    @Path("latency")
    public String latency() {
        return JsonNodeFactory.instance
                .objectNode()
                .put("ms", state.latency().toMillis())
                .toString();
    }

    @PUT
    @Path("latency")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setLatency(String body) {
        try {
            JsonNode ms = JSON.readTree(body == null ? "" : body).path("ms");
            if (!ms.canConvertToLong() || ms.asLong() < 0) {
                throw SandboxGraphException.badRequest("Expected {\"ms\": <non-negative integer>}.");
            }
            state.setLatency(Duration.ofMillis(ms.asLong()));
        } catch (IOException e) {
            throw SandboxGraphException.badRequest("Expected {\"ms\": <non-negative integer>}.");
        }
        return Response.ok(latency(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}

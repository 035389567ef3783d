package org.m365mcp.sandbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.faults.FaultRulesJson;

/**
 * Fault injection and per-endpoint latency for tests and demos, at {@code /sandbox/_admin/faults}.
 *
 * <ul>
 *   <li>{@code PUT} replaces all rules with one rule object or an array of them, e.g.
 *       {@code {"path_pattern":"/me/messages*","status":429,"retry_after_seconds":2,"count":1}};
 *       {@code POST} adds one; {@code GET} lists them with how many requests each has left;
 *       {@code DELETE} clears them.
 *   <li>Fields: {@code path_pattern} (required, {@code *} wildcard, below {@code /v1.0}),
 *       {@code method}, {@code status}, {@code retry_after_seconds}, {@code delay_ms}, {@code count},
 *       {@code code}, {@code message}. A delay without a status is latency; a delay longer than the
 *       client's timeout is a timeout.
 * </ul>
 */
@RequestScoped
@Path("_admin/faults")
@Produces(MediaType.APPLICATION_JSON)
public class FaultsAdminResource {

    @Inject
    SandboxState state;

    @GET
    public String list() {
        return FaultRulesJson.render(state.faults().list()).toString();
    }

    @PUT
    public Response replace(String body) {
        state.faults().replace(FaultRulesJson.parse(body));
        return Response.ok(list(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    public Response add(String body) {
        FaultRulesJson.parse(body).forEach(state.faults()::add);
        return Response.ok(list(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    public Response clear() {
        state.faults().clear();
        return Response.noContent().build();
    }
}

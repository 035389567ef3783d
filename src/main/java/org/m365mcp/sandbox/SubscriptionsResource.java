package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;

/**
 * Graph's {@code /subscriptions} for the signed-in account: POST (201, after the validation handshake),
 * GET (list and one), PATCH (renew, or a new notification URL), DELETE (204), POST {id}/reauthorize (204).
 * Another account's subscription is 404.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class SubscriptionsResource {

    private final SubscriptionHub hub;
    private final SandboxAccount caller;
    private final GraphRequest request;

    public SubscriptionsResource(SubscriptionHub hub, SandboxAccount caller, GraphRequest request) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.request = Objects.requireNonNull(request, "request");
    }

    @POST
    public Response create(String body) {
        return Responses.created(entity(hub.create(caller, Json.body(body))));
    }

    @GET
    public Response list() {
        ObjectNode out = Json.object().put("@odata.context", request.context("subscriptions"));
        hub.list(caller).forEach(out.putArray("value")::add);
        if (!out.has("value")) {
            out.putArray("value");
        }
        return Responses.ok(out);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Responses.ok(entity(hub.get(caller, id)));
    }

    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        return Responses.ok(entity(hub.update(caller, id, Json.body(body))));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        hub.delete(caller, id);
        return Responses.noContent();
    }

    @POST
    @Path("{id}/reauthorize")
    public Response reauthorize(@PathParam("id") String id) {
        hub.reauthorize(caller, id);
        return Responses.noContent();
    }

    private ObjectNode entity(ObjectNode subscription) {
        ObjectNode out = Json.object().put("@odata.context", request.context("subscriptions/$entity"));
        out.setAll(subscription);
        return out;
    }
}

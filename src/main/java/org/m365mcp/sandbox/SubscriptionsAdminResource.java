package org.m365mcp.sandbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;

/**
 * Change notification controls at {@code /sandbox/_admin/subscriptions}: {@code GET} lists every
 * account's subscriptions with the delivery counters; {@code POST {id}/lifecycle} with
 * {@code {"lifecycleEvent":"reauthorizationRequired"|"subscriptionRemoved"|"missed"}} sends that lifecycle
 * notification to the subscription's lifecycleNotificationUrl (202; {@code subscriptionRemoved} also
 * removes the subscription).
 */
@RequestScoped
@Path("_admin/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsAdminResource {

    @Inject
    SubscriptionHub hub;

    @GET
    public Response list() {
        return Responses.ok(hub.state());
    }

    @POST
    @Path("{id}/lifecycle")
    public Response lifecycle(@PathParam("id") String id, String body) {
        hub.lifecycle(id, Json.body(body).path("lifecycleEvent").asText(""));
        return Responses.accepted();
    }
}

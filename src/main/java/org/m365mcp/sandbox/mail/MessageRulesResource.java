package org.m365mcp.sandbox.mail;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.odata.ODataListing;

/** {@code /me/mailFolders/inbox/messageRules}: list (by sequence), get, create, PATCH, delete. */
@Produces(MediaType.APPLICATION_JSON)
public final class MessageRulesResource {

    private final Mailbox mailbox;
    private final GraphRequest request;
    private final ODataListing listing;

    MessageRulesResource(Mailbox mailbox, GraphRequest request) {
        this.mailbox = mailbox;
        this.request = request;
        this.listing = new ODataListing(
                "messageRule", "users('" + mailbox.userId() + "')/mailFolders('inbox')/messageRules", 100, null);
    }

    @GET
    public Response list() {
        return Responses.ok(listing.page(mailbox.rules().list(), request));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Responses.ok(listing.single(mailbox.rules().get(id), request));
    }

    @POST
    public Response create(String body) {
        return Responses.created(mailbox.rules().create(Json.body(body)));
    }

    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        return Responses.ok(mailbox.rules().update(id, Json.body(body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        mailbox.rules().delete(id);
        return Responses.noContent();
    }
}

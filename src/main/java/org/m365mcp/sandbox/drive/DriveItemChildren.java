package org.m365mcp.sandbox.drive;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /root:/path:/children}: the same list and folder creation as {@code /items/{id}/children}. */
@Produces(MediaType.APPLICATION_JSON)
public final class DriveItemChildren {

    private final DriveItemResource item;

    DriveItemChildren(DriveItemResource item) {
        this.item = item;
    }

    @GET
    public Response list() {
        return item.children();
    }

    @POST
    public Response create(String body) {
        return item.createChild(body);
    }
}

package org.m365mcp.sandbox.drive;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.odata.ODataListing;

/**
 * One drive item, addressed by id ({@code /items/{id}}), as the root ({@code /root}) or by path
 * ({@code /root:/a/b:}): get, PATCH (rename, move), DELETE, {@code children} (list, create folder),
 * {@code content} (GET: 302 to a pre-authenticated download URL; PUT: replace), {@code createUploadSession}
 * (replace the content in fragments), {@code copy}
 * (202 with a monitor {@code Location}) and {@code createLink}.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class DriveItemResource {

    /** OneDrive's page size for children. */
    static final int PAGE = 200;

    private final Drive drive;
    private final GraphRequest request;
    private final String itemId;
    private final DriveWrites writes;

    DriveItemResource(Drive drive, GraphRequest request, String itemId) {
        this.drive = drive;
        this.request = request;
        this.itemId = itemId;
        this.writes = new DriveWrites(drive);
        drive.stored(itemId);
    }

    /** GET; {@code If-None-Match} with the item's current eTag or cTag is 304 without a body (driveitem-get.md). */
    @GET
    public Response get() {
        if (notModified()) {
            return Response.notModified().build();
        }
        return Responses.ok(listing().single(render(itemId), request));
    }

    /** PATCH; an {@code If-Match} that is not the item's current eTag or cTag is 412 and changes nothing. */
    @PATCH
    public Response update(String body) {
        synchronized (drive) {
            requireMatch();
            writes.update(itemId, Json.body(body));
            return Responses.ok(render(itemId));
        }
    }

    @DELETE
    public Response delete() {
        synchronized (drive) {
            requireMatch();
            writes.delete(itemId);
        }
        return Responses.noContent();
    }

    private boolean notModified() {
        return request.header("If-None-Match")
                .filter(tag -> drive.tagMatches(itemId, tag))
                .isPresent();
    }

    private void requireMatch() {
        if (request.header("If-Match")
                .filter(tag -> !drive.tagMatches(itemId, tag))
                .isPresent()) {
            throw new SandboxGraphException(412, "resourceModified", "ETag does not match current item's value.");
        }
    }

    @GET
    @Path("children")
    public Response children() {
        List<com.fasterxml.jackson.databind.node.ObjectNode> children;
        synchronized (drive) {
            children = drive.childIds(itemId).stream().map(this::render).toList();
        }
        return Responses.ok(new ODataListing(
                        "driveItem",
                        "users('" + drive.owner().address() + "')/drive/items('" + itemId + "')/children",
                        PAGE,
                        null)
                .page(children, request));
    }

    @POST
    @Path("children")
    public Response createChild(String body) {
        return Responses.created(render(writes.createFolder(itemId, Json.body(body))));
    }

    @GET
    @Path("content")
    public Response download() {
        drive.content(itemId); // a folder is a 400 here, not at the download URL
        if (notModified()) { // driveitem-get-content.md
            return Response.notModified().build();
        }
        return Response.status(302)
                .location(
                        URI.create(DriveLinks.downloadUrl(request.sandboxRoot().toString(), drive.driveId(), itemId)))
                .build();
    }

    @PUT
    @Path("content")
    public Response replaceContent(byte[] body) {
        writes.replace(itemId, body == null ? new byte[0] : body);
        return Responses.ok(render(itemId));
    }

    @Path("createUploadSession")
    public CreateUploadSession uploadSession() {
        return CreateUploadSession.existing(drive, request, itemId);
    }

    @POST
    @Path("copy")
    public Response copy(String body) {
        String copyId = writes.copy(itemId, Json.optionalBody(body));
        String operation = drive.copies().start(DriveWrites.operationId(drive.driveId(), copyId), copyId);
        return Response.accepted()
                .location(URI.create(request.sandboxRoot() + "/monitor/" + operation))
                .build();
    }

    @POST
    @Path("createLink")
    public Response createLink(String body) {
        DriveLinks.Created link = drive.links().create(itemId, Json.body(body));
        return Responses.json(link.isNew() ? 201 : 200, link.permission());
    }

    private com.fasterxml.jackson.databind.node.ObjectNode render(String id) {
        return drive.render(id, request.sandboxRoot().toString());
    }

    private ODataListing listing() {
        return new ODataListing("driveItem", "users('" + drive.owner().address() + "')/drive/items", PAGE, null);
    }
}

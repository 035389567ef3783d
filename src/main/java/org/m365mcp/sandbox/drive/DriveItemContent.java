package org.m365mcp.sandbox.drive;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Responses;

/**
 * {@code …:/content} by path ({@code /root:/a/b.txt:/content}) or by parent and name
 * ({@code /items/{parent}:/b.txt:/content}): GET downloads an existing file (302), PUT uploads a
 * small file, 201 when new and 200 when it replaced one; {@code @microsoft.graph.conflictBehavior}
 * may be given as a query parameter.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class DriveItemContent {

    private final Drive drive;
    private final GraphRequest request;
    private final String path;
    private final String parentId;

    /** {@code path} is below the root when {@code parentId} is null, else a name inside {@code parentId}. */
    DriveItemContent(Drive drive, GraphRequest request, String path, String parentId) {
        this.drive = drive;
        this.request = request;
        this.path = path;
        this.parentId = parentId;
    }

    @GET
    public Response download() {
        String id = parentId == null
                ? drive.resolve(path)
                : drive.childNamed(parentId, path)
                        .orElseThrow(org.m365mcp.sandbox.common.SandboxGraphException::driveItemNotFound);
        return new DriveItemResource(drive, request, id).download();
    }

    @PUT
    public Response upload(byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        String behavior = request.param("@microsoft.graph.conflictBehavior").orElse(null);
        DriveWrites writes = new DriveWrites(drive);
        DriveWrites.Upload upload = parentId == null
                ? writes.uploadByPath(path, bytes, behavior)
                : writes.upload(parentId, path, bytes, behavior);
        return Responses.json(
                upload.created() ? 201 : 200,
                drive.render(
                        upload.item().path("id").asText(), request.sandboxRoot().toString()));
    }
}

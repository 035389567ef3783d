package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * {@code /me/drive}: the drive itself, {@code root}, {@code items/{id}}, path addressing
 * ({@code root:/path/to/item}, {@code root:/path:/children}, {@code root:/path:/content}) and uploads
 * by name ({@code items/{parent}:/{name}:/content}), simple or through an upload session
 * ({@code …:/createUploadSession}).
 *
 * <p>Path segments are matched by name ignoring case; a PUT by path creates missing folders.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class DriveResource {

    private final Drive drive;
    private final GraphRequest request;

    public DriveResource(Drive drive, GraphRequest request) {
        this.drive = drive;
        this.request = request;
    }

    @GET
    public Response get() {
        ObjectNode out = Json.object().put("@odata.context", request.context("drives/$entity"));
        out.put("createdDateTime", "2024-01-08T09:00:00Z");
        out.put("description", "");
        out.put("id", drive.driveId());
        out.put("lastModifiedDateTime", drive.now().toString());
        out.put("name", "OneDrive");
        out.put(
                "webUrl",
                "https://contoso-my.sharepoint.com/personal/"
                        + drive.owner().address().replaceAll("[@.]", "_") + "/Documents");
        out.put("driveType", "business");
        out.putObject("createdBy").putObject("user").put("displayName", "System Account");
        out.putObject("owner")
                .putObject("user")
                .put("id", SandboxIds.guid("user|" + drive.owner().address()))
                .put("displayName", drive.owner().name());
        long used = drive.usedBytes();
        long total = 1_099_511_627_776L;
        out.putObject("quota")
                .put("deleted", 0)
                .put("remaining", total - used)
                .put("state", "normal")
                .put("total", total)
                .put("used", used);
        return Responses.ok(out);
    }

    @Path("root")
    public DriveItemResource root() {
        return new DriveItemResource(drive, request, drive.rootId());
    }

    @Path("items/{id: [^/:]+}")
    public DriveItemResource item(@PathParam("id") String id) {
        return new DriveItemResource(drive, request, id);
    }

    @Path("root:{path: [^:]*}{end: :?}")
    public DriveItemResource byPath(@PathParam("path") String path) {
        return new DriveItemResource(drive, request, drive.resolve(path));
    }

    @Path("root:{path: [^:]*}:/children")
    public DriveItemChildren childrenByPath(@PathParam("path") String path) {
        return new DriveItemChildren(new DriveItemResource(drive, request, drive.resolve(path)));
    }

    @Path("root:{path: [^:]*}:/content")
    public DriveItemContent contentByPath(@PathParam("path") String path) {
        return new DriveItemContent(drive, request, path, null);
    }

    @Path("root:{path: [^:]*}:/createUploadSession")
    public CreateUploadSession uploadSessionByPath(@PathParam("path") String path) {
        return CreateUploadSession.newFile(drive, request, null, path);
    }

    @Path("items/{id: [^/:]+}:/{name: [^:/]+}:/createUploadSession")
    public CreateUploadSession uploadSessionByName(@PathParam("id") String parentId, @PathParam("name") String name) {
        drive.stored(parentId);
        return CreateUploadSession.newFile(drive, request, parentId, name);
    }

    @Path("items/{id: [^/:]+}:/{name: [^:/]+}:/content")
    public DriveItemContent contentByName(@PathParam("id") String parentId, @PathParam("name") String name) {
        return new DriveItemContent(drive, request, name, parentId);
    }
}

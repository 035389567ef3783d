package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * {@code POST …/createUploadSession} for a new file ({@code /items/{parent}:/{name}:/createUploadSession},
 * {@code /root:/a/b.bin:/createUploadSession}) or an existing one ({@code /items/{id}/createUploadSession}):
 * 200 with the session's {@code uploadUrl}, {@code expirationDateTime} and {@code nextExpectedRanges}.
 *
 * <p>The optional body is {@code {"item":{"@microsoft.graph.conflictBehavior":…,"name":…,"fileSize":…}}};
 * the behaviour defaults to {@code replace}, as for a simple upload.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class CreateUploadSession {

    private final Drive drive;
    private final GraphRequest request;
    private final UploadSessions.Target target;

    /** {@code name} inside {@code parentId}, or {@code path} below the root when {@code parentId} is null. */
    static CreateUploadSession newFile(Drive drive, GraphRequest request, String parentId, String pathOrName) {
        return new CreateUploadSession(
                drive,
                request,
                parentId == null
                        ? new UploadSessions.Target(null, null, pathOrName, null, null)
                        : new UploadSessions.Target(parentId, pathOrName, null, null, null));
    }

    static CreateUploadSession existing(Drive drive, GraphRequest request, String itemId) {
        return new CreateUploadSession(drive, request, new UploadSessions.Target(null, null, null, itemId, "replace"));
    }

    private CreateUploadSession(Drive drive, GraphRequest request, UploadSessions.Target target) {
        this.drive = drive;
        this.request = request;
        this.target = target;
    }

    @POST
    public Response create(String body) {
        ObjectNode json = Json.optionalBody(body);
        JsonNode item = json.path("item");
        String behavior = item.path("@microsoft.graph.conflictBehavior").asText("replace");
        if (!behavior.equals("fail") && !behavior.equals("rename") && !behavior.equals("replace")) {
            throw SandboxGraphException.driveInvalidRequest(
                    "@microsoft.graph.conflictBehavior must be fail, rename or" + " replace.");
        }
        long declared = item.has("fileSize") ? item.path("fileSize").asLong(-1) : -1;
        UploadSessions.Target withBehavior = target.itemId() != null
                ? target
                : new UploadSessions.Target(target.parentId(), target.name(), target.path(), null, behavior);
        ObjectNode session = drive.uploads()
                .create(withBehavior, declared, request.sandboxRoot().toString());
        session.put("@odata.context", request.context("microsoft.graph.uploadSession"));
        return Responses.ok(session);
    }
}

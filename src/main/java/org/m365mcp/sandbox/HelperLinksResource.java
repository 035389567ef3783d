package org.m365mcp.sandbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.drive.CopyOperations;
import org.m365mcp.sandbox.drive.Drive;
import org.m365mcp.sandbox.drive.DriveDownloads;

/**
 * The URLs Graph hands out that need no bearer token: copy monitors ({@code /sandbox/monitor/{id}})
 * and pre-authenticated downloads ({@code /sandbox/download/{driveId}/{itemId}?tempauth=…}).
 *
 * <p>Counted by the request filter like Graph calls, but not authenticated, as on Graph.
 */
@RequestScoped
@Path("")
public class HelperLinksResource {

    @Inject
    SandboxTenant tenant;

    @GET
    @Path("monitor/{operationId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response monitor(@PathParam("operationId") String operationId) {
        CopyOperations.Status status = tenant.accounts().stream()
                .flatMap(a -> a.drive().copies().poll(operationId).stream()).findFirst()
                .orElseThrow(SandboxGraphException::driveItemNotFound);
        return Responses.json(status.status(), status.body());
    }

    @GET
    @Path("download/{driveId}/{itemId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("driveId") String driveId, @PathParam("itemId") String itemId,
            @QueryParam("tempauth") String tempauth) {
        Drive drive = tenant.accounts().stream().map(SandboxAccount::drive).filter(d -> d.driveId().equals(driveId))
                .findFirst().orElseThrow(SandboxGraphException::driveItemNotFound);
        DriveDownloads.Download file = DriveDownloads.of(drive, itemId, tempauth == null ? "" : tempauth);
        return Response.ok(file.bytes(), file.mimeType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + file.encodedName()).build();
    }
}

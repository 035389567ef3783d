package org.m365mcp.sandbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.drive.CopyOperations;
import org.m365mcp.sandbox.drive.Drive;
import org.m365mcp.sandbox.drive.DriveDownloads;
import org.m365mcp.sandbox.drive.UploadSessions;

/**
 * The URLs Graph hands out that need no bearer token: copy monitors ({@code /sandbox/monitor/{id}}),
 * pre-authenticated downloads ({@code /sandbox/download/{driveId}/{itemId}?tempauth=…}) and upload
 * sessions ({@code /sandbox/upload/{sessionId}}: PUT a fragment, GET the status, DELETE to cancel).
 *
 * <p>Counted by the request filter like Graph calls, but not authenticated, as on Graph; an upload
 * URL answers a request that carries an {@code Authorization} header with 401, as Graph may.
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
                .flatMap(a -> a.drive().copies().poll(operationId).stream())
                .findFirst()
                .orElseThrow(SandboxGraphException::driveItemNotFound);
        return Responses.json(status.status(), status.body());
    }

    @PUT
    @Path("upload/{sessionId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response uploadFragment(
            @PathParam("sessionId") String sessionId,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            byte[] fragment) {
        UploadSessions.Answer answer = uploads(sessionId, headers)
                .put(
                        sessionId,
                        headers.getHeaderString("Content-Range"),
                        fragment == null ? new byte[0] : fragment,
                        sandboxRoot(uri));
        return Responses.json(answer.status(), answer.body());
    }

    @GET
    @Path("upload/{sessionId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response uploadStatus(@PathParam("sessionId") String sessionId, @Context HttpHeaders headers) {
        UploadSessions.Answer answer = uploads(sessionId, headers).status(sessionId);
        return Responses.json(answer.status(), answer.body());
    }

    @DELETE
    @Path("upload/{sessionId}")
    public Response cancelUpload(@PathParam("sessionId") String sessionId, @Context HttpHeaders headers) {
        uploads(sessionId, headers).cancel(sessionId);
        return Responses.noContent();
    }

    @GET
    @Path("download/{driveId}/{itemId}")
    @Produces(MediaType.WILDCARD)
    public Response download(
            @PathParam("driveId") String driveId,
            @PathParam("itemId") String itemId,
            @QueryParam("tempauth") String tempauth) {
        Drive drive = tenant.accounts().stream()
                .map(SandboxAccount::drive)
                .filter(d -> d.driveId().equals(driveId))
                .findFirst()
                .orElseThrow(SandboxGraphException::driveItemNotFound);
        DriveDownloads.Download file = DriveDownloads.of(drive, itemId, tempauth == null ? "" : tempauth);
        return Response.ok(file.bytes(), file.mimeType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + file.encodedName())
                .build();
    }

    /** The sessions of the drive that holds {@code sessionId}; 404 when none does, 401 with a bearer token. */
    private UploadSessions uploads(String sessionId, HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            throw new SandboxGraphException(
                    401, "unauthenticated", "An upload URL is pre-authenticated: send it no Authorization header.");
        }
        return tenant.accounts().stream()
                .map(a -> a.drive().uploads())
                .filter(u -> u.has(sessionId))
                .findFirst()
                .orElseThrow(() -> new SandboxGraphException(
                        404, "itemNotFound", "The upload session was not found or has expired."));
    }

    private static String sandboxRoot(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}

package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.delta.ChangeFamily;

/**
 * Delta token expiry on demand, at {@code /sandbox/_admin/delta}: {@code POST expire} with an optional
 * {@code {"account":"demo","resource":"messages"}} makes every delta and skip token handed out so far for
 * that account (every account when absent) and resource (every one when absent) answer 410 Gone, as
 * Graph does when its token cache drops them. 204; an unknown account or resource is 400.
 */
@RequestScoped
@Path("_admin/delta")
@Produces(MediaType.APPLICATION_JSON)
public class DeltaAdminResource {

    /** The {@code resource} names the admin API takes. */
    static final Map<String, ChangeFamily> RESOURCES = Map.of(
            "messages",
            ChangeFamily.MESSAGE,
            "mailfolders",
            ChangeFamily.MAIL_FOLDER,
            "contacts",
            ChangeFamily.CONTACT,
            "events",
            ChangeFamily.EVENT,
            "driveitems",
            ChangeFamily.DRIVE_ITEM);

    @Inject
    SandboxTenant tenant;

    @POST
    @Path("expire")
    public Response expire(String body) {
        JsonNode request = Json.optionalBody(body);
        String accountRef = request.path("account").asText("");
        List<SandboxAccount> accounts = accountRef.isEmpty()
                ? tenant.accounts()
                : List.of(tenant.account(accountRef)
                        .orElseThrow(() -> SandboxGraphException.badRequest("Unknown account '" + accountRef + "'.")));
        String resource = request.path("resource").asText("");
        ChangeFamily family = resource.isEmpty() ? null : RESOURCES.get(resource.toLowerCase(Locale.ROOT));
        if (!resource.isEmpty() && family == null) {
            throw SandboxGraphException.badRequest(
                    "Unknown resource '" + resource + "': one of messages, mailFolders, contacts, events, driveItems.");
        }
        accounts.forEach(a -> a.changes().expireTokens(family));
        return Response.noContent().build();
    }
}

package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Graph's mail message collection: {@code GET /me/mailFolders/{id}/messages} and
 * {@code GET /users/{user}/mailFolders/{id}/messages}, with {@code $top}, {@code $skip},
 * {@code $select}, {@code $orderby} and {@code @odata.nextLink} paging.
 *
 * <ul>
 *   <li>The bearer token is already checked by {@link SandboxRequestFilter}; {@code /me} is its owner.
 *   <li>A token may only read its own mailbox: another user is 403 {@code ErrorAccessDenied}, an
 *       unknown one 404 {@code ErrorInvalidUser}.
 * </ul>
 */
@RequestScoped
@Path("v1.0")
@Produces(MediaType.APPLICATION_JSON)
public class MailMessagesResource {

    @Inject
    SandboxTenant tenant;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("me/mailFolders/{folderId}/messages")
    public String myMessages(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("folderId") String folderId) {
        return list(me(authorization), folderId).toString();
    }

    @GET
    @Path("users/{userId}/mailFolders/{folderId}/messages")
    public String userMessages(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") String userId, @PathParam("folderId") String folderId) {
        Mailbox caller = me(authorization);
        Mailbox target = tenant.mailbox(userId).orElseThrow(() -> new SandboxGraphException(404,
                "ErrorInvalidUser", "The requested user '" + userId + "' is invalid."));
        if (target != caller) {
            throw new SandboxGraphException(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        return list(target, folderId).toString();
    }

    private Mailbox me(String authorization) {
        return tenant.authenticate(authorization).orElseThrow(() -> new SandboxGraphException(401,
                "InvalidAuthenticationToken", "Access token validation failure."));
    }

    private ObjectNode list(Mailbox mailbox, String folderId) {
        ODataQuery query = ODataQuery.parse(firstValues(uriInfo.getQueryParameters()));
        URI serviceRoot = uriInfo.getBaseUriBuilder().path("v1.0").build();
        return MessageListing.list(mailbox, folderId, query, serviceRoot, uriInfo.getRequestUri());
    }

    static Map<String, String> firstValues(MultivaluedMap<String, String> params) {
        Map<String, String> first = new HashMap<>();
        params.forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        return first;
    }
}

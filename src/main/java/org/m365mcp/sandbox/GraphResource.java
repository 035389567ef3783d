package org.m365mcp.sandbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.search.SearchResource;
import org.m365mcp.sandbox.search.SearchSources;

/**
 * The root of the sandbox's Graph v1.0: {@code /me}, {@code /users/{id}}, {@code /subscriptions} and {@code /search},
 * each handed on to a sub-resource for the signed-in account.
 *
 * <ul>
 *   <li>The bearer token is already checked by {@link SandboxRequestFilter}; {@code /me} is its owner.
 *   <li>A token may only reach its own data: another user is 403 {@code ErrorAccessDenied}, an
 *       unknown one 404 {@code ErrorInvalidUser}.
 * </ul>
 */
@RequestScoped
@Path("v1.0")
public class GraphResource {

    @Inject
    SandboxTenant tenant;

    @Inject
    SubscriptionHub subscriptions;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Path("me")
    public UserResource me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return new UserResource(tenant, caller(authorization), request());
    }

    @Path("users/{userId}")
    public UserResource user(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("userId") String userId) {
        SandboxAccount caller = caller(authorization);
        SandboxAccount target = tenant.account(userId)
                .orElseThrow(() -> new SandboxGraphException(
                        404, "ErrorInvalidUser", "The requested user '" + userId + "' is invalid."));
        if (target != caller) {
            throw new SandboxGraphException(
                    403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        return new UserResource(tenant, target, request());
    }

    @Path("subscriptions")
    public SubscriptionsResource subscriptions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return new SubscriptionsResource(subscriptions, caller(authorization), request());
    }

    @Path("search")
    public SearchResource search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        SandboxAccount account = caller(authorization);
        return new SearchResource(
                new SearchSources(
                        account.mailbox()::allMessages, account.calendar()::allInstances, account.drive()::allItems),
                request());
    }

    private SandboxAccount caller(String authorization) {
        return tenant.authenticate(authorization)
                .orElseThrow(() -> new SandboxGraphException(
                        401, "InvalidAuthenticationToken", "Access token validation failure."));
    }

    private GraphRequest request() {
        Map<String, String> params = new HashMap<>();
        uriInfo.getQueryParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                params.put(name, values.get(0));
            }
        });
        Map<String, String> heads = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                heads.put(name, values.get(0));
            }
        });
        return new GraphRequest(
                uriInfo.getBaseUriBuilder().path("v1.0").build(), uriInfo.getRequestUri(), params, heads);
    }
}

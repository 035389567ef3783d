package org.m365mcp.sandbox.login;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.m365mcp.sandbox.common.Json;

/**
 * The identity platform's v2.0 OAuth endpoints for the sandbox tenant, where MSAL looks for them
 * below an authority {@code https://host/contoso.sandbox/}:
 *
 * <ul>
 *   <li>{@code POST oauth2/v2.0/devicecode} ({@code client_id}, {@code scope}) → {@code user_code},
 *       {@code device_code}, {@code verification_uri} (this application's device page),
 *       {@code expires_in}, {@code interval}, {@code message}.
 *   <li>{@code POST oauth2/v2.0/token} with {@code grant_type} device code or refresh token →
 *       {@code token_type}, {@code scope}, {@code expires_in}, {@code ext_expires_in},
 *       {@code access_token}, {@code refresh_token}, {@code id_token}, and {@code client_info} when
 *       asked for with {@code client_info=1}.
 *   <li>Errors are {@link LoginException}s, answered by {@link LoginErrorMapper}.
 * </ul>
 */
@RequestScoped
@Path("oauth2/v2.0")
@Produces(MediaType.APPLICATION_JSON)
public class TokenEndpointResource {

    @Inject
    SandboxLogin login;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("devicecode")
    @Consumes(MediaType.WILDCARD)
    public Response deviceCode(String body) {
        FormBody form = FormBody.parse(body);
        String clientId = form.required("client_id");
        form.required("scope");
        DeviceAuthorization started = login.startDeviceFlow(clientId, form.words("scope"));
        String page = uriInfo.getBaseUriBuilder()
                .path(DevicePageResource.PATH)
                .build()
                .toString();
        ObjectNode answer = Json.object()
                .put("user_code", started.userCode())
                .put("device_code", started.deviceCode())
                .put("verification_uri", page)
                .put("expires_in", started.expiresIn().toSeconds())
                .put("interval", started.interval().toSeconds())
                .put(
                        "message",
                        "To sign in, use a web browser to open the page " + page + " and enter the code "
                                + started.userCode() + " to authenticate.");
        return noStore(answer);
    }

    @POST
    @Path("token")
    @Consumes(MediaType.WILDCARD)
    public Response token(String body) {
        FormBody form = FormBody.parse(body);
        String grantType = form.required("grant_type");
        String clientId = form.required("client_id");
        TokenGrant grant = switch (GrantType.ofWireName(grantType)
                .orElseThrow(() -> LoginException.unsupportedGrantType(grantType))) {
            case DEVICE_CODE -> login.redeemDeviceCode(form.required("device_code"), clientId);
            case REFRESH_TOKEN ->
                login.redeemRefreshToken(form.required("refresh_token"), clientId, form.words("scope"));
        };
        long expiresIn = grant.details().expiresAt().getEpochSecond()
                - grant.details().issuedAt().getEpochSecond();
        ObjectNode answer = Json.object()
                .put("token_type", "Bearer")
                .put("scope", String.join(" ", grant.details().scopes()))
                .put("expires_in", expiresIn)
                .put("ext_expires_in", expiresIn)
                .put("access_token", grant.accessToken())
                .put("refresh_token", grant.refreshToken())
                .put("id_token", login.idToken(grant, issuer()));
        if ("1".equals(form.get("client_info"))) {
            answer.put("client_info", login.clientInfo(grant));
        }
        return noStore(answer);
    }

    /** {@code {scheme}://{host}/{tenant id}/v2.0}, the v2.0 issuer's shape. */
    private String issuer() {
        URI base = uriInfo.getBaseUri();
        return base.getScheme() + "://" + base.getRawAuthority() + "/" + SandboxLogin.TENANT_ID + "/v2.0";
    }

    private static Response noStore(ObjectNode answer) {
        return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store, no-cache")
                .header("Pragma", "no-cache")
                .build();
    }
}

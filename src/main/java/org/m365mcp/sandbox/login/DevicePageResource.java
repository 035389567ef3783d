package org.m365mcp.sandbox.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The device code page a user opens from the device's message ({@code verification_uri}).
 *
 * <ul>
 *   <li>{@code GET device[?user_code=…]}: the form, the code filled in when given.
 *   <li>{@code POST device} with form fields {@code user_code}, {@code username} (an account's
 *       address or account id; needed to approve) and {@code decision} = {@code approve} or
 *       {@code decline}: 200 with a confirmation page, or 400 with the form and a clear error (no
 *       code, unknown or expired or used code, unknown user, no decision).
 *   <li>Made to be posted to by tests as much as by people: plain form fields, no session, no token.
 * </ul>
 */
@RequestScoped
@Path(DevicePageResource.PATH)
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class DevicePageResource {

    /** The page's path below the tenant's authority. */
    public static final String PATH = "device";

    @Inject
    SandboxLogin login;

    @Inject
    TenantUsers tenant;

    @GET
    public String page(@QueryParam("user_code") String userCode) {
        return DevicePage.form(choices(), userCode, null, null);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response decide(String body) {
        FormBody form = FormBody.parse(body);
        String userCode = form.get("user_code");
        String username = form.get("username");
        String decision = form.get("decision");
        if (userCode == null) {
            return error(null, username, "Enter the code your device shows.");
        } else if (!"approve".equals(decision) && !"decline".equals(decision)) {
            return error(userCode, username, "Choose Approve or Decline.");
        }
        try {
            if ("decline".equals(decision)) {
                login.decline(userCode);
                return Response.ok(DevicePage.declined()).build();
            }
            Optional<SignedInUser> account = username == null ? Optional.empty() : tenant.user(username);
            if (account.isEmpty()) {
                return error(
                        userCode,
                        username,
                        username == null
                                ? "Choose the account to sign in as."
                                : "There is no account '" + username + "' in " + SandboxLogin.TENANT + ".");
            }
            SignedInUser user = account.get();
            login.approve(userCode, user);
            return Response.ok(DevicePage.approved(user.name(), user.username()))
                    .build();
        } catch (UserCodeException e) {
            return error(userCode, username, e.getMessage());
        }
    }

    private Response error(String userCode, String username, String message) {
        return Response.status(400)
                .entity(DevicePage.form(choices(), userCode, username, message))
                .build();
    }

    private List<DevicePage.Choice> choices() {
        return tenant.users().stream()
                .map(u -> new DevicePage.Choice(u.username(), u.name()))
                .toList();
    }
}

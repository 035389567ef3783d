package org.m365mcp.sandbox.login;

import java.util.Objects;

/**
 * An OAuth error of the sandbox's token endpoints, answered by {@link LoginErrorMapper} as the
 * Microsoft identity platform does: HTTP 400 with {@code error}, {@code error_description}
 * ({@code AADSTSnnnnn: …}) and {@code error_codes}.
 *
 * <ul>
 *   <li>The AADSTS numbers are Microsoft's where the sandbox knows them (70016 pending, 70020 expired
 *       device code, 70003 unsupported grant, 900144 missing parameter); a declined sign-in and an
 *       invalid grant use 70000, Microsoft's generic invalid-grant code.
 * </ul>
 */
public final class LoginException extends RuntimeException {

    private final String error;
    private final int aadstsCode;

    LoginException(String error, int aadstsCode, String description) {
        super(Objects.requireNonNull(description, "description"));
        this.error = Objects.requireNonNull(error, "error");
        this.aadstsCode = aadstsCode;
    }

    /** The OAuth {@code error} value, e.g. {@code authorization_pending}. */
    public String error() {
        return error;
    }

    /** The number after {@code AADSTS}, also the one entry of {@code error_codes}. */
    public int aadstsCode() {
        return aadstsCode;
    }

    static LoginException authorizationPending() {
        return new LoginException(
                "authorization_pending",
                70016,
                "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
    }

    static LoginException expiredToken() {
        return new LoginException(
                "expired_token",
                70020,
                "The provided value for the input parameter 'device_code' is not valid. This device code has expired.");
    }

    static LoginException authorizationDeclined() {
        return new LoginException(
                "authorization_declined", 70000, "The user declined the sign-in request on the device code page.");
    }

    static LoginException invalidGrant(String why) {
        return new LoginException("invalid_grant", 70000, "Provided grant is invalid or malformed. " + why);
    }

    static LoginException missingParameter(String name) {
        return new LoginException(
                "invalid_request", 900144, "The request body must contain the following parameter: '" + name + "'.");
    }

    static LoginException unsupportedGrantType(String grantType) {
        return new LoginException(
                "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + grantType + "'.");
    }
}

package org.m365mcp.sandbox.login;

import java.util.Objects;

/** The tokens one successful grant issued: a new access token and a new refresh token. */
public record TokenGrant(String accessToken, String refreshToken, IssuedAccessToken details) {

    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(details, "details");
    }
}

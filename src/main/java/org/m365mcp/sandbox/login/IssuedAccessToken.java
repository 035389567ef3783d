package org.m365mcp.sandbox.login;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the sandbox knows of an access token it issued.
 *
 * @param scopes the scopes granted, as the token response's {@code scope} lists them (a canonical order,
 *               no {@code offline_access})
 */
public record IssuedAccessToken(
        SignedInUser user, String clientId, List<String> scopes, Instant issuedAt, Instant expiresAt) {

    public IssuedAccessToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Expired from {@code expiresAt} on; a zero lifetime gives a token expired when issued. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

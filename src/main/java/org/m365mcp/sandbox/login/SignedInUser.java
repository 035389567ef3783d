package org.m365mcp.sandbox.login;

import java.util.Objects;

/**
 * Who approved a sign-in: enough of a sandbox account to fill an id token and to find the account
 * again when its access token comes back to Graph.
 *
 * @param accountId the sandbox account id ({@code demo}, {@code demo2})
 * @param objectId  the user's object id (Graph's user id, the id token's {@code oid})
 * @param name      display name
 * @param username  sign-in name ({@code preferred_username})
 */
public record SignedInUser(String accountId, String objectId, String name, String username) {

    public SignedInUser {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
    }
}

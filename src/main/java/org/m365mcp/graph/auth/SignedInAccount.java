package org.m365mcp.graph.auth;

import java.util.Objects;

/**
 * An account whose tokens this server holds.
 *
 * @param id          the {@code account_id} tools take: the sign-in name in lower case
 * @param username    the sign-in name (UPN or email) as the identity platform reports it
 * @param displayName the user's name, or null when the sign-in service did not send one
 * @param tenantId    the directory (tenant) id, or null when unknown
 */
public record SignedInAccount(String id, String username, String displayName, String tenantId) {

    public SignedInAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }
}

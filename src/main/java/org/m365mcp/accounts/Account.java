package org.m365mcp.accounts;

import java.util.Objects;

/**
 * A signed-in Microsoft account the tools can act for.
 *
 * @param id          the {@code account_id} tools take
 * @param username    the sign-in name (UPN or email)
 * @param sandbox     true for the built-in demo tenant's accounts
 */
public record Account(String id, String username, boolean sandbox) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }
}

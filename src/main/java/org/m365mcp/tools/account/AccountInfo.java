package org.m365mcp.tools.account;

import org.m365mcp.graph.auth.SignedInAccount;

/**
 * One signed-in account as the account tools show it.
 *
 * @param accountId   the id every other tool takes as {@code account_id}
 * @param displayName the user's name, or null when unknown
 * @param tenantId    the directory id, or null when unknown
 * @param sandbox     true for the built-in sandbox tenant's made-up accounts
 */
public record AccountInfo(String accountId, String username, String displayName, String tenantId, boolean sandbox) {

    static AccountInfo of(SignedInAccount account, boolean sandbox) {
        return new AccountInfo(account.id(), account.username(), account.displayName(), account.tenantId(), sandbox);
    }
}

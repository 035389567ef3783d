package org.m365mcp.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.m365mcp.config.AccountIds;
import org.m365mcp.graph.auth.SignIn;
import org.m365mcp.graph.auth.SignedInAccount;
import org.m365mcp.mcp.ToolArgumentException;

/** The tools' check that an {@code account_id} names a signed-in account. */
@ApplicationScoped
public class Accounts {

    @Inject
    SignIn signIn;

    /**
     * The signed-in account {@code accountId}, or a tool error naming the argument. The MCP edge binds
     * {@code account_id} in its canonical form ({@link AccountIds}), so it is compared as it is.
     */
    public SignedInAccount require(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new ToolArgumentException("account_id", "is required; call account_list to see the accounts");
        }
        return signIn.accounts().stream()
                .filter(account -> account.id().equals(accountId))
                .findFirst()
                .orElseThrow(() -> new ToolArgumentException(
                        "account_id", "no signed-in account '" + accountId + "'; known accounts: " + known()));
    }

    private String known() {
        String ids = signIn.accounts().stream().map(SignedInAccount::id).collect(Collectors.joining(", "));
        return ids.isEmpty() ? "(none; call account_authenticate to sign in)" : ids;
    }
}

package org.m365mcp.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.m365mcp.accounts.Account;
import org.m365mcp.accounts.AccountDirectory;
import org.m365mcp.mcp.ToolArgumentException;

/** The tools' check that an {@code account_id} names a signed-in account. */
@ApplicationScoped
public class Accounts {

    @Inject
    AccountDirectory directory;

    public Account require(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new ToolArgumentException("account_id", "is required; call account_list to see the accounts");
        }
        return directory.find(accountId).orElseThrow(() -> new ToolArgumentException("account_id",
                "no signed-in account '" + accountId + "'; known accounts: " + known()));
    }

    private String known() {
        String ids = directory.accounts().stream().map(Account::id).collect(Collectors.joining(", "));
        return ids.isEmpty() ? "(none)" : ids;
    }
}

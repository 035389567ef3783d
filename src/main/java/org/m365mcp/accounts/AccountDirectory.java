package org.m365mcp.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.m365mcp.sandbox.SandboxTenant;

/**
 * The accounts tools may act for.
 *
 * <p>In demo mode that is the sandbox tenant's demo account; real sign-in (device-code flow, several
 * accounts) adds accounts here.
 */
@ApplicationScoped
public class AccountDirectory {

    @Inject
    TenantMode mode;

    public List<Account> accounts() {
        return mode.demo() ? List.of(new Account(SandboxTenant.DEMO_ACCOUNT_ID, SandboxTenant.DEMO_USERNAME, true))
                : List.of();
    }

    public Optional<Account> find(String accountId) {
        return accounts().stream().filter(account -> account.id().equals(accountId)).findFirst();
    }
}

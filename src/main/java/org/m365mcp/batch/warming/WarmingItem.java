package org.m365mcp.batch.warming;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call the warming job makes: a plan entry for one signed-in account.
 *
 * @param position  its place in this run's ordered item list
 * @param accountId the account, as {@code account_list} shows it
 * @param entry     the plan entry
 */
public record WarmingItem(int position, String accountId, WarmingEntry entry) {

    public WarmingItem {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(entry, "entry");
    }

    /** What the item is, across runs and restarts: its operation and account (a plan names an operation once). */
    public String id() {
        return entry.operation() + "@" + accountId;
    }

    /** The tool's arguments for this account; {@code force_refresh} when the call must reach Graph. */
    public Map<String, Object> toolArguments(boolean forceRefresh) {
        Map<String, Object> arguments = new HashMap<>(entry.arguments());
        arguments.put("account_id", accountId);
        if (forceRefresh) {
            arguments.put("force_refresh", true);
        }
        return arguments;
    }
}

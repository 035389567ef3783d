package org.m365mcp.batch.warming;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of one warming item.
 *
 * @param position  the item's place in its run's item list (for display; an item is its operation and account)
 * @param accountId the account
 * @param operation the read tool
 * @param priority  the plan priority
 * @param outcome   {@link #WARMED} (fetched from Graph and cached), {@link #FRESH} (already fresh, skipped)
 *                  or {@link #FAILED} (skipped after an error)
 * @param at        when it finished
 * @param millis    how long the call took; null unless warmed
 * @param error     why it failed, as a tool error would say it; null unless failed
 */
public record ItemOutcome(
        int position,
        String accountId,
        String operation,
        int priority,
        String outcome,
        Instant at,
        Long millis,
        String error) {

    public static final String WARMED = "warmed";
    public static final String FRESH = "fresh";
    public static final String FAILED = "failed";

    public ItemOutcome {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }

    static ItemOutcome of(WarmingItem item, String outcome, Instant at, Long millis, String error) {
        return new ItemOutcome(
                item.position(),
                item.accountId(),
                item.entry().operation(),
                item.entry().priority(),
                outcome,
                at,
                millis,
                error);
    }
}

package org.m365mcp.tools.cache;

import java.util.List;
import org.m365mcp.batch.warming.ItemOutcome;

/**
 * One account's share of a warming run.
 *
 * @param planned items the plan made for it
 * @param done    items finished (warmed, fresh or failed)
 * @param skipped of those, items not fetched: already fresh, or failed
 */
public record AccountWarming(int planned, int done, int warmed, int fresh, int failed, int skipped) {

    static AccountWarming of(int planned, List<ItemOutcome> items) {
        int warmed = count(items, ItemOutcome.WARMED);
        int fresh = count(items, ItemOutcome.FRESH);
        int failed = count(items, ItemOutcome.FAILED);
        return new AccountWarming(planned, items.size(), warmed, fresh, failed, fresh + failed);
    }

    private static int count(List<ItemOutcome> items, String outcome) {
        return (int)
                items.stream().filter(item -> item.outcome().equals(outcome)).count();
    }
}

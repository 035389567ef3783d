package org.m365mcp.batch.warming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A warming run's progress: how many items the plan made per account and what became of each one
 * finished, in the order they finished. Kept as the step's persistent user data, so a restarted run
 * carries on counting where the stopped one left off.
 *
 * @param planned items the plan made per signed-in account (one per plan entry), accounts sorted
 * @param items   the finished items, in order
 */
public record WarmingProgress(Map<String, Integer> planned, List<ItemOutcome> items) {

    public static final WarmingProgress NONE = new WarmingProgress(Map.of(), List.of());

    public WarmingProgress {
        planned = Collections.unmodifiableMap(new TreeMap<>(planned));
        items = List.copyOf(items);
    }

    public WarmingProgress withPlanned(Map<String, Integer> newPlanned) {
        return new WarmingProgress(newPlanned, items);
    }

    /** Every item the plan made. */
    public int total() {
        return planned.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** With {@code outcome} added, replacing an earlier outcome of the same item (a re-run after a failure). */
    public WarmingProgress with(ItemOutcome outcome) {
        List<ItemOutcome> next = new ArrayList<>(items);
        next.removeIf(done ->
                done.accountId().equals(outcome.accountId()) && done.operation().equals(outcome.operation()));
        next.add(outcome);
        return new WarmingProgress(planned, next);
    }

    public int done() {
        return items.size();
    }

    public int count(String outcome) {
        return (int)
                items.stream().filter(item -> item.outcome().equals(outcome)).count();
    }

    /** Per account: items finished by outcome, accounts sorted. */
    public Map<String, Map<String, Integer>> byAccount() {
        Map<String, Map<String, Integer>> accounts = new TreeMap<>();
        for (ItemOutcome item : items) {
            accounts.computeIfAbsent(item.accountId(), a -> new TreeMap<>()).merge(item.outcome(), 1, Integer::sum);
        }
        return accounts;
    }
}

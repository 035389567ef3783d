package org.m365mcp.tools.cache;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.m365mcp.batch.ExecutionView;
import org.m365mcp.batch.warming.ItemOutcome;
import org.m365mcp.batch.warming.WarmingProgress;

/**
 * The answer of {@code cache_warming_status}: the latest run of the {@code cache-warming} batch job,
 * as the batch runtime's job repository records it.
 *
 * @param executionId the run's batch execution id (a restart is a new execution); null when none ran
 * @param status      the batch status (STARTING, STARTED, STOPPED, COMPLETED, FAILED, ...); null when none ran
 * @param total       items the plan made (one per plan entry and account), of {@code accountId} if given
 * @param done        items finished: warmed, already fresh, or failed
 * @param skipped     finished items not fetched: {@code fresh} plus {@code failed}
 * @param percentDone done over total; null when none ran
 * @param accounts    the same counts per account
 * @param items       every finished item in the order it finished (position, account, operation,
 *                    priority, outcome, time, error)
 */
public record WarmingStatusAnswer(
        String accountId,
        Long executionId,
        String status,
        Instant startedAt,
        Instant endedAt,
        int total,
        int done,
        int warmed,
        int fresh,
        int failed,
        int skipped,
        Integer percentDone,
        Map<String, AccountWarming> accounts,
        List<ItemOutcome> items,
        String note) {

    public WarmingStatusAnswer {
        accounts = Collections.unmodifiableSortedMap(new TreeMap<>(accounts));
        items = List.copyOf(items);
    }

    /** A run the batch runtime is still creating: no execution to read yet. */
    static WarmingStatusAnswer starting(String accountId) {
        return new WarmingStatusAnswer(
                accountId,
                null,
                "STARTING",
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                Map.of(),
                List.of(),
                "Warming is starting: the batch runtime is still creating the run; ask again in a moment.");
    }

    /** The warming step of {@code execution} summarised, limited to {@code accountId} unless null. */
    static WarmingStatusAnswer of(String accountId, ExecutionView execution) {
        if (execution == null) {
            return new WarmingStatusAnswer(
                    accountId,
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    null,
                    Map.of(),
                    List.of(),
                    "No warming has run since the server started: the cache-warming job has no execution.");
        }
        WarmingProgress progress = execution.progress();
        List<ItemOutcome> items = progress.items().stream()
                .filter(item -> accountId == null || item.accountId().equals(accountId))
                .toList();
        Map<String, AccountWarming> accounts = new TreeMap<>();
        progress.planned().forEach((account, planned) -> {
            if (accountId == null || account.equals(accountId)) {
                accounts.put(
                        account,
                        AccountWarming.of(
                                planned,
                                items.stream()
                                        .filter(item -> item.accountId().equals(account))
                                        .toList()));
            }
        });
        AccountWarming all = AccountWarming.of(
                accounts.values().stream().mapToInt(AccountWarming::planned).sum(), items);
        Integer percent = all.planned() == 0 ? null : all.done() * 100 / all.planned();
        return new WarmingStatusAnswer(
                accountId,
                execution.executionId(),
                execution.status(),
                execution.startedAt(),
                execution.endedAt(),
                all.planned(),
                all.done(),
                all.warmed(),
                all.fresh(),
                all.failed(),
                all.skipped(),
                percent,
                accounts,
                new ArrayList<>(items),
                note(execution, all));
    }

    private static String note(ExecutionView execution, AccountWarming all) {
        String counts = all.done() + " of " + all.planned() + " items done (" + all.warmed() + " warmed, " + all.fresh()
                + " already fresh, " + all.failed() + " failed)";
        return switch (execution.status()) {
            case "COMPLETED" -> "Warming finished: " + counts + ".";
            case "STOPPED" -> "Warming was stopped: " + counts + "; a restart goes on from the next item.";
            case "FAILED" -> "Warming failed: " + counts + "; a restart goes on from the next item.";
            default ->
                "Warming in progress (" + execution.status().toLowerCase(java.util.Locale.ROOT) + "): " + counts + ".";
        };
    }
}

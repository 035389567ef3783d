package org.m365mcp.tools.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.m365mcp.batch.ExecutionView;
import org.m365mcp.batch.StepView;
import org.m365mcp.batch.warming.ItemOutcome;
import org.m365mcp.batch.warming.WarmingProgress;
import org.m365mcp.cache.store.StoreSummary;
import org.m365mcp.cache.store.TaskStatus;
import org.m365mcp.mcp.ToolArgumentException;

/** The cache tools' pure logic: argument checks, known operations, sizes and warming progress. */
class CacheToolLogicTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void operations_fromTtlProperties_excludeDefaultAndOtherKeys() {
        assertThat(CacheOperations.names(List.of(
                        "m365.mcp.cache.ttl.email_list.fresh",
                        "m365.mcp.cache.ttl.email_list.stale",
                        "m365.mcp.cache.ttl.default.fresh",
                        "m365.mcp.cache.ttl.search_files.fresh",
                        "m365.mcp.cache.heap-entries")))
                .containsExactly("email_list", "search_files");
    }

    @Test
    void operation_unknown_isAnArgumentErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> CacheArguments.operation("resource_type", "email_lst", Set.of("email_list")))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("resource_type")
                .hasMessageContaining("email_list");
        assertThat(CacheArguments.operation("resource_type", "email_list", Set.of("email_list")))
                .isEqualTo("email_list");
    }

    @Test
    void pattern_blankTooLongOrControlCharacters_rejected() {
        assertThatThrownBy(() -> CacheArguments.pattern("pattern", " ")).isInstanceOf(ToolArgumentException.class);
        assertThatThrownBy(() -> CacheArguments.pattern("pattern", "x".repeat(201)))
                .isInstanceOf(ToolArgumentException.class);
        assertThatThrownBy(() -> CacheArguments.pattern("pattern", "folder=inbox\n"))
                .isInstanceOf(ToolArgumentException.class);
        assertThat(CacheArguments.pattern("pattern", "folder=inbox*")).isEqualTo("folder=inbox*");
    }

    @Test
    void status_anyOrAStatusName_elseRejected() {
        assertThat(CacheArguments.status("status", "ANY")).isNull();
        assertThat(CacheArguments.status("status", "Failed")).isEqualTo(TaskStatus.FAILED);
        assertThatThrownBy(() -> CacheArguments.status("status", "done")).isInstanceOf(ToolArgumentException.class);
        assertThatThrownBy(() -> CacheArguments.taskId("task_id", "../etc")).isInstanceOf(ToolArgumentException.class);
    }

    @Test
    void sizeStats_compressionSavings_areUncompressedMinusStored() {
        assertThat(SizeStats.of(new StoreSummary(3, 400, 1000)).compressionSavedBytes())
                .isEqualTo(600);
    }

    @Test
    void warmingStatus_noExecution_saysNoWarmingHasRun() {
        WarmingStatusAnswer answer = WarmingStatusAnswer.of(null, null);

        assertThat(answer.executionId()).isNull();
        assertThat(answer.total()).isZero();
        assertThat(answer.percentDone()).isNull();
        assertThat(answer.note()).startsWith("No warming has run");
    }

    @Test
    void warmingStatus_runPartWay_countsItemsInTotalAndPerAccount() {
        WarmingProgress progress = new WarmingProgress(
                Map.of("demo", 3, "demo2", 3),
                List.of(
                        outcome(0, "demo", ItemOutcome.WARMED), outcome(1, "demo2", ItemOutcome.WARMED),
                        outcome(2, "demo", ItemOutcome.FRESH), outcome(3, "demo2", ItemOutcome.FAILED)));

        WarmingStatusAnswer all = WarmingStatusAnswer.of(null, execution("STARTED", progress));
        WarmingStatusAnswer demo2 = WarmingStatusAnswer.of("demo2", execution("STARTED", progress));

        assertThat(all.executionId()).isEqualTo(7L);
        assertThat(all)
                .extracting(
                        WarmingStatusAnswer::total,
                        WarmingStatusAnswer::done,
                        WarmingStatusAnswer::warmed,
                        WarmingStatusAnswer::fresh,
                        WarmingStatusAnswer::failed,
                        WarmingStatusAnswer::skipped,
                        WarmingStatusAnswer::percentDone)
                .containsExactly(6, 4, 2, 1, 1, 2, 66);
        assertThat(all.accounts().get("demo")).isEqualTo(new AccountWarming(3, 2, 1, 1, 0, 1));
        assertThat(all.note()).startsWith("Warming in progress (started): 4 of 6 items done");
        assertThat(demo2.accounts()).containsOnlyKeys("demo2");
        assertThat(demo2.items()).extracting(ItemOutcome::position).containsExactly(1, 3);
        assertThat(demo2)
                .extracting(WarmingStatusAnswer::total, WarmingStatusAnswer::done)
                .containsExactly(3, 2);
    }

    @Test
    void warmingStatus_stoppedRun_saysARestartGoesOn() {
        WarmingProgress progress =
                new WarmingProgress(Map.of("demo", 2), List.of(outcome(0, "demo", ItemOutcome.WARMED)));

        assertThat(WarmingStatusAnswer.of(null, execution("STOPPED", progress)).note())
                .isEqualTo("Warming was stopped: 1 of 2 items done (1 warmed, 0 already fresh, 0 failed);"
                        + " a restart goes on from the next item.");
    }

    private static ExecutionView execution(String status, WarmingProgress progress) {
        StepView step = new StepView(11, "warm", status, null, T0, null, Map.of("read_count", 4L), progress);
        return new ExecutionView(7, 3, "cache-warming", status, null, T0, T0, null, false, List.of(step));
    }

    private static ItemOutcome outcome(int position, String account, String outcome) {
        return new ItemOutcome(position, account, "email_list", 2, outcome, T0.plusSeconds(position), null, null);
    }
}

package org.m365mcp.tools.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.store.StoreSummary;
import org.m365mcp.cache.store.TaskRecord;
import org.m365mcp.cache.store.TaskStatus;
import org.m365mcp.mcp.ToolArgumentException;

/** The cache tools' pure logic: argument checks, known operations, sizes and warming progress. */
class CacheToolLogicTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void operations_fromTtlProperties_excludeDefaultAndOtherKeys() {
        assertThat(CacheOperations.names(List.of("m365.mcp.cache.ttl.email_list.fresh",
                "m365.mcp.cache.ttl.email_list.stale", "m365.mcp.cache.ttl.default.fresh",
                "m365.mcp.cache.ttl.search_files.fresh", "m365.mcp.cache.heap-entries")))
                .containsExactly("email_list", "search_files");
    }

    @Test
    void operation_unknown_isAnArgumentErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> CacheArguments.operation("resource_type", "email_lst", Set.of("email_list")))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("resource_type").hasMessageContaining("email_list");
        assertThat(CacheArguments.operation("resource_type", "email_list", Set.of("email_list"))).isEqualTo("email_list");
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
        assertThat(SizeStats.of(new StoreSummary(3, 400, 1000)).compressionSavedBytes()).isEqualTo(600);
    }

    @Test
    void warmingStatus_noWarmTasks_saysNoWarmingHasRun() {
        WarmingStatusAnswer answer = WarmingStatusAnswer.of(null, List.of(task("other", TaskStatus.COMPLETED)), 10);

        assertThat(answer.tasks()).isZero();
        assertThat(answer.percentDone()).isNull();
        assertThat(answer.note()).startsWith("No warming has run");
    }

    @Test
    void warmingStatus_someFinished_countsByStatusAndPercent() {
        WarmingStatusAnswer answer = WarmingStatusAnswer.of("demo", List.of(task("warm", TaskStatus.RUNNING),
                task("warm", TaskStatus.COMPLETED), task("warm", TaskStatus.FAILED), task("warm", TaskStatus.QUEUED),
                task("other", TaskStatus.QUEUED)), 2);

        assertThat(answer.tasks()).isEqualTo(4);
        assertThat(answer.byStatus()).containsEntry("running", 1).containsEntry("completed", 1)
                .containsEntry("failed", 1).containsEntry("queued", 1);
        assertThat(answer.percentDone()).isEqualTo(50);
        assertThat(answer.recent()).hasSize(2);
        assertThat(answer.note()).contains("2 of 4");
    }

    private static TaskRecord task(String type, TaskStatus status) {
        return new TaskRecord(java.util.UUID.randomUUID().toString(), "demo", type, "email_list", "{}", null, status,
                2, null, null, 0, T0, null, null, 0, 3, T0);
    }
}

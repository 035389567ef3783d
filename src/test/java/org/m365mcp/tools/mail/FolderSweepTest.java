package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.CallCancelledException;
import org.m365mcp.mcp.CancelledAfter;
import org.m365mcp.mcp.ToolProgress;

class FolderSweepTest {

    @Test
    void run_goneMessages_areSkippedAndTheRestDone() {
        List<String> written = new ArrayList<>();

        FolderSweep.Outcome outcome = FolderSweep.run(
                List.of("a", "gone", "b"),
                id -> {
                    if (id.equals("gone")) {
                        throw GraphException.fromResponse(404, "ErrorItemNotFound", "not found");
                    }
                    written.add(id);
                },
                ToolProgress.NONE,
                "marked");

        assertThat(outcome).isEqualTo(new FolderSweep.Outcome(2, 1, null));
        assertThat(written).containsExactly("a", "b");
    }

    @Test
    void run_failureAfterSomeWrites_stopsAndSaysWhy() {
        FolderSweep.Outcome outcome = FolderSweep.run(
                List.of("a", "b", "c"),
                id -> {
                    if (id.equals("b")) {
                        throw GraphException.fromResponse(429, "TooManyRequests", "slow down");
                    }
                },
                ToolProgress.NONE,
                "marked");

        assertThat(outcome.done()).isEqualTo(1);
        assertThat(outcome.stoppedBy()).contains("429 TooManyRequests");
    }

    @Test
    void run_failureBeforeAnyWrite_throwsGraphsError() {
        assertThatThrownBy(() -> FolderSweep.run(
                        List.of("a", "b"),
                        id -> {
                            throw GraphException.fromResponse(403, "ErrorAccessDenied", "no");
                        },
                        ToolProgress.NONE,
                        "marked"))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("403");
    }

    @Test
    void run_reportsProgressEveryTenMessages_andTheTotalAtTheEnd() {
        List<String> reports = new ArrayList<>();
        List<String> ids =
                java.util.stream.IntStream.range(0, 25).mapToObj(i -> "m" + i).toList();

        FolderSweep.run(
                ids, id -> {}, (done, total, message) -> reports.add(done + "/" + total + " " + message), "deleted");

        assertThat(reports)
                .containsExactly(
                        "10/25 10 of 25 messages deleted",
                        "20/25 20 of 25 messages deleted",
                        "25/25 25 of 25 messages deleted");
    }

    @Test
    void run_cancelledAfterSomeWrites_writesNoMore_andSaysSoLikeAnyEarlyStop() {
        List<String> written = new ArrayList<>();

        FolderSweep.Outcome outcome =
                FolderSweep.run(List.of("a", "b", "c", "d", "e"), written::add, CancelledAfter.checks(3), "marked");

        assertThat(written).containsExactly("a", "b", "c");
        assertThat(outcome.done()).isEqualTo(3);
        assertThat(outcome.stoppedBy()).contains("cancelled by the client");
    }

    @Test
    void run_cancelledBeforeAnyWrite_throwsTheCancellation() {
        List<String> written = new ArrayList<>();

        assertThatThrownBy(() -> FolderSweep.run(List.of("a", "b"), written::add, CancelledAfter.checks(0), "marked"))
                .isInstanceOf(CallCancelledException.class);
        assertThat(written).isEmpty();
    }
}

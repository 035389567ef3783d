package org.m365mcp.tools.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.CallCancelledException;
import org.m365mcp.mcp.CancelledAfter;
import org.m365mcp.mcp.ToolProgress;
import org.m365mcp.sandbox.SandboxServer;

/** {@link DriveFolderTree} against the sandbox's seeded drive, through the real Graph client. */
class DriveFolderTreeTest {

    private SandboxServer sandbox;
    private GraphClient graph;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start();
        graph = sandbox.client(Duration.ofSeconds(10), 0);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        sandbox.close();
    }

    @Test
    void read_wholeDrive_onATwoThreadPool_returnsEveryFolderOnceInGraphsOrder() {
        DriveFolderTree tree = new DriveFolderTree(graph, "demo", 10, pool, ToolProgress.NONE);

        List<DriveFolderNode> top = tree.read(DriveItemRef.ROOT);

        assertThat(top)
                .extracting(DriveFolderNode::name)
                .containsExactly("Archive", "Desktop", "Documents", "Pictures", "Shared");
        assertThat(count(top)).isEqualTo(tree.count()).isEqualTo(274);
        assertThat(tree.truncated()).isFalse();
        assertThat(tree.listings())
                .isEqualTo(sandbox.received().stream()
                        .filter(r -> r.path().endsWith("/children"))
                        .count());
    }

    @Test
    void read_depthOne_listsOneLevel_withOneRequest() {
        DriveFolderTree tree = new DriveFolderTree(graph, "demo", 1, pool, ToolProgress.NONE);

        List<DriveFolderNode> documents = tree.read(DriveItemRef.byPath("/Documents"));

        assertThat(documents).extracting(DriveFolderNode::name).contains("Projects", "Finance", "Customers");
        assertThat(documents).allSatisfy(node -> assertThat(node.children()).isNull());
        assertThat(tree.listings()).isEqualTo(1);
    }

    @Test
    void read_unknownFolder_throwsGraphsNotFound() {
        DriveFolderTree tree = new DriveFolderTree(graph, "demo", 3, pool, ToolProgress.NONE);

        assertThatThrownBy(() -> tree.read(DriveItemRef.byId("01NOSUCHFOLDER")))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void read_cancelledByTheClient_listsNoFolderAfter_andFailsWithTheCancellation() throws Exception {
        CancelledAfter progress = CancelledAfter.checks(5);
        DriveFolderTree tree = new DriveFolderTree(graph, "demo", 10, pool, progress);

        assertThatThrownBy(() -> tree.read(DriveItemRef.ROOT)).isInstanceOf(CallCancelledException.class);

        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sandbox.received().stream().filter(r -> r.path().endsWith("/children")))
                .as("of 274 folders, only those listed before the cancellation")
                .hasSizeLessThanOrEqualTo(5);
    }

    private static int count(List<DriveFolderNode> nodes) {
        return nodes == null
                ? 0
                : nodes.stream().mapToInt(n -> 1 + count(n.children())).sum();
    }
}

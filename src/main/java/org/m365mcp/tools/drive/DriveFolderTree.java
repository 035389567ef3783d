package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.mcp.ToolProgress;

/**
 * Reads a OneDrive folder subtree for {@code folder_get_tree}, {@code maxDepth} levels deep, fetching
 * the children of sibling folders concurrently on a bounded executor.
 *
 * <ul>
 *   <li>A folder's listing is requested as soon as its parent's arrived (no level barrier); every
 *       listing follows Graph's paging. No executor thread waits for another task, so a small pool
 *       cannot deadlock; the Graph client's per-mailbox cap bounds what reaches Graph at once.</li>
 *   <li>Only folders Graph counts children for are opened, so empty folders cost no request (a
 *       folder holding only files still costs one: Graph's count does not tell files apart).</li>
 *   <li>At most {@link #BUDGET} folders are kept; past it the tree is cut and {@link #truncated()}
 *       says so (which branch is cut then depends on the order answers arrived).</li>
 *   <li>The client's cancellation is heeded before each listing and each page: the tree stops asking
 *       Graph and the call fails with {@link org.m365mcp.mcp.CallCancelledException}.</li>
 *   <li>One instance per call; thread-safe for the tasks of that call.</li>
 * </ul>
 */
final class DriveFolderTree {

    /** The most folders one tree holds: a drive past it is better explored a branch at a time. */
    static final int BUDGET = 2000;

    private final GraphClient graph;
    private final String accountId;
    private final int maxDepth;
    private final Executor executor;
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger listed = new AtomicInteger();
    private final AtomicBoolean truncated = new AtomicBoolean();
    private final ToolProgress progress;
    /** The tool call's Graph deadline, taken on its thread: the listings on the executor keep to it. */
    private final Optional<Instant> deadline;

    /** A tree that reports each folder listed to {@code progress} ("12 folders listed"). */
    DriveFolderTree(GraphClient graph, String accountId, int maxDepth, Executor executor, ToolProgress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxDepth = maxDepth;
        this.deadline = graph.currentDeadline();
    }

    /** The subfolders of {@code folder}, {@code maxDepth} levels deep; Graph's errors as thrown. */
    List<DriveFolderNode> read(DriveItemRef folder) {
        try {
            return level(folder, 1).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How many folders {@link #read} returned, all levels together. */
    int count() {
        return Math.min(kept.get(), BUDGET);
    }

    /** How many listings were requested (pages not counted). */
    int listings() {
        return requests.get();
    }

    boolean truncated() {
        return truncated.get();
    }

    private CompletableFuture<List<DriveFolderNode>> level(DriveItemRef folder, int depth) {
        return CompletableFuture.supplyAsync(() -> subfolders(folder), executor).thenCompose(folders -> {
            List<CompletableFuture<DriveFolderNode>> nodes = new ArrayList<>();
            for (JsonNode item : folders) {
                if (kept.incrementAndGet() > BUDGET) {
                    truncated.set(true);
                    break;
                }
                DriveItem summary = DriveItem.of(item);
                int childCount = summary.childCount() == null ? 0 : summary.childCount();
                CompletableFuture<List<DriveFolderNode>> children = depth < maxDepth && childCount > 0
                        ? level(DriveItemRef.byId(summary.id()), depth + 1)
                        : CompletableFuture.completedFuture(null);
                nodes.add(children.thenApply(
                        list -> new DriveFolderNode(summary.id(), summary.name(), childCount, summary.size(), list)));
            }
            return CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new))
                    .thenApply(
                            done -> nodes.stream().map(CompletableFuture::join).toList());
        });
    }

    private List<JsonNode> subfolders(DriveItemRef folder) {
        progress.stopIfCancelled();
        requests.incrementAndGet();
        Supplier<List<JsonNode>> listing = () -> graph
                .getPaged(
                        accountId,
                        GraphClientRequest.get(folder.below(FolderTools.CHILDREN_QUERY)),
                        Integer.MAX_VALUE,
                        read -> progress.stopIfCancelled())
                .stream()
                .filter(item -> item.has("folder"))
                .toList();
        List<JsonNode> folders =
                deadline.map(at -> graph.withinDeadline(at, listing)).orElseGet(listing);
        int done = listed.incrementAndGet();
        progress.report(done, null, done + (done == 1 ? " folder listed" : " folders listed"));
        return folders;
    }
}

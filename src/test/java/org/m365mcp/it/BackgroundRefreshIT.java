package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stale refreshes on Payara Micro against the sandbox, counted at the sandbox: one refresh for many
 * concurrent stale hits; a refresh Graph refuses becomes a {@code refresh} task that the worker
 * retries with backoff while the stale entry goes on being served; a stale {@code file_get} of an
 * unchanged file made fresh again by one conditional GET (its etag, 304) and no fetch of the file, and
 * of a file another client changed, fetched again. The IT server's email_list turns stale after 4 s,
 * its file_get after 5 s; its worker polls every second. Each email_list test has its own
 * {@code limit}, so its own key; each file_get test its own file of {@code demo2}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackgroundRefreshIT {

    private static final String INBOX = "/me/mailFolders/inbox/messages*";
    private static final String ITEMS = "/me/drive/items/";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;
    private SandboxAdmin sandbox;

    @BeforeEach
    void connect() throws Exception {
        ReadinessProbe.await(base.getPort(), null, Duration.ofMinutes(2), "the IT server's console");
        client = ItServer.client(base);
        sandbox = new SandboxAdmin(base);
    }

    @AfterEach
    void disconnect() throws Exception {
        sandbox.clearFaults();
        client.closeGracefully();
    }

    @Test
    void staleHit_eightConcurrentCalls_exactlyOneRefreshReachesGraph() throws Exception {
        emailList(21);
        Thread.sleep(5_000); // past the 4 s fresh TTL
        // The refresh's Graph request takes 3 s, so every concurrent stale hit finds it in flight.
        sandbox.addFault("{\"path_pattern\":\"" + INBOX + "\",\"method\":\"GET\",\"delay_ms\":3000,\"count\":1}");
        long before = sandbox.graphRequests();

        List<CallToolResult> results = concurrently(8, () -> emailList(21));

        assertThat(results).allSatisfy(result -> assertThat(cacheState(result)).isEqualTo("stale"));
        awaitFresh(21);
        Thread.sleep(1_000);
        assertThat(sandbox.graphRequests() - before)
                .as("Graph requests for 8 stale hits")
                .isEqualTo(1);
    }

    @Test
    void failedRefresh_becomesRetriedTask_andStaleEntryServedMeanwhile() throws Exception {
        Instant cachedAt = cachedAt(emailList(22));
        Thread.sleep(5_000);
        // The in-process refresh fails, then the task's first two runs; its retry after 1 s + 2 s backoff succeeds.
        sandbox.addFault("{\"path_pattern\":\"" + INBOX + "\",\"method\":\"GET\",\"status\":500,\"count\":3,"
                + "\"code\":\"generalException\",\"message\":\"Something went wrong.\"}");

        CallToolResult stale = emailList(22);
        assertThat(cacheState(stale)).isEqualTo("stale");
        Map<String, Object> task = awaitRefreshTask(Duration.ofSeconds(15));
        assertThat(task.get("operation")).isEqualTo("email_list");
        CallToolResult meanwhile = emailList(22);
        assertThat(cacheState(meanwhile))
                .as("the stale entry stays while its refresh is retried")
                .isEqualTo("stale");
        assertThat(cachedAt(meanwhile)).isEqualTo(cachedAt);

        Map<String, Object> done = awaitTask((String) task.get("task_id"), "completed", Duration.ofSeconds(30));

        assertThat(((Number) done.get("retry_count")).intValue()).isEqualTo(2);
        assertThat((String) done.get("error")).contains("went wrong");
        CallToolResult refreshed = emailList(22);
        assertThat(cacheState(refreshed)).isEqualTo("fresh");
        assertThat(cachedAt(refreshed)).isAfter(cachedAt);
    }

    @Test
    void staleFileGet_unchangedFile_oneConditionalGetRenewsIt_withoutAFullFetch() throws Exception {
        String id = textFile("unchanged.txt", "As it was.");
        Map<String, Object> file = Map.of("account_id", "demo2", "file_id", id);
        assertThat(cacheState(call(client, "file_get", file))).isEqualTo("miss");
        Thread.sleep(6_000); // past the IT server's 5 s fresh TTL for file_get
        long item = sandbox.graphRequests(ITEMS + id);
        long content = sandbox.graphRequests(ITEMS + id + "/content");

        CallToolResult stale = call(client, "file_get", file);
        awaitRequests(ITEMS + id, item + 1);
        Thread.sleep(1_000); // the renewal is written right after its answer
        CallToolResult after = call(client, "file_get", file);

        assertThat(cacheState(stale)).isEqualTo("stale");
        assertThat(cacheState(after)).isEqualTo("fresh");
        assertThat(cachedAt(after)).isAfter(cachedAt(stale));
        assertThat(structured(after).get("content")).isEqualTo("As it was.");
        assertThat(sandbox.graphRequests(ITEMS + id) - item)
                .as("GETs of the item: the one conditional GET (304)")
                .isEqualTo(1);
        assertThat(sandbox.graphRequests(ITEMS + id + "/content") - content)
                .as("content fetches: none")
                .isZero();
    }

    @Test
    void staleFileGet_fileChangedByAnotherClient_refetched() throws Exception {
        String id = textFile("changed.txt", "Before.");
        Map<String, Object> file = Map.of("account_id", "demo2", "file_id", id);
        call(client, "file_get", file);
        Thread.sleep(6_000);
        SandboxGraph.demo2(base).putText("/me/drive/items/" + id + "/content", "Changed by another client.");

        assertThat(cacheState(call(client, "file_get", file))).isEqualTo("stale");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        CallToolResult after = call(client, "file_get", file);
        while (!"Changed by another client.".equals(structured(after).get("content")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = call(client, "file_get", file);
        }

        assertThat(structured(after).get("content")).isEqualTo("Changed by another client.");
    }

    /** A text file of {@code demo2} in a folder of its own, created through MCP; its id. */
    private String textFile(String name, String text) {
        String folder = (String) structured(call(
                        client,
                        "folder_create",
                        Map.of("account_id", "demo2", "name", "Revalidation IT", "conflict_behavior", "rename")))
                .get("item_id");
        return (String) structured(call(
                        client,
                        "file_create",
                        Map.of("account_id", "demo2", "name", name, "parent_folder", folder, "content", text)))
                .get("item_id");
    }

    private void awaitRequests(String graphPath, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (sandbox.graphRequests(graphPath) < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sandbox.graphRequests(graphPath))
                .as("requests for " + graphPath)
                .isGreaterThanOrEqualTo(count);
    }

    private CallToolResult emailList(int limit) {
        return call(client, "email_list", Map.of("account_id", "demo", "limit", limit));
    }

    private static List<CallToolResult> concurrently(int callers, Callable<CallToolResult> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<CallToolResult>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(work));
            }
            List<CallToolResult> results = new ArrayList<>();
            for (Future<CallToolResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitFresh(int limit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        CallToolResult result = emailList(limit);
        while (!"fresh".equals(cacheState(result)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            result = emailList(limit);
        }
        assertThat(cacheState(result)).isEqualTo("fresh");
    }

    /** The email_list refresh task of {@code demo}, once there is one. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitRefreshTask(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> tasks = (List<Map<String, Object>>)
                    structured(call(client, "cache_task_list", Map.of("account_id", "demo", "limit", 50)))
                            .get("tasks");
            for (Map<String, Object> task : tasks) {
                if ("refresh".equals(task.get("task_type")) && "email_list".equals(task.get("operation"))) {
                    return task;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email_list refresh task within " + timeout);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitTask(String taskId, String status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> task = Map.of();
        while (System.nanoTime() < deadline) {
            task = structured(call(client, "cache_task_get_status", Map.of("task_id", taskId)));
            if (status.equals(task.get("status"))) {
                return task;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Task not " + status + " within " + timeout + ": " + task);
    }

    @SuppressWarnings("unchecked")
    private static Instant cachedAt(CallToolResult result) {
        return Instant.parse((String) ((Map<String, Object>) structured(result).get("cache")).get("cached_at"));
    }
}

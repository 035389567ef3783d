package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.NewTask;
import org.m365mcp.cache.store.StatsRow;
import org.m365mcp.cache.store.StoreSettings;
import org.m365mcp.cache.store.StoredEntry;
import org.m365mcp.cache.store.TaskRecord;

/**
 * The EJB timers and the task worker on a Payara Micro of its own, started on a store this test
 * prepared: 300 KB of entries against a 256 KB soft limit (threshold 80 %, target 60 %), a task left
 * running by a "crash" half an hour ago, and refresh tasks of several priorities and ages. The
 * cleanup timer fires every 2 s, the statistics timer every 3 s, the worker polls every second.
 */
class BackgroundTimersIT {

    private static final Path WORK = Path.of("target", "it-timers");
    private static final String KEY = "it-only-timers-key-0123456789abcdef";
    private static final long SOFT_LIMIT = 256 * 1024;
    private static final int SEEDED = 30;
    private static final int ENTRY_BYTES = 10 * 1024;

    private static MicroProcess payara;
    private static Instant seededAt;
    private static McpSyncClient client;
    private static final List<String> expectedOrder = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        MicroLauncher launcher = MicroLauncher.on(freePort(), WORK).freshWork();
        seed(WORK.resolve("cache.db"));
        payara = launcher.unset("M365_MCP_CLIENT_ID")
                .env("M365_MCP_CACHE_KEY", KEY)
                .store()
                .env("M365_MCP_CACHE_SOFT_LIMIT", String.valueOf(SOFT_LIMIT))
                .env("M365_MCP_TIMERS_CLEANUP_INTERVAL", "2s")
                .env("M365_MCP_TASKS_POLL_INTERVAL", "1s")
                .env("M365_MCP_TIMERS_STATS_INTERVAL", "3s")
                // No start-up warming: its entries and misses would blur the counts and sizes this test asserts.
                .noWarming()
                .awaitReady(Duration.ofMinutes(4));
        client = ItServer.client(payara.root().toURL());
    }

    @AfterAll
    static void stop() {
        MicroLauncher.stop(client, payara);
    }

    /** 300 KB of email_get entries, a task abandoned while running, and four queued refresh tasks. */
    private static void seed(Path file) {
        Instant now = Instant.now();
        seededAt = now;
        SecureRandom random = new SecureRandom();
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), CacheKey.of(KEY))) {
            for (int i = 0; i < SEEDED; i++) {
                byte[] payload = new byte[ENTRY_BYTES];
                random.nextBytes(payload);
                store.write(new StoredEntry(
                        "email_get:demo:seed=" + i,
                        "demo",
                        "email_get",
                        payload,
                        now,
                        now.plus(Duration.ofHours(1)),
                        null));
            }
        }
        // Abandoned: claimed 30 min ago by a worker that died; priority 1, so it runs first once requeued.
        Instant crashed = now.minus(Duration.ofMinutes(30));
        try (CacheStore store = storeAt(file, crashed)) {
            expectedOrder.add(store.tasks().enqueue(refresh(11, 1)));
            assertThat(store.tasks().claimNext()).map(TaskRecord::taskId).contains(expectedOrder.get(0));
        }
        // Priority, then age: D (2, older), B (2), A (5, oldest), C (5).
        String a = enqueue(file, now.minus(Duration.ofMinutes(3)), refresh(12, 5));
        String b = enqueue(file, now.minus(Duration.ofMinutes(1)), refresh(13, 2));
        String c = enqueue(file, now.minus(Duration.ofMinutes(2)), refresh(14, 5));
        String d = enqueue(file, now.minus(Duration.ofMinutes(2)).minusSeconds(1), refresh(15, 2));
        expectedOrder.addAll(List.of(d, b, a, c));
    }

    private static CacheStore storeAt(Path file, Instant at) {
        return CacheStore.open(StoreSettings.defaults(file), CacheKey.of(KEY), Clock.fixed(at, ZoneOffset.UTC));
    }

    private static String enqueue(Path file, Instant at, NewTask task) {
        try (CacheStore store = storeAt(file, at)) {
            return store.tasks().enqueue(task);
        }
    }

    /** A refresh task of email_list as the server queues one: the call's arguments by Java parameter name. */
    private static NewTask refresh(int limit, int priority) {
        return new NewTask(
                "demo",
                "refresh",
                "email_list",
                "{\"accountId\":\"demo\",\"folder\":\"inbox\",\"limit\":" + limit
                        + ",\"skip\":0,\"includeBody\":false,\"useCache\":true,\"forceRefresh\":false}",
                null,
                priority,
                NewTask.DEFAULT_MAX_RETRIES);
    }

    @Test
    void cleanupTimer_storeOverThreshold_cleanedDownToTarget() throws Exception {
        Map<String, Object> stats = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            stats = emailGetSizes();
            if (((Number) stats.get("entries")).intValue() < SEEDED) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(((Number) stats.get("entries")).intValue())
                .as("email_get entries after the timer ran")
                .isLessThan(SEEDED);
        assertThat(((Number) stats.get("stored_bytes")).longValue())
                .isLessThanOrEqualTo(SOFT_LIMIT * 60 / 100)
                .as("down to the target, not far below: largest first, one entry at a time")
                .isGreaterThan(SOFT_LIMIT * 60 / 100 - 4L * ENTRY_BYTES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void worker_seededTasks_runInPriorityThenAgeOrder_abandonedOneRequeuedFirst() throws Exception {
        List<Map<String, Object>> tasks = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            tasks = (List<Map<String, Object>>)
                    structured(call(client, "cache_task_list", Map.of("status", "completed", "limit", 50)))
                            .get("tasks");
            if (tasks.size() >= expectedOrder.size()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(tasks).hasSize(expectedOrder.size());
        List<String> byStart = tasks.stream()
                .sorted(Comparator.comparing(task -> Instant.parse((String) task.get("started_at"))))
                .map(task -> (String) task.get("task_id"))
                .toList();
        assertThat(byStart).containsExactlyElementsOf(expectedOrder);
        for (int i = 1; i < byStart.size(); i++) {
            Map<String, Object> previous = find(tasks, byStart.get(i - 1));
            Map<String, Object> next = find(tasks, byStart.get(i));
            assertThat(Instant.parse((String) previous.get("completed_at")))
                    .as("one task at a time")
                    .isBeforeOrEqualTo(Instant.parse((String) next.get("started_at")));
        }
    }

    @Test
    void statsTimer_afterRefreshTasks_writesRowsWithCountsAndPercentiles() throws Exception {
        List<StatsRow> rows = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            // A second connection to the live file, as another process would open it.
            try (CacheStore store =
                    CacheStore.open(StoreSettings.defaults(WORK.resolve("cache.db")), CacheKey.of(KEY))) {
                rows = store.stats().recent("email_list", seededAt);
            }
            // A row counts the entries held when it was written; a miss is counted when Graph answers, a
            // moment before its entry is stored, so the entries may first show in the next row.
            if (rows.stream().mapToLong(StatsRow::missCount).sum() >= expectedOrder.size()
                    && rows.stream().anyMatch(row -> row.entryCount() > 0)) {
                break;
            }
            Thread.sleep(2_000);
        }
        assertThat(rows.stream().mapToLong(StatsRow::missCount).sum())
                .as("the refresh tasks' Graph calls, counted as misses")
                .isEqualTo(expectedOrder.size());
        StatsRow withCalls =
                rows.stream().filter(row -> row.missCount() > 0).findFirst().orElseThrow();
        assertThat(withCalls.accountId()).isNull();
        assertThat(withCalls.p50Ms()).isPositive();
        assertThat(withCalls.p99Ms())
                .isGreaterThanOrEqualTo(withCalls.p95Ms())
                .isGreaterThanOrEqualTo(withCalls.p50Ms());
        assertThat(rows).as("a later row holds the refreshed entries").anyMatch(row -> row.entryCount() > 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> emailGetSizes() {
        Map<String, Object> types = (Map<String, Object>)
                structured(call(client, "cache_get_stats", Map.of())).get("resource_types");
        return (Map<String, Object>) types.getOrDefault("email_get", Map.of("entries", SEEDED, "stored_bytes", 0));
    }

    private static Map<String, Object> find(List<Map<String, Object>> tasks, String id) {
        return tasks.stream()
                .filter(t -> id.equals(t.get("task_id")))
                .findFirst()
                .orElseThrow();
    }

    /** A port nothing listens on now; the ITs' fixed ports are skipped. */
    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (port != 18080 && port != 18082) {
                    return port;
                }
            }
        }
    }
}

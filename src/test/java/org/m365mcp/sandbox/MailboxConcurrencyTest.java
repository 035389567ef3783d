package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClient;

/**
 * The client's per-mailbox concurrency cap as the sandbox measures it: in-flight requests per
 * account counted by the server, not by the client.
 */
class MailboxConcurrencyTest {

    private final SandboxServer sandbox = SandboxServer.start();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
        sandbox.close();
    }

    private void fault(String json) {
        assertThat(sandbox.send("PUT", "/_admin/faults", json, null).statusCode())
                .isEqualTo(200);
    }

    private List<CompletableFuture<JsonNode>> inParallel(int calls, GraphClient client, String account, String path) {
        return IntStream.range(0, calls)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.get(account, path), callers))
                .toList();
    }

    /** Polls until {@code condition} holds; fails after 10 s, which only a broken client needs. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s for the sandbox").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void twelveParallelCalls_oneAccount_serverSeesFourInFlightAtMost() {
        fault("{\"path_pattern\":\"/me/mailFolders/inbox\",\"delay_ms\":400}");
        GraphClient client = sandbox.client(Duration.ofSeconds(10), 0, 4);

        List<CompletableFuture<JsonNode>> calls = inParallel(12, client, "demo", "/me/mailFolders/inbox");

        assertThat(calls)
                .allSatisfy(call ->
                        assertThat(call.join().path("displayName").asText()).isEqualTo("Inbox"));
        assertThat(sandbox.state.requests().snapshot()).containsEntry("/v1.0/me/mailFolders/inbox", 12L);
        assertThat(sandbox.state.requests().maxInFlight("demo")).isEqualTo(4);
    }

    @Test
    void oneAccountAtItsCap_anotherAccountsCallIsNotHeldUp() throws Exception {
        fault("{\"path_pattern\":\"/me/mailFolders/inbox\",\"delay_ms\":1500}");
        GraphClient client = sandbox.client(Duration.ofSeconds(10), 0, 4);
        List<CompletableFuture<JsonNode>> busy = inParallel(8, client, "demo", "/me/mailFolders/inbox");
        await(() -> sandbox.state.requests().maxInFlight("demo") == 4);

        JsonNode megan = client.get("demo2", "/me");

        assertThat(megan.path("displayName").asText()).isEqualTo("Megan Bowen");
        assertThat(busy)
                .as("demo2 answered while demo's first four were still in flight")
                .noneMatch(CompletableFuture::isDone);
        CompletableFuture.allOf(busy.toArray(CompletableFuture[]::new)).join();
        assertThat(sandbox.state.requests().maxInFlight())
                .containsEntry("demo", 4)
                .containsEntry("demo2", 1);
    }

    @Test
    void callWaitingOutRetryAfter_holdsNoPermit_sameAccountsNextCallCompletesMeanwhile() throws Exception {
        fault(
                "{\"path_pattern\":\"/me/messages\",\"method\":\"GET\",\"status\":429,\"retry_after_seconds\":3,\"count\":1}");
        GraphClient client = sandbox.client(Duration.ofSeconds(10), 1, 1);
        long started = System.nanoTime();
        CompletableFuture<JsonNode> throttled =
                CompletableFuture.supplyAsync(() -> client.get("demo", "/me/messages?$top=2"), callers);
        await(() -> sandbox.state.requests().snapshot().containsKey("/v1.0/me/messages"));

        JsonNode inbox = client.get("demo", "/me/mailFolders/inbox");

        assertThat(inbox.path("displayName").asText()).isEqualTo("Inbox");
        assertThat(throttled).as("still waiting out Retry-After").isNotDone();
        assertThat(throttled.join().path("value")).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(sandbox.state.requests().snapshot()).containsEntry("/v1.0/me/messages", 2L);
        assertThat(sandbox.state.requests().maxInFlight("demo")).isEqualTo(1);
    }
}

package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;

/**
 * One deadline per call across requests, retries, {@code Retry-After} waits, timeouts and the wait
 * for a mailbox slot, as the real Graph client meets the sandbox's faults: past it the call fails with
 * a clear error instead of outlasting the MCP client's own timeout.
 */
class CallDeadlineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxServer sandbox = SandboxServer.start();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        sandbox.close();
    }

    private void fault(String json) {
        assertThat(sandbox.send("PUT", "/_admin/faults", json, null).statusCode())
                .isEqualTo(200);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void get_graphHanging_failsAtTheDeadline_notAfterEveryTimeoutAndRetry() {
        fault("{\"path_pattern\":\"/me/contacts\",\"delay_ms\":4000}");
        GraphClient client = sandbox.client(Duration.ofSeconds(3), 3, Duration.ofMillis(1500));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.get("demo", "/me/contacts")).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.code()).isEqualTo("DeadlineExceeded");
            assertThat(e.getMessage()).startsWith("Graph did not answer within 1.5 s");
        });

        assertThat(millisSince(started)).isBetween(1400L, 2500L);
        assertThat(sandbox.received("/v1.0/me/contacts")).hasSize(1);
    }

    @Test
    void get_retryAfterBeyondTheDeadline_failsAtOnceSayingWhenToRetry() {
        fault("{\"path_pattern\":\"/me/messages*\",\"status\":429,\"retry_after_seconds\":20}");
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 3, Duration.ofSeconds(5));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.get("demo", "/me/messages?$top=3"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.isThrottled()).isTrue();
                    assertThat(e.getMessage())
                            .startsWith("Graph is throttling this mailbox; retry after 20 s")
                            .contains("5 s");
                });

        assertThat(millisSince(started)).isLessThan(1000);
        assertThat(sandbox.received("/v1.0/me/messages")).hasSize(1);
    }

    @Test
    void get_retryAfterWithinTheDeadline_isWaitedOutAndSucceeds() {
        fault("{\"path_pattern\":\"/me/messages*\",\"status\":429,\"retry_after_seconds\":1,\"count\":1}");
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 3, Duration.ofSeconds(3));

        assertThat(client.get("demo", "/me/messages?$top=3").path("value")).hasSize(3);
        assertThat(sandbox.received("/v1.0/me/messages")).hasSize(2);
    }

    @Test
    void post_cutByTheDeadline_isNotSentAgain_andSaysItMayHaveActed() {
        fault("{\"path_pattern\":\"/me/sendMail\",\"method\":\"POST\",\"delay_ms\":3000}");
        GraphClient client = sandbox.client(Duration.ofSeconds(10), 3, Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.post("demo", "/me/sendMail", JSON.createObjectNode()))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.code()).isEqualTo("DeadlineExceeded");
                    assertThat(e.getMessage()).contains("POST").contains("may have been carried out");
                });
        assertThat(sandbox.received("/v1.0/me/sendMail")).hasSize(1);
    }

    @Test
    void requestsOfOneCall_shareItsDeadline_eachAloneFitsItsOwn() throws Exception {
        fault("{\"path_pattern\":\"/me/calendars\",\"delay_ms\":600}");
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 0, Duration.ofMillis(1500));
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("demo", "/me/calendars").path("value")).isNotEmpty();
        }

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.withinDeadline(() -> {
                    for (int i = 0; i < 3; i++) {
                        client.get("demo", "/me/calendars");
                    }
                    return null;
                }))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.code()).isEqualTo("DeadlineExceeded"));

        assertThat(millisSince(started)).isBetween(1400L, 2200L);
    }

    @Test
    void waitForAMailboxSlot_endsAtTheDeadline() throws Exception {
        fault("{\"path_pattern\":\"/me/contacts\",\"delay_ms\":3000}");
        GraphClient client = sandbox.client(Duration.ofSeconds(10), 0, 1, Duration.ofSeconds(1));
        CompletableFuture<JsonNode> holding = CompletableFuture.supplyAsync(
                () -> client.withinDeadline(Instant.now().plusSeconds(10), () -> client.get("demo", "/me/contacts")),
                threads);
        while (sandbox.state.requests().maxInFlight("demo") < 1) {
            Thread.sleep(5);
        }

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.get("demo", "/me/mailFolders/inbox"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.code()).isEqualTo("DeadlineExceeded");
                    assertThat(e.getMessage()).contains("waiting for one of the mailbox's 1 request slots");
                });

        assertThat(millisSince(started)).isBetween(900L, 1800L);
        assertThat(holding.join().path("value")).hasSize(10);
        assertThat(sandbox.received("/v1.0/me/mailFolders/inbox")).isEmpty();
    }

    @Test
    void deadlineCarriedToAnotherThread_boundsItsRequestsThere() throws Exception {
        fault("{\"path_pattern\":\"/me/contacts\",\"delay_ms\":3000}");
        GraphClient client = sandbox.client(Duration.ofSeconds(10), 0, Duration.ofSeconds(1));

        long started = System.nanoTime();
        CompletableFuture<JsonNode> fannedOut = client.withinDeadline(() -> {
            Instant deadline = client.currentDeadline().orElseThrow();
            return CompletableFuture.supplyAsync(
                    () -> client.withinDeadline(deadline, () -> client.get("demo", "/me/contacts")), threads);
        });

        assertThatThrownBy(fannedOut::join)
                .hasCauseInstanceOf(GraphException.class)
                .hasMessageContaining("did not answer within 1 s");
        assertThat(millisSince(started)).isLessThan(2000L);
        assertThat(client.currentDeadline()).as("none outside a call").isEmpty();
    }
}

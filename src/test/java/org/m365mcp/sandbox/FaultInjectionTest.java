package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;

/**
 * The admin API's faults as the real Graph client meets them: 429 with Retry-After, 503, 504,
 * timeouts, latency; what is retried for which verb and how often.
 */
class FaultInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxServer sandbox = SandboxServer.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> admin(String method, String body) {
        return sandbox.send(method, "/_admin/faults", body, null);
    }

    @Test
    void throttledOnce_clientWaitsRetryAfter_thenSucceeds() {
        assertThat(admin(
                                "PUT",
                                "{\"path_pattern\":\"/me/messages*\",\"status\":429,\"retry_after_seconds\":1,\"count\":1}")
                        .statusCode())
                .isEqualTo(200);
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 2);

        long started = System.nanoTime();
        JsonNode page = client.get("demo", "/me/messages?$top=3");
        long waitedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(page.path("value")).hasSize(3);
        assertThat(waitedMs).isGreaterThanOrEqualTo(1000);
        assertThat(sandbox.state.requests().snapshot()).containsEntry("/v1.0/me/messages", 2L);
        assertThat(admin("GET", null).body()).contains("\"remaining\":0");
    }

    @Test
    void throttled_withoutRetries_surfacesGraphsThrottlingError_otherPathsUnaffected() {
        admin("PUT", "{\"path_pattern\":\"/me/messages*\",\"status\":429,\"retry_after_seconds\":2}");
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 0);

        assertThatThrownBy(() -> client.get("demo", "/me/messages")).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("TooManyRequests");
            assertThat(e.isThrottled()).isTrue();
            assertThat(e.getMessage())
                    .isEqualTo("Graph returned 429 TooManyRequests: Too many requests. Retry after 2 seconds.");
        });
        HttpResponse<String> raw = sandbox.send("GET", "/v1.0/me/messages/x", null, SandboxTenant.DEMO_TOKEN);
        assertThat(raw.headers().firstValue("Retry-After")).contains("2");
        assertThat(client.get("demo", "/me/mailFolders/inbox")
                        .path("displayName")
                        .asText())
                .isEqualTo("Inbox");
    }

    @Test
    void unavailableTwice_retriedThrough_andMethodScoped() {
        admin("PUT", """
                [{"path_pattern":"/me/drive/*","method":"GET","status":503,"retry_after_seconds":0,"count":2},
                 {"path_pattern":"/me/events","method":"POST","status":500}]""");
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 3);

        assertThat(client.get("demo", "/me/drive/root").has("root")).isTrue();
        assertThat(sandbox.state.requests().snapshot()).containsEntry("/v1.0/me/drive/root", 3L);
        assertThat(client.getPaged("demo", "/me/events", 3)).hasSize(3); // GET is not the POST rule's
        assertThat(sandbox.send("POST", "/v1.0/me/events", "{}", SandboxTenant.DEMO_TOKEN)
                        .statusCode())
                .isEqualTo(500);
    }

    @Test
    void unavailableEveryTime_triedMaxRetriesPlusOneTimes_thenGraphsError() {
        admin("PUT", "{\"path_pattern\":\"/me/mailFolders/inbox\",\"status\":503,\"retry_after_seconds\":0}");
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 2);

        assertThatThrownBy(() -> client.get("demo", "/me/mailFolders/inbox"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("ServiceUnavailable");
                    assertThat(e.isThrottled()).isTrue();
                });
        assertThat(sandbox.state.requests().snapshot()).containsEntry("/v1.0/me/mailFolders/inbox", 3L);
    }

    @Test
    void faultWithOwnCodeAndMessage_mappedAsIs_notRetried() {
        admin("PUT", """
                {"path_pattern":"/me/contacts","status":403,"code":"ErrorAccessDenied",
                 "message":"Access is denied. Check credentials and try again."}""");
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 3);

        assertThatThrownBy(() -> client.get("demo", "/me/contacts")).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isEqualTo("ErrorAccessDenied");
            assertThat(e.getMessage())
                    .isEqualTo(
                            "Graph returned 403 ErrorAccessDenied: Access is denied. Check credentials and try again.");
        });
        assertThat(sandbox.state.requests().snapshot()).containsEntry("/v1.0/me/contacts", 1L);
    }

    @Test
    void postThrottled_isRetried_becauseGraphDidNotProcessIt_oneDraftMade() {
        admin(
                "PUT",
                "{\"path_pattern\":\"/me/messages\",\"method\":\"POST\",\"status\":429,\"retry_after_seconds\":0,\"count\":1}");
        int drafts = draftCount();
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 2);

        JsonNode draft =
                client.post("demo", "/me/messages", JSON.createObjectNode().put("subject", "Once"));

        assertThat(draft.path("subject").asText()).isEqualTo("Once");
        assertThat(sandbox.state.requests().snapshot()).containsEntry("/v1.0/me/messages", 2L);
        assertThat(draftCount()).isEqualTo(drafts + 1);
    }

    @Test
    void postTimedOut_isNotRetried_becauseGraphMayHaveActed() {
        admin("PUT", "{\"path_pattern\":\"/me/sendMail\",\"method\":\"POST\",\"delay_ms\":1500}");
        GraphClient client = sandbox.client(Duration.ofMillis(300), 3);

        assertThatThrownBy(() -> client.post("demo", "/me/sendMail", JSON.createObjectNode()))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.code()).isEqualTo("NetworkError"));
        assertThat(sandbox.received("/v1.0/me/sendMail")).hasSize(1);
    }

    @Test
    void gatewayTimeout_retriedForGet_notForPost() {
        admin("PUT", """
                [{"path_pattern":"/me/messages","method":"POST","status":504,"count":1},
                 {"path_pattern":"/me/mailFolders/inbox","method":"GET","status":504,"retry_after_seconds":0,"count":1}]""");
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 2);

        assertThatThrownBy(() -> client.post(
                        "demo", "/me/messages", JSON.createObjectNode().put("subject", "x")))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(504);
                    assertThat(e.code()).isEqualTo("GatewayTimeout");
                });
        assertThat(client.get("demo", "/me/mailFolders/inbox")
                        .path("displayName")
                        .asText())
                .isEqualTo("Inbox");
        assertThat(sandbox.state.requests().snapshot())
                .containsEntry("/v1.0/me/messages", 1L)
                .containsEntry("/v1.0/me/mailFolders/inbox", 2L);
    }

    private int draftCount() {
        return sandbox.demo("GET", "/me/mailFolders/drafts", null, 200)
                .path("totalItemCount")
                .asInt();
    }

    @Test
    void delayLongerThanClientTimeout_isATimeout_retriedOnce() {
        admin("PUT", "{\"path_pattern\":\"/me/contacts\",\"delay_ms\":1500,\"count\":1}");

        assertThatThrownBy(() -> sandbox.client(Duration.ofMillis(300), 0).get("demo", "/me/contacts"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.code()).isEqualTo("NetworkError");
                });
        admin("PUT", "{\"path_pattern\":\"/me/contacts\",\"delay_ms\":1500,\"count\":1}");
        assertThat(sandbox.client(Duration.ofMillis(300), 1)
                        .get("demo", "/me/contacts")
                        .path("value"))
                .hasSize(10);
    }

    @Test
    void delayWithoutStatus_isPerEndpointLatency_deleteClearsEverything() {
        admin("POST", "{\"path_pattern\":\"/me/calendars\",\"delay_ms\":400}");
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 0);

        long started = System.nanoTime();
        client.get("demo", "/me/calendars");
        long calendarsMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        client.get("demo", "/me/contactFolders");
        long foldersMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(calendarsMs).isGreaterThanOrEqualTo(400);
        assertThat(foldersMs).isLessThan(400);
        assertThat(admin("DELETE", null).statusCode()).isEqualTo(204);
        assertThat(admin("GET", null).body()).isEqualTo("[]");
    }

    @Test
    void badFaults_are400_andNothingChanges() {
        admin("PUT", "{\"path_pattern\":\"/me/messages\",\"status\":503}");

        for (String bad : List.of(
                "{\"status\":429}",
                "{\"path_pattern\":\"/x\",\"status\":200}",
                "{\"path_pattern\":\"/x\"}",
                "{\"path_pattern\":\"/x\",\"status\":429,\"colour\":1}",
                "not json",
                "{\"path_pattern\":\"/x\",\"status\":\"429\"}")) {
            HttpResponse<String> response = admin("PUT", bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).as(bad).contains("\"code\":\"BadRequest\"");
        }
        assertThat(admin("GET", null).body()).contains("\"path_pattern\":\"/me/messages\"", "\"status\":503");
    }
}

package org.m365mcp.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphClientTest {

    private FakeGraphServer graph;
    private GraphClient client;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraphServer();
        client = clientWithRetries(2);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private GraphClient clientWithRetries(int maxRetries) {
        GraphSettings settings = new GraphSettings(graph.baseUrl(), Duration.ofSeconds(5), maxRetries);
        return new GraphClient(settings, account -> "token-for-" + account, HttpClient.newHttpClient());
    }

    @Test
    void get_sendsBearerAndAccept_returnsJson() {
        graph.answer(200, "{\"displayName\":\"Adele\"}");

        JsonNode me = client.get("demo", "/me");

        assertThat(me.path("displayName").asText()).isEqualTo("Adele");
        FakeGraphServer.Received request = graph.received().get(0);
        assertThat(request.authorization()).isEqualTo("Bearer token-for-demo");
        assertThat(request.accept()).isEqualTo("application/json");
        assertThat(request.uri().getPath()).isEqualTo("/v1.0/me");
    }

    @Test
    void get_encodesQueryValues_keepsDollarLiteral() {
        graph.answer(200, "{}");

        client.get("demo", "/me/messages?$filter=isRead eq false and subject eq 'a+b'&$select=id,subject");

        assertThat(graph.received().get(0).uri().getRawQuery())
                .isEqualTo("$filter=isRead%20eq%20false%20and%20subject%20eq%20'a%2Bb'&$select=id,subject");
    }

    @Test
    void getPaged_followsNextLink_untilLimit() {
        String next = graph.baseUrl() + "/me/messages?$top=2&$skip=2";
        graph.answer(200, "{\"value\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"@odata.nextLink\":\"" + next + "\"}")
                .answer(200, "{\"value\":[{\"id\":\"3\"},{\"id\":\"4\"}],\"@odata.nextLink\":\"" + next + "x\"}");

        List<JsonNode> items = client.getPaged("demo", "/me/messages?$top=2", 3);

        assertThat(items).extracting(n -> n.path("id").asText()).containsExactly("1", "2", "3");
        assertThat(graph.received()).hasSize(2);
        assertThat(graph.received().get(1).uri().getRawQuery()).isEqualTo("$top=2&$skip=2");
        assertThat(graph.received().get(1).authorization()).isEqualTo("Bearer token-for-demo");
    }

    @Test
    void getPaged_noNextLink_returnsWhatThereIs() {
        graph.answer(200, "{\"value\":[{\"id\":\"1\"}]}");

        assertThat(client.getPaged("demo", "/me/messages", 50)).hasSize(1);
        assertThat(graph.received()).hasSize(1);
    }

    @Test
    void getPaged_nextLinkToOtherHost_refused() {
        graph.answer(200, "{\"value\":[{\"id\":\"1\"}],\"@odata.nextLink\":\"http://evil.example/v1.0/me\"}");

        assertThatThrownBy(() -> client.getPaged("demo", "/me/messages", 5))
                .isInstanceOf(GraphException.class)
                .extracting(e -> ((GraphException) e).code()).isEqualTo("InvalidNextLink");
    }

    @Test
    void get_429WithRetryAfter_waitsThenSucceeds() {
        graph.answer(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}",
                        Map.of("Retry-After", "1"))
                .answer(200, "{\"ok\":true}");

        long start = System.nanoTime();
        JsonNode result = client.get("demo", "/me");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(graph.received()).hasSize(2);
        assertThat(Duration.ofNanos(graph.received().get(1).nanoTime() - graph.received().get(0).nanoTime()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void get_503_isRetried() {
        graph.answer(503, "", Map.of("Retry-After", "0")).answer(200, "{\"ok\":true}");

        assertThat(client.get("demo", "/me").path("ok").asBoolean()).isTrue();
        assertThat(graph.received()).hasSize(2);
    }

    @Test
    void get_throttledBeyondMaxRetries_throwsGraphException() {
        for (int i = 0; i < 5; i++) {
            graph.answer(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many.\"}}",
                    Map.of("Retry-After", "0"));
        }

        assertThatThrownBy(() -> client.get("demo", "/me"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.isThrottled()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Graph returned 429 TooManyRequests: Too many.");
                });
        assertThat(graph.received()).hasSize(3);
    }

    @Test
    void get_errorBody_mappedToGraphException() {
        graph.answer(404, "{\"error\":{\"code\":\"ErrorItemNotFound\","
                + "\"message\":\"The specified object was not found in the store.\"}}");

        assertThatThrownBy(() -> client.get("demo", "/me/mailFolders/nope/messages"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("ErrorItemNotFound");
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Graph returned 404 ErrorItemNotFound: "
                            + "The specified object was not found in the store.");
                });
        assertThat(graph.received()).hasSize(1);
    }

    @Test
    void get_nonJsonErrorBody_fallsBackToStatus() {
        graph.answer(401, "<html>nope</html>");

        assertThatThrownBy(() -> client.get("demo", "/me"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidAuthenticationToken");
                    assertThat(e.getMessage()).doesNotContain("html").doesNotContain("token-for-demo");
                });
    }

    @Test
    void get_serverGone_throwsNetworkErrorAfterRetries() {
        graph.close();
        GraphClient noRetries = clientWithRetries(0);

        assertThatThrownBy(() -> noRetries.get("demo", "/me"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.code()).isEqualTo("NetworkError");
                });
    }
}

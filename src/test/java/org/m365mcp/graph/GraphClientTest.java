package org.m365mcp.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a canned server, for what the sandbox cannot stage: non-JSON errors, dropped
 * connections, a server that is gone, a second host. Everything else is proven against the sandbox
 * ({@code org.m365mcp.sandbox.GraphClientAgainstSandboxTest}, {@code FaultInjectionTest},
 * {@code MailboxConcurrencyTest}).
 */
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
    void constructor_httpClientFollowingRedirects_refused() {
        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        GraphSettings settings = new GraphSettings(graph.baseUrl(), Duration.ofSeconds(5), 0);

        assertThatThrownBy(() -> new GraphClient(settings, account -> "t", following))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redirects");
    }

    @Test
    void getPaged_nextLinkToOtherHost_refused() {
        graph.answer(200, "{\"value\":[{\"id\":\"1\"}],\"@odata.nextLink\":\"http://evil.example/v1.0/me\"}");

        assertThatThrownBy(() -> client.getPaged("demo", "/me/messages", 5))
                .isInstanceOf(GraphException.class)
                .extracting(e -> ((GraphException) e).code())
                .isEqualTo("InvalidNextLink");
    }

    @Test
    void get_nonJsonErrorBody_fallsBackToStatus_neverShowsBodyOrToken() {
        graph.answer(401, "<html>nope</html>");

        assertThatThrownBy(() -> client.get("demo", "/me")).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidAuthenticationToken");
            assertThat(e.getMessage()).doesNotContain("html").doesNotContain("token-for-demo");
        });
    }

    @Test
    void get_serverGone_throwsNetworkError() {
        graph.close();
        GraphClient noRetries = clientWithRetries(0);

        assertThatThrownBy(() -> noRetries.get("demo", "/me")).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.code()).isEqualTo("NetworkError");
            assertThat(e.getMessage()).doesNotContain("token-for-demo");
        });
    }

    @Test
    void post_connectionDropped_notRetried_becauseTheMailMayHaveGone() {
        graph.dropConnection().answer(202, "");

        assertThatThrownBy(() -> client.post("demo", "/me/sendMail", JsonNodeFactory.instance.objectNode()))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.code()).isEqualTo("NetworkError"));
        assertThat(graph.received()).hasSize(1);
    }

    @Test
    void patch_connectionDropped_notRetried() {
        graph.dropConnection().answer(200, "{}");

        assertThatThrownBy(() -> client.patch("demo", "/me/events/1", JsonNodeFactory.instance.objectNode()))
                .isInstanceOf(GraphException.class);
        assertThat(graph.received()).hasSize(1);
    }

    @Test
    void put_connectionDropped_retried_becauseReplacingTwiceIsReplacingOnce() {
        graph.dropConnection().answer(201, "{\"id\":\"f\"}");

        GraphResponse uploaded = client.send(
                "demo", GraphClientRequest.put("/me/drive/root:/a.txt:/content", new byte[] {'a'}, "text/plain"));

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(graph.received())
                .extracting(FakeGraphServer.Received::method)
                .containsExactly("PUT", "PUT");
    }

    @Test
    void redirectToAnotherHost_notFollowed_tokenNeverReachesIt() throws Exception {
        try (FakeGraphServer download = new FakeGraphServer()) {
            URI elsewhere = URI.create("http://localhost:" + download.baseUrl().getPort() + "/file?tempauth=secret");
            graph.answer(302, "", Map.of("Location", elsewhere.toString()));
            download.answer(200, "file bytes");

            URI url = client.downloadUrl("demo", "/me/drive/items/1/content");

            assertThat(url).isEqualTo(elsewhere);
            assertThat(download.received()).isEmpty();
            assertThat(graph.received().get(0).authorization()).isEqualTo("Bearer token-for-demo");

            GraphResponse file = client.getPreAuthenticated(url);

            assertThat(new String(file.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("file bytes");
            assertThat(download.received()).singleElement().satisfies(r -> {
                assertThat(r.authorization()).isNull();
                assertThat(r.uri().getRawQuery()).isEqualTo("tempauth=secret");
            });
            assertThat(file.toString()).doesNotContain("secret");
        }
    }

    @Test
    void downloadUrl_noRedirect_isAnError() {
        graph.answer(200, "{}");

        assertThatThrownBy(() -> client.downloadUrl("demo", "/me/drive/items/1/content"))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.code()).isEqualTo("NoRedirect"));
    }

    @Test
    void getPreAuthenticated_relativeUrl_refused() {
        assertThatThrownBy(() -> client.getPreAuthenticated(URI.create("/monitor/1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void request_authorizationHeader_refused_theClientOwnsTheToken() {
        assertThatThrownBy(() -> GraphClientRequest.get("/me").header("authorization", "Bearer stolen"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

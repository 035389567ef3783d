package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.graph.GraphSettings;

/** The real client against the sandbox's listing logic over real HTTP: encoding and paging agree. */
class GraphClientAgainstSandboxTest {

    private final Mailbox demo = SandboxTenant.demoMailbox();
    private HttpServer server;
    private GraphClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sandbox/v1.0/me/mailFolders/", this::serve);
        server.start();
        URI root = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sandbox/v1.0");
        client = new GraphClient(new GraphSettings(root, Duration.ofSeconds(5), 0), new SandboxTokenSource(),
                HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        URI root = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sandbox/v1.0");
        URI request = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI());
        String folder = exchange.getRequestURI().getPath().split("/")[5];
        int status = 200;
        String body;
        try {
            body = MessageListing.list(demo, folder, ODataQuery.parse(params(request)), root, request).toString();
        } catch (SandboxGraphException e) {
            status = e.status();
            body = GraphErrorMapper.body(e.code(), e.getMessage());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> params(URI uri) {
        Map<String, String> params = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Test
    void getPaged_overSandbox_returnsNewestInboxMessagesAcrossPages() {
        List<JsonNode> messages = client.getPaged("demo",
                "/me/mailFolders/inbox/messages?$top=7&$select=subject,from,receivedDateTime", 30);

        List<SandboxMessage> inbox = demo.messages(demo.folder("inbox").orElseThrow());
        assertThat(messages).extracting(m -> m.path("id").asText())
                .containsExactlyElementsOf(inbox.subList(0, 30).stream().map(SandboxMessage::id).toList());
        assertThat(messages.get(0).has("bodyPreview")).isFalse();
    }

    @Test
    void get_unknownFolder_surfacesGraphNotFound() {
        assertThatThrownBy(() -> client.get("demo", "/me/mailFolders/nowhere/messages"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Graph returned 404 ErrorItemNotFound: "
                            + "The specified object was not found in the store.");
                });
    }
}

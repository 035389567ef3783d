package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The MCP endpoint spoken to byte by byte, as a careless or hostile client would: any verb, headers and
 * body, with the bearer token; and what an answer must look like whatever was sent.
 */
final class McpWire {

    static final String JSON = "application/json";
    static final String BOTH = "application/json, text/event-stream";
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

    /** A package-qualified Java class name (io.x.Y, java.lang.Z) or a stack frame's marks. */
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|io|org|com|sun|fish)\\.[a-z0-9_]+(?:\\.[A-Za-z0-9_$]+)*\\.[A-Z][A-Za-z0-9_$]*"
                    + "|stackTrace|Exception|\\.java:\\d+");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI mcp;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    McpWire(URL base) {
        this.mcp = ItServer.mcpUri(base);
    }

    /** A request to the endpoint with the token and the given headers (name, value, ...); body null for none. */
    HttpResponse<String> send(String verb, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ItServer.TOKEN)
                .method(
                        verb,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST as a well-behaved client sends it, in {@code session} (null for none). */
    HttpResponse<String> post(String session, String body) throws IOException, InterruptedException {
        return session == null
                ? send("POST", body, "Content-Type", JSON, "Accept", BOTH)
                : send("POST", body, "Content-Type", JSON, "Accept", BOTH, "Mcp-Session-Id", session);
    }

    /**
     * A POST in {@code session} whose event stream is read as it comes: each JSON-RPC message it carries
     * goes to {@code message}, on the HTTP client's thread; the future completes when the stream ends.
     */
    CompletableFuture<Void> postStreaming(String session, String body, Consumer<JsonNode> message) {
        HttpRequest request = HttpRequest.newBuilder(mcp)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ItServer.TOKEN)
                .header("Content-Type", JSON)
                .header("Accept", BOTH)
                .header("Mcp-Session-Id", session)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body()
                        .filter(line ->
                                line.startsWith("data:") && !line.substring(5).isBlank())
                        .forEach(line -> {
                            try {
                                message.accept(MAPPER.readTree(line.substring(5)));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }));
    }

    /** The JSON-RPC messages of an event-stream answer, in order. */
    static List<JsonNode> messages(HttpResponse<String> answer) throws IOException {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (line.startsWith("data:") && !line.substring(5).isBlank()) {
                messages.add(MAPPER.readTree(line.substring(5)));
            }
        }
        return messages;
    }

    /** A fresh session: initialize, then the initialized notification. */
    String initialize() throws IOException, InterruptedException {
        HttpResponse<String> init = post(null, INITIALIZE);
        assertThat(init.statusCode()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .statusCode())
                .isEqualTo(202);
        return session;
    }

    /** The JSON-RPC error object of an answer with a JSON body; fails if the body is anything else. */
    static JsonNode error(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.has("id"))
                .as("a JSON-RPC error response carries id (null when unknown)")
                .isTrue();
        assertThat(body.path("error").path("code").isInt()).as(response.body()).isTrue();
        assertThat(body.path("error").path("message").isTextual())
                .as(response.body())
                .isTrue();
        assertThat(body.has("result")).isFalse();
        return body;
    }

    /**
     * Why an answer breaks the endpoint's contract, or null: no 5xx, no Java internals, and the body
     * empty with 202 (an accepted notification or response) or with Payara's own 405 for TRACE, one
     * JSON-RPC message (JSON) or a stream of them (SSE).
     */
    static String violation(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            return "HTTP " + status;
        }
        if (JAVA_INTERNALS.matcher(body).find()) {
            return "Java internals in the answer";
        }
        if (status == 202) {
            return body.isEmpty() ? null : "202 with a body";
        }
        if (status == 405 && body.isEmpty() && response.request().method().equals("TRACE")) {
            return null; // Payara refuses TRACE itself, before any application (security.md)
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        try {
            if (type.startsWith("text/event-stream") && status == 200) {
                List<JsonNode> messages = new ArrayList<>();
                for (String line : body.split("\n")) {
                    if (line.startsWith("data:") && !line.substring(5).isBlank()) {
                        messages.add(MAPPER.readTree(line.substring(5)));
                    }
                }
                return messages.isEmpty() || !messages.stream().allMatch(McpWire::isJsonRpc)
                        ? "an event stream without JSON-RPC messages"
                        : null;
            }
            if (type.startsWith(JSON)) {
                JsonNode message = MAPPER.readTree(body);
                if (!isJsonRpc(message)) {
                    return "JSON that is not JSON-RPC";
                }
                return status >= 400 && !message.has("error") ? "HTTP " + status + " without a JSON-RPC error" : null;
            }
        } catch (IOException e) {
            return "unparsable body";
        }
        return "Content-Type '" + type + "' with HTTP " + status;
    }

    private static boolean isJsonRpc(JsonNode message) {
        return message.isObject()
                && "2.0".equals(message.path("jsonrpc").asText())
                && (message.has("result") || message.path("error").path("code").isInt() || message.has("method"));
    }
}

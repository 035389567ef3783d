package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * MicroProfile Health and Metrics as Payara Micro serves them at {@code /health} and {@code /metrics}
 * (the server's root, beside the WAR): the readiness checks of the store, Graph and the MCP endpoint,
 * liveness of the background work, and the cache metrics moving with tool calls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthAndMetricsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private McpSyncClient client;

    @BeforeEach
    void connect() throws Exception {
        ReadinessProbe.await(base.getPort(), null, Duration.ofMinutes(2), "the IT server's console");
        client = ItServer.client(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void healthReady_deployed_storeGraphAndEndpointUpWithTheirData() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode store = check(health, "cache-store");
        assertThat(store.path("status").asText()).isEqualTo("UP");
        assertThat(store.path("data").path("opened").asBoolean()).isTrue();
        assertThat(store.path("data").path("key_ok").asBoolean()).isTrue();
        assertThat(store.path("data").path("key_source").asText()).isEqualTo("environment");
        JsonNode graph = check(health, "graph");
        assertThat(graph.path("status").asText()).isEqualTo("UP");
        assertThat(graph.path("data").path("mode").asText()).isEqualTo("sandbox");
        assertThat(graph.path("data").path("sign_in_available").asBoolean()).isTrue();
        JsonNode endpoint = check(health, "mcp-endpoint");
        assertThat(endpoint.path("status").asText()).isEqualTo("UP");
        assertThat(endpoint.path("data").path("tools").asInt()).isGreaterThan(50);
        assertThat(endpoint.path("data").path("served").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain("it-only-key");
    }

    @Test
    void healthLive_running_backgroundWorkerUp() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode background = check(json.readTree(response.body()), "background");
        assertThat(background.path("status").asText()).isEqualTo("UP");
        assertThat(background.path("data").path("worker_running").asBoolean()).isTrue();
    }

    @Test
    void metrics_missThenHit_countersAndTimerMove() throws Exception {
        String op = "operation=\"email_list\"";
        double missesBefore = metric("m365_cache_misses_total", op);
        double hitsBefore = metric("m365_cache_hits_total", op);
        double graphBefore = metric("m365_graph_calls_total", op);
        double freshBefore = metric("m365_cache_calls_total", op, "state=\"fresh\"");
        double timedBefore = metric("m365_cache_call_duration_count", op, "state=\"miss\"");

        call(client, "email_list", Map.of("account_id", "demo", "limit", 14));
        call(client, "email_list", Map.of("account_id", "demo", "limit", 14));

        assertThat(metric("m365_cache_misses_total", op) - missesBefore).isEqualTo(1);
        assertThat(metric("m365_cache_hits_total", op) - hitsBefore).isEqualTo(1);
        assertThat(metric("m365_graph_calls_total", op) - graphBefore).isEqualTo(1);
        assertThat(metric("m365_cache_calls_total", op, "state=\"fresh\"") - freshBefore)
                .isEqualTo(1);
        assertThat(metric("m365_cache_call_duration_count", op, "state=\"miss\"") - timedBefore)
                .isEqualTo(1);
        assertThat(metric("m365_cache_refreshes", "outcome=\"dropped\"")).isZero();
    }

    /** The value of the first {@code /metrics} sample named {@code name} whose labels contain every one given; 0 if none. */
    private double metric(String name, String... labels) throws Exception {
        String body = get("/metrics").body();
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(body);
        while (matcher.find()) {
            String found = matcher.group(1);
            if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("No check " + name + " in " + health);
    }
}

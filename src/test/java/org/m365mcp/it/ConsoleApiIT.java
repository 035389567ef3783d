package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The batch console's REST API on Payara Micro: guarded like the MCP endpoint, job definitions and
 * executions, the cache-cleanup job's counts, the statistics and invalidations it shows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;
    private ConsoleApi console;

    @BeforeEach
    void connect() {
        client = ItServer.client(base);
        console = new ConsoleApi(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void api_withoutTheToken_401WithAChallenge() throws Exception {
        HttpResponse<String> response =
                console.send(HttpRequest.newBuilder(console.uri("jobs")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"m365-mcp\"");
        assertThat(response.body()).doesNotContain("cache-warming");
    }

    @Test
    void api_wrongToken_401() throws Exception {
        HttpResponse<String> response = console.send(HttpRequest.newBuilder(console.uri("jobs/cache-warming/start"))
                .header("Authorization", "Bearer not-the-token")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("execution_id");
    }

    @Test
    void api_foreignOriginEvenWithTheToken_403() throws Exception {
        HttpResponse<String> response = console.send(HttpRequest.newBuilder(console.uri("jobs"))
                .header("Authorization", "Bearer " + ItServer.TOKEN)
                .header("Origin", "http://evil.example")
                .GET());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void apiAndPage_nonLoopbackHostEvenWithTheToken_421() throws Exception {
        assertThat(rawStatus("/console/api/jobs", "evil.example:" + base.getPort(), true))
                .isEqualTo(421);
        assertThat(rawStatus("/console/", "evil.example:" + base.getPort(), false))
                .isEqualTo(421);
        assertThat(rawStatus("/console/api/jobs", "127.0.0.1:" + base.getPort(), true))
                .isEqualTo(200);
    }

    @Test
    void page_servedWithoutTheTokenButHoldsNoData() throws Exception {
        HttpResponse<String> page =
                console.send(HttpRequest.newBuilder(java.net.URI.create(ItServer.root(base) + "/console/"))
                        .GET());
        HttpResponse<String> script =
                console.send(HttpRequest.newBuilder(java.net.URI.create(ItServer.root(base) + "/console/console.js"))
                        .GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("batch console", "console.js").doesNotContain("http://", "https://cdn");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("Authorization");
    }

    @Test
    void jobs_listsBothJobDefinitions() throws Exception {
        List<String> names = new ArrayList<>();
        console.get("jobs")
                .path("jobs")
                .forEach(job -> names.add(job.path("name").asText()));

        assertThat(names).containsExactly("cache-warming", "cache-cleanup");
        assertThat(console.send(HttpRequest.newBuilder(console.uri("jobs/no-such-job/start"))
                                .header("Authorization", "Bearer " + ItServer.TOKEN)
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void cleanup_expiredEntries_removedAndCountedStepByStep() throws Exception {
        // search_unified entries expire after 2 s on the IT server, and are kept 8 s longer for
        // stale-if-error (arquillian.xml); the cleanup removes them after that
        structured(call(client, "search_unified", Map.of("account_id", "demo", "query", "budget")));
        structured(call(client, "search_unified", Map.of("account_id", "demo2", "query", "report")));
        Thread.sleep(10_500);

        long execution = console.start("cache-cleanup");
        JsonNode finished = console.awaitFinished(execution, Duration.ofMinutes(1));

        assertThat(finished.path("status").asText()).isEqualTo("COMPLETED");
        List<String> steps = new ArrayList<>();
        finished.path("steps")
                .forEach(step -> steps.add(
                        step.path("step").asText() + " " + step.path("status").asText()));
        assertThat(steps)
                .containsExactly(
                        "expired-entries COMPLETED",
                        "size-limit COMPLETED",
                        "task-pruning COMPLETED",
                        "store-maintenance COMPLETED");
        String exit = finished.path("exit_status").asText();
        assertThat(exit)
                .matches("EXPIRED=\\d+ EXPIRED_BYTES=\\d+ OVER_LIMIT=false EVICTED=0 BYTES_BEFORE=\\d+"
                        + " BYTES_AFTER=\\d+ TASKS_PRUNED=0 VACUUMED=(true|false) RECLAIMED_BYTES=\\d+");
        int expired = Integer.parseInt(exit.replaceAll("^EXPIRED=(\\d+) .*", "$1"));
        assertThat(expired).isGreaterThanOrEqualTo(2);
        assertThat(finished.path("steps").get(0).path("exit_status").asText()).startsWith("EXPIRED=" + expired + " ");

        JsonNode executions = console.get("jobs/cache-cleanup/executions");
        assertThat(executions.path("executions").get(0).path("execution_id").asLong())
                .isEqualTo(execution);
        HttpResponse<String> restart =
                console.send(HttpRequest.newBuilder(console.uri("executions/" + execution + "/restart"))
                        .header("Authorization", "Bearer " + ItServer.TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(restart.statusCode()).isEqualTo(409);
        assertThat(restart.body()).contains("COMPLETED", "only a STOPPED or FAILED run restarts");
    }

    @Test
    void stats_currentCountersAndInvalidations_asTheToolsSeeThem() throws Exception {
        structured(call(client, "cache_invalidate", Map.of("account_id", "demo2", "resource_type", "contact_list")));

        JsonNode stats = console.get("cache/stats");
        JsonNode invalidations = console.get("cache/invalidations?limit=5").path("invalidations");

        assertThat(stats.path("current").path("store_open").asBoolean()).isTrue();
        assertThat(stats.path("current").has("hit_rate")).isTrue();
        assertThat(stats.path("history").isArray()).isTrue();
        assertThat(invalidations.get(0).path("account_id").asText()).isEqualTo("demo2");
        assertThat(invalidations.get(0).path("reason").asText()).isEqualTo("cache_invalidate");
        assertThat(invalidations.get(0).path("pattern").asText()).isEqualTo("contact_list:demo2:*");
    }

    private int rawStatus(String path, String host, boolean withToken) throws Exception {
        return ItServer.rawStatus(base, path, host, withToken);
    }
}

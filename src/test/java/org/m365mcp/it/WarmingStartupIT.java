package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Warming at start-up, as shipped ({@code m365.mcp.warming.on-startup} left at its default): the
 * deployment starts the cache-warming job once the application is served, MCP and readiness answer
 * while it runs (MCP's first answer comes before the run ends), and it warms both sandbox accounts
 * through the Graph client made on the job's own thread.
 *
 * <p>Not an Arquillian test: the shared IT server turns start-up warming off (other ITs count Graph
 * requests), so this one runs its own Payara Micro process, with the plan's waits lengthened so the
 * run outlasts the deployment's last steps on a slow machine.
 */
class WarmingStartupIT {

    private static final int PORT = Integer.getInteger("it.warming.port", 18083);
    private static final Path WORK = Path.of("target", "it-warming");

    private final ObjectMapper json = new ObjectMapper();
    private MicroProcess payara;
    private McpSyncClient client;

    @AfterEach
    void stopServer() {
        MicroLauncher.stop(client, payara);
    }

    @Test
    @SuppressWarnings("unchecked")
    void deployment_startsWarmingInTheBackground_andAnswersMcpAndReadinessWhileItRuns() throws Exception {
        payara = MicroLauncher.on(PORT, WORK)
                .freshWork()
                .store()
                .jvm("-Dm365.mcp.warming.folder_get_tree.wait=5s", "-Dm365.mcp.warming.email_list.wait=2s")
                .awaitMcp();
        Instant firstAnswer = payara.mcpAnsweredAt();
        client = ItServer.client(payara.root().toURL());

        long execution = awaitStartupExecution();
        JsonNode warming = readinessCheck("cache-warming");
        assertThat(warming.path("status").asText()).isEqualTo("UP");
        assertThat(warming.path("data").path("execution_id").asLong()).isEqualTo(execution);
        assertThat(warming.path("data").path("status").asText())
                .as("UP while it runs")
                .isIn("STARTING", "STARTED");

        ConsoleApi console = new ConsoleApi(payara.root().toURL());
        JsonNode finished = console.awaitFinished(execution, Duration.ofMinutes(2));

        assertThat(finished.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(finished.path("ended_at").asText()))
                .as("MCP answered before warming ended")
                .isAfter(firstAnswer);
        assertThat(finished.path("steps").get(0).path("exit_status").asText())
                .isEqualTo("WARMED=6 FRESH=0 FAILED=0 TOTAL=6");
        assertThat(cacheState(call(client, "folder_get_tree", Map.of("account_id", "demo"))))
                .isEqualTo("fresh");
        assertThat(cacheState(
                        call(client, "email_list", Map.of("account_id", "demo2", "folder", "inbox", "limit", 50))))
                .isEqualTo("fresh");
        assertThat(readinessCheck("cache-warming").path("data").path("status").asText())
                .isEqualTo("COMPLETED");
        assertListensOnLoopbackOnly();
    }

    /**
     * Once a batch job has run, still only loopback sockets: Payara Micro's batch store (H2) as shipped
     * starts a TCP server on every interface (AUTO_SERVER=TRUE), which the boot commands turn off.
     */
    private void assertListensOnLoopbackOnly() throws IOException {
        assumeTrue(ListeningSockets.available(), "listening sockets are read from Linux's /proc");
        List<InetSocketAddress> listening = ListeningSockets.of(payara.pid());
        assertThat(listening).extracting(InetSocketAddress::getPort).contains(PORT);
        assertThat(listening)
                .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                        .as("%s is loopback after the warming job ran", socket)
                        .isTrue());
    }

    /**
     * The execution the deployment started (nobody else starts one here): it waits until the server is
     * served, so it may appear just after MCP's first answer. Asked without a pause, from MCP's first
     * answer on, so the calls also land while the batch runtime creates the job: each must answer
     * (no run yet, or the run's status), never fail.
     */
    private long awaitStartupExecution() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (int calls = 1; ; calls++) {
            CallToolResult result = call(client, "cache_warming_status", Map.of());
            assertThat(result.isError())
                    .as("cache_warming_status call %d while warming starts answered %s", calls, result.content())
                    .isNotEqualTo(Boolean.TRUE);
            Map<String, Object> answer = structured(result);
            Object id = answer.get("execution_id");
            if (id != null) {
                assertThat(answer.get("status")).as("the first run seen").isIn("STARTING", "STARTED");
                return ((Number) id).longValue();
            }
            assertThat(answer.get("note")).asString().isNotBlank();
            assertThat(Instant.now())
                    .as("no warming execution after deployment")
                    .isBefore(deadline);
        }
    }

    /** One check of {@code /health/ready}, which must answer 200 (UP) as a whole. */
    private JsonNode readinessCheck(String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(payara.root().resolve("/health/ready"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("/health/ready answered %s", response.body())
                .isEqualTo(200);
        for (JsonNode check : json.readTree(response.body()).path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no readiness check " + name + " in " + response.body());
    }
}

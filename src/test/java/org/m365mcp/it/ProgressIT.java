package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * MCP progress notifications over Streamable HTTP: a long call whose request carries a
 * {@code progressToken} tells the client how far it has come, on that call's own stream; a call without
 * one is told nothing. A client's {@code notifications/cancelled} stops a long call's Graph requests, and
 * the session goes on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProgressIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ProgressNotification> received = new CopyOnWriteArrayList<>();
    private McpSyncClient client;

    @BeforeEach
    void connect() {
        client = ItServer.client(base, received::add);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void folderGetTree_withAProgressToken_tellsEachFolderListed_inOrder_onTheCallsOwnStream() throws Exception {
        McpWire wire = new McpWire(base);
        String session = wire.initialize();

        HttpResponse<String> answer = wire.post(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"folder_get_tree\","
                        + "\"arguments\":{\"account_id\":\"demo\",\"max_depth\":10,\"force_refresh\":true},"
                        + "\"_meta\":{\"progressToken\":\"tree-1\"}}}");

        List<JsonNode> messages = McpWire.messages(answer);
        List<JsonNode> progress = messages.stream()
                .filter(m -> "notifications/progress".equals(m.path("method").asText()))
                .toList();
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.path("id").asInt()).as("the call's answer comes last").isEqualTo(7);
        assertThat(last.at("/result/structuredContent/folder_count").asInt()).isGreaterThanOrEqualTo(250);
        assertThat(progress).hasSizeGreaterThan(20).allSatisfy(n -> {
            assertThat(n.at("/params/progressToken").asText()).isEqualTo("tree-1");
            assertThat(n.at("/params/message").asText()).endsWith(" listed");
        });
        List<Double> values =
                progress.stream().map(n -> n.at("/params/progress").asDouble()).toList();
        assertThat(values).as("progress only grows").isSorted().doesNotHaveDuplicates();
    }

    @Test
    void contactExport_withAProgressToken_tellsTheContactsRead_beforeItsAnswer() throws Exception {
        McpWire wire = new McpWire(base);
        String session = wire.initialize();

        List<JsonNode> messages = McpWire.messages(wire.post(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"contact_export\","
                        + "\"arguments\":{\"account_id\":\"demo\",\"file_name\":\"progress-it.vcf\",\"overwrite\":true},"
                        + "\"_meta\":{\"progressToken\":8}}}"));

        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.at("/result/isError").asBoolean()).as(last.toString()).isFalse();
        int count = last.at("/result/structuredContent/count").asInt();
        assertThat(messages.subList(0, messages.size() - 1))
                .isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.path("method").asText()).isEqualTo("notifications/progress");
                    assertThat(n.at("/params/progressToken").asInt()).isEqualTo(8);
                    assertThat(n.at("/params/message").asText()).endsWith(" contacts read");
                })
                .last()
                .satisfies(n -> assertThat(n.at("/params/progress").asInt()).isLessThanOrEqualTo(count));
    }

    @Test
    void aCancelledFolderTree_stopsAskingGraph_andTheSessionsNextCallIsAnsweredNormally() throws Exception {
        McpWire wire = new McpWire(base);
        SandboxAdmin sandbox = new SandboxAdmin(base);
        String session = wire.initialize();
        List<JsonNode> stream = new CopyOnWriteArrayList<>();
        CountDownLatch underway = new CountDownLatch(3);
        sandbox.latency(300);
        sandbox.resetRequests();
        long listedBeforeCancel = -1;
        try {
            CompletableFuture<Void> tree = wire.postStreaming(
                    session,
                    "{\"jsonrpc\":\"2.0\",\"id\":\"tree-2\",\"method\":\"tools/call\",\"params\":"
                            + "{\"name\":\"folder_get_tree\",\"arguments\":{\"account_id\":\"demo\",\"max_depth\":10,"
                            + "\"force_refresh\":true},\"_meta\":{\"progressToken\":\"tree-2\"}}}",
                    message -> {
                        stream.add(message);
                        underway.countDown();
                    });
            assertThat(underway.await(30, TimeUnit.SECONDS))
                    .as("three folders listed")
                    .isTrue();

            HttpResponse<String> cancel = wire.post(
                    session,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                            + "\"params\":{\"requestId\":\"tree-2\",\"reason\":\"the user gave up\"}}");
            assertThat(cancel.statusCode()).isEqualTo(202);

            tree.get(30, TimeUnit.SECONDS);
            Thread.sleep(1_000); // listings already sent when the cancellation came end within the latency
            long settled = sandbox.graphRequests();
            Thread.sleep(2_000);
            assertThat(sandbox.graphRequests())
                    .as("no Graph request after the cancellation")
                    .isEqualTo(settled);
            JsonNode answer = stream.get(stream.size() - 1);
            assertThat(answer.path("id").asText()).isEqualTo("tree-2");
            assertThat(answer.at("/result/isError").asBoolean()).isTrue();
            assertThat(answer.at("/result/content/0/text").asText()).contains("cancelled by the client");
        } finally {
            sandbox.latency(0);
        }

        sandbox.resetRequests();
        HttpResponse<String> next = wire.post(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":\"tree-3\",\"method\":\"tools/call\",\"params\":{\"name\":\"folder_get_tree\","
                        + "\"arguments\":{\"account_id\":\"demo\",\"max_depth\":10,\"force_refresh\":true}}}");
        JsonNode answer = McpWire.messages(next).get(0);
        assertThat(answer.at("/result/isError").asBoolean())
                .as(answer.toString())
                .isFalse();
        assertThat(answer.at("/result/structuredContent/folder_count").asInt()).isGreaterThanOrEqualTo(250);
        assertThat(listedBeforeCancel)
                .as("the cancelled tree listed fewer folders than a whole one")
                .isLessThan(sandbox.requestsEndingWith("/children"));
    }

    @Test
    void aCallWithoutAProgressToken_isToldNothing() {
        CallToolResult tree = client.callTool(new CallToolRequest(
                "folder_get_tree", Map.of("account_id", "demo", "max_depth", 10, "force_refresh", true)));

        assertThat(tree.isError()).isFalse();
        assertThat(received).isEmpty();
    }
}

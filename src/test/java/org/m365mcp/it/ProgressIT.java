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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * one is told nothing.
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

        List<JsonNode> messages = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (line.startsWith("data:") && !line.substring(5).isBlank()) {
                messages.add(JSON.readTree(line.substring(5)));
            }
        }
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
    void aCallWithoutAProgressToken_isToldNothing() {
        CallToolResult tree = client.callTool(new CallToolRequest(
                "folder_get_tree", Map.of("account_id", "demo", "max_depth", 10, "force_refresh", true)));

        assertThat(tree.isError()).isFalse();
        assertThat(received).isEmpty();
    }
}

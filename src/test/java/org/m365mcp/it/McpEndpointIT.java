package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MCP edge on Payara Micro: Origin/Host and token checks, the tool catalogue, argument errors. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpEndpointIT {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ItServer.mcpUri(base))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void post_fromForeignOrigin_isForbidden() throws Exception {
        HttpResponse<String> response = post("Origin", "http://evil.example", "Authorization", "Bearer " + ItServer.TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void post_fromLoopbackOrigin_withToken_initializes() throws Exception {
        HttpResponse<String> response = post("Origin", "http://localhost:3000", "Authorization", "Bearer " + ItServer.TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"serverInfo\"").contains("m365-mcp");
    }

    @Test
    void post_withoutToken_isUnauthorized() throws Exception {
        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain(ItServer.TOKEN);
    }

    @Test
    void post_withWrongToken_isUnauthorized() throws Exception {
        assertThat(post("Authorization", "Bearer it-secret-tokem").statusCode()).isEqualTo(401);
    }

    @Test
    void listTools_describesEmailListWithSchemaAndAnnotations() {
        McpSyncClient client = ItServer.client(base);
        try {
            List<Tool> tools = client.listTools().tools();
            Tool emailList = tools.stream().filter(t -> t.name().equals("email_list")).findFirst().orElseThrow();

            assertThat(tools).extracting(Tool::name).contains("email_list", "cache_get_stats");
            assertThat(emailList.inputSchema().get("required")).isEqualTo(List.of("account_id"));
            assertThat(properties(emailList)).containsOnlyKeys("account_id", "folder", "limit", "skip",
                    "include_body", "use_cache", "force_refresh");
            assertThat(properties(emailList).get("limit"))
                    .isEqualTo(Map.of("type", "integer", "description", "Most messages to return", "minimum", 1,
                            "maximum", 200, "default", 25));
            assertThat(emailList.annotations().readOnlyHint()).isTrue();
            assertThat(emailList.annotations().destructiveHint()).isFalse();
            assertThat(emailList.annotations().openWorldHint()).isTrue();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void callTool_withBadArguments_returnsToolErrorsNamingTheArgument() {
        McpSyncClient client = ItServer.client(base);
        try {
            // The SDK checks arguments against the published JSON Schema before the tool runs.
            assertThat(errorText(call(client, "email_list", Map.of("account_id", "demo", "limit", "abc"))))
                    .contains("/limit").contains("integer expected");
            assertThat(errorText(call(client, "email_list", Map.of("account_id", "demo", "limit", 5000))))
                    .contains("/limit").contains("200");
            assertThat(errorText(call(client, "email_list", Map.of()))).contains("account_id");
            assertThat(errorText(call(client, "email_list", Map.of("account_id", "nobody"))))
                    .startsWith("Invalid argument 'account_id': no signed-in account 'nobody'");
            assertThat(errorText(call(client, "email_list", Map.of("account_id", "demo", "folder", "../x"))))
                    .startsWith("Invalid argument 'folder'");
            assertThat(errorText(call(client, "email_list", Map.of("account_id", "demo", "folder", "nosuchfolder"))))
                    .isEqualTo("Invalid argument 'folder': no mail folder 'nosuchfolder'");
            assertThat(call(client, "email_list", Map.of("account_id", "demo", "limit", 3)).isError())
                    .as("the server keeps working after bad input").isFalse();
        } finally {
            client.closeGracefully();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Tool tool) {
        return (Map<String, Object>) tool.inputSchema().get("properties");
    }

    private static String errorText(CallToolResult result) {
        assertThat(result.isError()).isTrue();
        return ((TextContent) result.content().get(0)).text();
    }
}

package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.McpWire.BOTH;
import static org.m365mcp.it.McpWire.JSON;
import static org.m365mcp.it.McpWire.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MCP edge on Payara Micro: Origin/Host and token checks, the tool catalogue, argument errors, and
 * every malformed message answered as JSON-RPC with the transport's HTTP status (a fuzz run included).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class McpEndpointIT {

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
                .POST(HttpRequest.BodyPublishers.ofString(McpWire.INITIALIZE));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void post_fromForeignOrigin_isForbidden() throws Exception {
        HttpResponse<String> response =
                post("Origin", "http://evil.example", "Authorization", "Bearer " + ItServer.TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(error(response).path("error").path("code").asInt()).isEqualTo(-32000);
    }

    @Test
    void post_fromLoopbackOrigin_withToken_initializes() throws Exception {
        HttpResponse<String> response =
                post("Origin", "http://localhost:3000", "Authorization", "Bearer " + ItServer.TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"serverInfo\"").contains("m365-mcp");
    }

    @Test
    void post_withoutToken_isUnauthorized() throws Exception {
        HttpResponse<String> response = post();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain(ItServer.TOKEN);
        assertThat(error(response).path("error").path("code").asInt()).isEqualTo(-32000);
    }

    @Test
    void post_withWrongToken_isUnauthorized() throws Exception {
        assertThat(post("Authorization", "Bearer it-secret-tokem").statusCode()).isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listTools_describesEmailListWithSchemaAndAnnotations() {
        McpSyncClient client = ItServer.client(base);
        try {
            List<Tool> tools = client.listTools().tools();
            Tool emailList = tools.stream()
                    .filter(t -> t.name().equals("email_list"))
                    .findFirst()
                    .orElseThrow();

            assertThat(tools).extracting(Tool::name).contains("email_list", "cache_get_stats");
            assertThat(emailList.inputSchema().get("required")).isEqualTo(List.of("account_id"));
            assertThat(properties(emailList))
                    .containsOnlyKeys(
                            "account_id", "folder", "limit", "skip", "include_body", "use_cache", "force_refresh");
            assertThat(properties(emailList).get("limit"))
                    .isEqualTo(Map.of(
                            "type",
                            "integer",
                            "description",
                            "Most messages to return",
                            "minimum",
                            1,
                            "maximum",
                            200,
                            "default",
                            25));
            assertThat(tools)
                    .as("every tool declares an object outputSchema")
                    .allSatisfy(tool -> assertThat(tool.outputSchema()).containsEntry("type", "object"));
            assertThat((Map<String, Object>) emailList.outputSchema().get("properties"))
                    .containsKeys("account_id", "messages", "cache");
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
                    .contains("/limit")
                    .contains("integer expected");
            assertThat(errorText(call(client, "email_list", Map.of("account_id", "demo", "limit", 5000))))
                    .contains("/limit")
                    .contains("200");
            assertThat(errorText(call(client, "email_list", Map.of()))).contains("account_id");
            assertThat(errorText(call(client, "email_list", Map.of("account_id", "nobody"))))
                    .startsWith("Invalid argument 'account_id': no signed-in account 'nobody'");
            assertThat(errorText(call(client, "email_list", Map.of("account_id", "demo", "folder", "../x"))))
                    .startsWith("Invalid argument 'folder'");
            assertThat(errorText(call(client, "email_list", Map.of("account_id", "demo", "folder", "nosuchfolder"))))
                    .isEqualTo("Invalid argument 'folder': no mail folder 'nosuchfolder'");
            assertThat(call(client, "email_list", Map.of("account_id", "demo", "limit", 3))
                            .isError())
                    .as("the server keeps working after bad input")
                    .isFalse();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void post_withoutSession_isBadRequestWithJsonRpcErrorCarryingTheId() throws Exception {
        HttpResponse<String> response = wire().post(null, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = error(response);
        assertThat(body.path("id").asInt()).isEqualTo(7);
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32000);
        assertThat(body.path("error").path("message").asText()).contains("Mcp-Session-Id");
        assertThat(response.body()).hasSizeLessThan(300);
    }

    @Test
    void post_transportMistakes_answerJsonRpcErrorsWithTheSpecsStatus() throws Exception {
        McpWire wire = wire();
        String session = wire.initialize();
        String list = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}";

        assertErrorAnswer(wire.post(session, "{\"jsonrpc\":\"2.0\","), 400, -32700, null);
        assertErrorAnswer(
                wire.send("POST", list, "Content-Type", "text/plain", "Accept", BOTH, "Mcp-Session-Id", session),
                415,
                -32000,
                7);
        assertErrorAnswer(wire.send("POST", list, "Content-Type", JSON, "Mcp-Session-Id", session), 406, -32000, 7);
        assertErrorAnswer(wire.send("POST", McpWire.INITIALIZE, "Content-Type", JSON, "Accept", JSON), 406, -32000, 1);
        assertErrorAnswer(wire.post("no-such-session", list), 404, -32001, 7);
        assertErrorAnswer(
                wire.send("GET", null, "Accept", "text/event-stream", "Mcp-Session-Id", "no-such-session"),
                404,
                -32001,
                null);
        assertErrorAnswer(wire.send("DELETE", null, "Mcp-Session-Id", "no-such-session"), 404, -32001, null);
        assertErrorAnswer(wire.send("DELETE", null), 400, -32000, null);
        assertErrorAnswer(wire.send("PUT", list, "Content-Type", JSON, "Mcp-Session-Id", session), 405, -32000, null);
        assertErrorAnswer(wire.send("POST", list, "Content-Type", JSON, "Accept", BOTH), 400, -32000, 7);
    }

    @Test
    void post_clientMistakesInsideASession_are4xxJsonRpcErrorsNot500() throws Exception {
        McpWire wire = wire();
        String session = wire.initialize();

        assertErrorAnswer(wire.post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"), 400, -32600, 1);
        assertErrorAnswer(
                wire.post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":[1,2]}"),
                400,
                -32602,
                2);
        assertErrorAnswer(
                wire.post(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":\"x\"}"),
                400,
                -32602,
                3);
        assertErrorAnswer(
                wire.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\","
                                + "\"params\":{\"name\":\"server_get_version\",\"arguments\":[1]}}"),
                400,
                -32602,
                4);
        assertErrorAnswer(
                wire.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\","
                                + "\"params\":{\"name\":\"server_get_version\",\"arguments\":\"x\"}}"),
                400,
                -32602,
                5);
        assertErrorAnswer(wire.post(session, "null"), 400, -32600, null);
        assertThat(callVersion(wire, session)).as("the session still serves").contains("m365-mcp");
    }

    @Test
    void post_lenientJsonRpc_isRejected() throws Exception {
        McpWire wire = wire();
        String session = wire.initialize();

        assertErrorAnswer(
                wire.post(session, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"} garbage"),
                400,
                -32700,
                null);
        assertErrorAnswer(
                wire.post(session, "{\"jsonrpc\":\"1.0\",\"id\":8,\"method\":\"tools/list\"}"), 400, -32600, 8);
        assertErrorAnswer(
                wire.send(
                        "POST",
                        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}",
                        "Content-Type",
                        JSON,
                        "Accept",
                        BOTH,
                        "Mcp-Session-Id",
                        session,
                        "MCP-Protocol-Version",
                        "1999-01-01"),
                400,
                -32000,
                9);
        assertThat(wire.send(
                                "POST",
                                "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\"}",
                                "Content-Type",
                                JSON,
                                "Accept",
                                BOTH,
                                "Mcp-Session-Id",
                                session,
                                "MCP-Protocol-Version",
                                "2025-06-18")
                        .statusCode())
                .as("a supported version passes")
                .isEqualTo(200);
    }

    @Test
    void post_unknownMethod_isJsonRpcMethodNotFound() throws Exception {
        McpWire wire = wire();
        HttpResponse<String> response =
                wire.post(wire.initialize(), "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"nope/nope\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":11").contains("\"code\":-32601");
    }

    @Test
    void fuzz_thousandMalformedMessages_noServerErrorNoInternalsThenStillServes() throws Exception {
        McpWire wire = wire();
        String session = wire.initialize();
        List<String> violations = new ArrayList<>();

        for (MalformedMessages.Message message : new MalformedMessages(14L, session).draw(1_200)) {
            HttpResponse<String> response = wire.send(message.verb(), message.body(), message.headerArray());
            String violation = McpWire.violation(response);
            if (violation != null) {
                violations.add(violation + " <- " + message + " -> " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(response.body().length(), 200)));
            }
        }

        assertThat(violations).isEmpty();
        assertThat(callVersion(wire, session))
                .as("the fuzzed session still serves")
                .contains("m365-mcp");
        McpSyncClient client = ItServer.client(base);
        try {
            assertThat(call(client, "server_get_version", Map.of()).isError()).isFalse();
        } finally {
            client.closeGracefully();
        }
    }

    private McpWire wire() {
        return new McpWire(base);
    }

    private static String callVersion(McpWire wire, String session) throws Exception {
        HttpResponse<String> response = wire.post(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"server_get_version\",\"arguments\":{}}}");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void assertErrorAnswer(HttpResponse<String> response, int status, int code, Integer id)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = error(response);
        assertThat(body.path("error").path("code").asInt()).as(response.body()).isEqualTo(code);
        if (id == null) {
            assertThat(body.path("id").isNull()).as(response.body()).isTrue();
        } else {
            assertThat(body.path("id").asInt()).as(response.body()).isEqualTo(id);
        }
        assertThat(McpWire.violation(response)).isNull();
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

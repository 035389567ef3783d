package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presets, allow/deny patterns and read-only mode together, over MCP with the SDK's client, on a Payara
 * Micro of its own (the shared IT server lists every tool): {@code M365_MCP_TOOLS=mail,files,account},
 * an allow list that leaves out {@code folder_get}, a deny pattern on the inbox-rule tools, read-only.
 */
class ToolPresetsIT {

    private static final int PORT = Integer.getInteger("it.tools.port", 18086);
    private static final Path WORK = Path.of("target", "it-tools");

    private static MicroProcess payara;
    private static McpSyncClient client;

    @BeforeAll
    static void startServer() throws Exception {
        payara = MicroLauncher.on(PORT, WORK)
                .freshWork()
                .env(Map.of(
                        "M365_MCP_TOOLS", "mail,files,account",
                        "M365_MCP_TOOLS_ALLOW", "email.*,search_emails,file_.*,folder_list,account_.*,server_.*",
                        "M365_MCP_TOOLS_DENY", "emailrules_.*",
                        "M365_MCP_READ_ONLY", "true"))
                .store()
                .noWarming()
                .awaitMcp();
        client = ItServer.client(payara.root().toURL());
    }

    @AfterAll
    static void stopServer() {
        MicroLauncher.stop(client, payara);
    }

    @Test
    void toolsList_onlyTheChosenAreasReads_allowedAndNotDenied_plusTheAccountTools() {
        List<Tool> tools = client.listTools().tools();
        List<String> names = tools.stream().map(Tool::name).toList();

        assertThat(names)
                .contains(
                        "email_list",
                        "email_get",
                        "emailfolders_list",
                        "search_emails",
                        "file_list",
                        "file_get",
                        "folder_list",
                        "account_list",
                        "account_authenticate",
                        "account_sign_out",
                        "server_get_version");
        assertThat(names)
                .doesNotContain(
                        "email_send",
                        "email_delete",
                        "file_delete",
                        "emailrules_list",
                        "folder_get",
                        "calendar_list_events",
                        "contact_list",
                        "cache_get_stats",
                        "search_unified");
        assertThat(tools)
                .allMatch(tool -> Boolean.TRUE.equals(tool.annotations().readOnlyHint())
                        || tool.name().startsWith("account_"));
    }

    @Test
    void callTool_writeByName_refusedAsReadOnly() {
        CallToolResult refused = call(
                client,
                "email_send",
                Map.of("account_id", "demo", "to", List.of("a@b.example"), "subject", "x", "body", "y"));

        assertThat(refused.isError()).isTrue();
        assertThat(text(refused))
                .isEqualTo("email_send changes data and this server is read-only"
                        + " (M365_MCP_READ_ONLY=true): it offers only tools that read");
    }

    @Test
    void callTool_outsideTheAreasOrDenied_refusedSayingWhy() {
        assertThat(text(call(client, "calendar_list_events", Map.of("account_id", "demo"))))
                .isEqualTo("calendar_list_events is not offered by this server: its area 'calendar' is not among"
                        + " M365_MCP_TOOLS (mail, files, account)");
        assertThat(text(call(client, "emailrules_list", Map.of("account_id", "demo"))))
                .isEqualTo("emailrules_list is not offered by this server: M365_MCP_TOOLS_DENY excludes it");
        assertThat(text(call(client, "folder_get", Map.of("account_id", "demo"))))
                .isEqualTo("folder_get is not offered by this server: it matches none of M365_MCP_TOOLS_ALLOW");
    }

    @Test
    void callTool_offeredRead_servedAndCached() {
        Map<String, Object> arguments = Map.of("account_id", "demo", "folder", "inbox", "limit", 3);

        assertThat(cacheState(call(client, "email_list", arguments))).isIn("miss", "fresh");
        assertThat(cacheState(call(client, "email_list", arguments))).isEqualTo("fresh");
    }

    @Test
    void readiness_countsTheListedTools() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(payara.root().resolve("/health/ready"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body())
                .contains("\"tools\":\"" + client.listTools().tools().size() + "\"");
    }

    static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }
}

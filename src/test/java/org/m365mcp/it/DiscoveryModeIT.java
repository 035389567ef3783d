package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;
import static org.m365mcp.it.ToolPresetsIT.text;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discovery mode over MCP with the SDK's client, on a Payara Micro of its own:
 * {@code M365_MCP_TOOL_MODE=discovery} with {@code M365_MCP_TOOLS=mail,account} and a deny pattern, so the
 * selection's refusals are seen through {@code tool_call} too.
 */
class DiscoveryModeIT {

    private static final int PORT = Integer.getInteger("it.discovery.port", 18087);

    private static MicroProcess payara;
    private static McpSyncClient client;

    @BeforeAll
    static void startServer() throws Exception {
        payara = MicroLauncher.on(PORT, Path.of("target", "it-discovery"))
                .freshWork()
                .env(Map.of(
                        "M365_MCP_TOOL_MODE", "discovery",
                        "M365_MCP_TOOLS", "mail,account",
                        "M365_MCP_TOOLS_DENY", "emailfolders_empty"))
                .store()
                .noWarming()
                .awaitMcp();
        client = ItServer.client(payara.root().toURL());
    }

    @AfterAll
    static void stopServer() {
        MicroLauncher.stop(client, payara);
    }

    private static CallToolResult through(String tool, Map<String, Object> arguments) {
        return call(client, "tool_call", Map.of("name", tool, "arguments", arguments));
    }

    @Test
    void toolsList_threeTools() {
        assertThat(client.listTools().tools())
                .extracting(Tool::name)
                .containsExactlyInAnyOrder("tool_find", "tool_describe", "tool_call");
    }

    @Test
    @SuppressWarnings("unchecked")
    void toolFind_ranksTheOfferedToolsOnly() {
        List<Map<String, Object>> found =
                (List<Map<String, Object>>) structured(call(client, "tool_find", Map.of("query", "list my emails")))
                        .get("tools");
        List<Map<String, Object>> calendar = (List<Map<String, Object>>)
                structured(call(client, "tool_find", Map.of("query", "calendar events free busy", "limit", 30)))
                        .get("tools");

        assertThat(found.get(0)).containsEntry("name", "email_list");
        assertThat(calendar)
                .extracting(hit -> (String) hit.get("name"))
                .noneMatch(name -> name.startsWith("calendar_"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void toolDescribe_givesTheInputSchema() {
        Map<String, Object> described = structured(call(client, "tool_describe", Map.of("name", "email_list")));

        assertThat((Map<String, Object>) ((Map<String, Object>) described.get("inputSchema")).get("properties"))
                .containsKeys("account_id", "folder", "limit");
    }

    @Test
    @SuppressWarnings("unchecked")
    void toolCall_usesTheCache() {
        Map<String, Object> arguments = Map.of("account_id", "demo", "folder", "inbox", "limit", 4);

        Map<String, Object> first = structured(through("email_list", arguments));
        Map<String, Object> second = structured(through("email_list", arguments));

        assertThat(((Map<String, Object>) first.get("cache")).get("state")).isEqualTo("miss");
        assertThat(((Map<String, Object>) second.get("cache")).get("state")).isEqualTo("fresh");
        assertThat((List<Object>) second.get("messages")).hasSize(4);
    }

    @Test
    void toolCall_argumentsCheckedAgainstTheSchema_errorNamesTheTool() {
        CallToolResult invalid = through("email_list", Map.of("account_id", "demo", "limit", "many"));

        assertThat(invalid.isError()).isTrue();
        assertThat(text(invalid)).contains("email_list").contains("limit");
    }

    @Test
    @SuppressWarnings("unchecked")
    void toolCall_destructiveWithoutConfirm_refusedNamingToolAndConfirm() {
        List<Map<String, Object>> messages = (List<Map<String, Object>>)
                structured(through("email_list", Map.of("account_id", "demo", "folder", "inbox", "limit", 1)))
                        .get("messages");
        CallToolResult refused = through(
                "email_delete",
                Map.of("account_id", "demo", "message_id", messages.get(0).get("id"), "permanent", true));

        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).startsWith("email_delete: ").contains("confirm");
    }

    @Test
    void toolCall_outsideTheSelection_refusedSayingWhy() {
        assertThat(text(through("calendar_list_events", Map.of("account_id", "demo"))))
                .isEqualTo("calendar_list_events is not offered by this server: its area 'calendar' is not among"
                        + " M365_MCP_TOOLS (mail, account)");
        assertThat(text(through("emailfolders_empty", Map.of("account_id", "demo", "folder", "junkemail"))))
                .isEqualTo("emailfolders_empty is not offered by this server: M365_MCP_TOOLS_DENY excludes it");
        assertThat(text(through("email_sned", Map.of())))
                .isEqualTo("No tool is named 'email_sned'; tool_find finds tools by words");
    }
}

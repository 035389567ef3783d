package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mcp.config.AnswerJson;

/**
 * Discovery mode's three tools over the real catalogue: ranking, describing, and calling through the
 * SDK's JSON Schema validator and the selection; the call itself is recorded instead of reaching Graph.
 */
class DiscoveryToolsTest {

    private final ToolCatalog catalog = new ToolCatalog(
            ToolReferenceTest.tools(), new ToolSchemaFactory(new ArgumentBinder(), AnswerJson.mapper()));
    private final List<String> invoked = new ArrayList<>();
    private Map<String, Object> lastArguments;
    private final ToolResultMapper results = new ToolResultMapper(new ObjectMapper());

    private DiscoveryTools discovery(ToolSelection selection) {
        return new DiscoveryTools(
                catalog, selection, McpJsonDefaults.getSchemaValidator(), results, (tool, arguments) -> {
                    invoked.add(tool.name());
                    lastArguments = arguments;
                    return selection
                            .refusal(tool)
                            .map(results::error)
                            .orElseGet(() -> results.success(Map.of("ok", true)));
                });
    }

    private static ToolSelection selection(String areas, boolean readOnly) {
        return new ToolSelection(
                ToolSelection.areas(List.of(areas.split(","))), List.of(), List.of(), readOnly, ToolMode.DISCOVERY);
    }

    @SuppressWarnings("unchecked")
    private static List<String> found(CallToolResult result) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) result.structuredContent()).get("tools"))
                .stream().map(hit -> (String) hit.get("name")).toList();
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void find_ranksByNameDescriptionAndParameters() {
        DiscoveryTools tools = discovery(ToolSelection.defaults());

        assertThat(found(tools.find(Map.of("query", "list my emails", "limit", 3))))
                .first()
                .isEqualTo("email_list");
        assertThat(found(tools.find(Map.of("query", "free busy availability of people"))))
                .first()
                .isIn("calendar_get_free_busy", "calendar_check_availability");
        assertThat(found(tools.find(Map.of("query", "move a file to another folder", "limit", 3))))
                .contains("file_move");
        assertThat(found(tools.find(Map.of("query", "delete an inbox rule", "limit", 3))))
                .contains("emailrules_delete");
        assertThat(found(tools.find(Map.of("query", "zzz qqq")))).isEmpty();
    }

    @Test
    void find_readOnlyMail_neverFindsWhatTheSelectionRefuses() {
        DiscoveryTools tools = discovery(selection("mail,account", true));

        List<String> names =
                found(tools.find(Map.of("query", "send delete move email calendar event file", "limit", 30)));

        assertThat(names)
                .isNotEmpty()
                .contains("email_list")
                .doesNotContain("email_send", "email_delete", "email_move", "calendar_list_events", "file_list");
    }

    @Test
    @SuppressWarnings("unchecked")
    void describe_givesTheFullInputSchemaAndHints() {
        CallToolResult described = discovery(ToolSelection.defaults()).describe(Map.of("name", "email_list"));

        Map<String, Object> tool = (Map<String, Object>) described.structuredContent();
        assertThat(tool).containsEntry("name", "email_list");
        assertThat((Map<String, Object>) ((Map<String, Object>) tool.get("inputSchema")).get("properties"))
                .containsKeys("account_id", "folder", "limit", "use_cache");
        assertThat((Map<String, Object>) tool.get("annotations")).containsEntry("readOnlyHint", true);
    }

    @Test
    void describe_refusedOrUnknown_sayWhy() {
        DiscoveryTools tools = discovery(selection("mail", true));

        assertThat(text(tools.describe(Map.of("name", "email_send"))))
                .startsWith("email_send changes data and this" + " server is read-only");
        assertThat(text(tools.describe(Map.of("name", "email_sned"))))
                .isEqualTo("No tool is named 'email_sned'; tool_find finds tools by words");
    }

    @Test
    void call_argumentsAgainstTheSchema_refusedBeforeTheToolRuns_andTheErrorNamesIt() {
        DiscoveryTools tools = discovery(ToolSelection.defaults());

        CallToolResult wrongType =
                tools.call(Map.of("name", "email_list", "arguments", Map.of("account_id", "demo", "limit", true)));
        CallToolResult unknownArgument =
                tools.call(Map.of("name", "email_list", "arguments", Map.of("account_id", "demo", "limt", 3)));

        assertThat(wrongType.isError()).isTrue();
        assertThat(text(wrongType)).contains("email_list").contains("limit");
        assertThat(text(unknownArgument)).contains("email_list").contains("limt");
        assertThat(invoked).isEmpty();
    }

    @Test
    void call_valid_invokesTheTool() {
        CallToolResult result = discovery(ToolSelection.defaults())
                .call(Map.of("name", "email_list", "arguments", Map.of("account_id", "demo", "limit", 5)));

        assertThat(result.isError()).isFalse();
        assertThat(invoked).containsExactly("email_list");
        assertThat(lastArguments).isEqualTo(Map.of("account_id", "demo", "limit", 5));
    }

    @Test
    void call_readOnly_refusesAWriteByName() {
        CallToolResult refused = discovery(selection("mail,account", true))
                .call(Map.of("name", "email_send", "arguments", Map.of("account_id", "demo")));

        assertThat(refused.isError()).isTrue();
        assertThat(text(refused))
                .isEqualTo("email_send changes data and this server is read-only"
                        + " (M365_MCP_READ_ONLY=true): it offers only tools that read");
    }
}

package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.m365mcp.config.AnswerJson;

/** Areas, allow/deny patterns and read-only mode over the real catalogue ({@link ToolReferenceTest#tools()}). */
class ToolSelectionTest {

    private final ToolCatalog catalog = new ToolCatalog(
            ToolReferenceTest.tools(), new ToolSchemaFactory(new ArgumentBinder(), AnswerJson.mapper()));

    private static ToolSelection selection(String areas, List<String> allow, List<String> deny, boolean readOnly) {
        return new ToolSelection(
                ToolSelection.areas(List.of(areas.split(","))),
                allow.stream().map(Pattern::compile).toList(),
                deny.stream().map(Pattern::compile).toList(),
                readOnly,
                ToolMode.DIRECT);
    }

    private List<String> listed(ToolSelection selection) {
        return catalog.listed(selection).stream().map(McpSchema.Tool::name).toList();
    }

    @Test
    void area_everyToolHasOne_fromItsPackage() {
        assertThat(catalog.tools()).allSatisfy(tool -> assertThat(tool.area()).isNotNull());
        assertThat(catalog.find("email_list").orElseThrow().area()).isEqualTo(ToolArea.MAIL);
        assertThat(catalog.find("file_list").orElseThrow().area()).isEqualTo(ToolArea.FILES);
        assertThat(catalog.find("server_get_version").orElseThrow().area()).isEqualTo(ToolArea.ACCOUNT);
        assertThat(catalog.find("search_unified").orElseThrow().area()).isEqualTo(ToolArea.SEARCH);
    }

    @Test
    void area_everyShippedAreaHasTools_andNoLaterOneDoes() {
        Set<ToolArea> used = EnumSet.noneOf(ToolArea.class);
        catalog.tools().forEach(tool -> used.add(tool.area()));

        assertThat(used).isEqualTo(ToolArea.shippedAreas());
    }

    @Test
    void listed_defaults_everyTool() {
        assertThat(listed(ToolSelection.defaults())).hasSize(catalog.tools().size());
    }

    @Test
    void areas_noneGiven_todaysAreas_andAllIsEveryArea() {
        assertThat(ToolSelection.areas(List.of())).isEqualTo(ToolArea.shippedAreas());
        assertThat(ToolSelection.areas(List.of(" ALL "))).isEqualTo(EnumSet.allOf(ToolArea.class));
    }

    @Test
    void listed_mailAndAccount_onlyTheirTools() {
        List<String> names = listed(selection("mail, account", List.of(), List.of(), false));

        assertThat(names)
                .contains(
                        "email_list",
                        "email_send",
                        "emailfolders_list",
                        "emailrules_list",
                        "search_emails",
                        "account_list",
                        "account_authenticate",
                        "server_get_version");
        assertThat(names)
                .noneMatch(name -> name.startsWith("calendar_")
                        || name.startsWith("file_")
                        || name.startsWith("contact_")
                        || name.startsWith("cache_")
                        || name.equals("search_unified"));
    }

    @Test
    void listed_laterAreaAlone_selectsNothingYet() {
        assertThat(listed(selection("teams,planner", List.of(), List.of(), false)))
                .isEmpty();
    }

    @Test
    void areas_unknownName_listsTheValidOnes() {
        assertThatThrownBy(() -> ToolSelection.areas(List.of("mail", "mial", "drive")))
                .isInstanceOf(ToolSettingsException.class)
                .hasMessage("M365_MCP_TOOLS (m365.mcp.tools) names unknown areas 'mial', 'drive'; valid: mail,"
                        + " calendar, contacts, files, search, cache, account, teams, tasks, notes, sharepoint,"
                        + " planner, people, all");
    }

    @Test
    void listed_allowAndDeny_matchWholeNamesOnTopOfTheAreas() {
        List<String> names = listed(
                selection("mail,files", List.of("email_.*", "file_(list|get)"), List.of("email_(send|delete)"), false));

        assertThat(names)
                .contains("email_list", "email_move", "file_list", "file_get")
                .doesNotContain(
                        "email_send",
                        "email_delete",
                        "emailfolders_list",
                        "file_delete",
                        "file_get_x",
                        "calendar_list_events");
    }

    @Test
    void listed_readOnly_onlyReadsPlusTheAccountTools() {
        List<String> names = listed(selection("all", List.of(), List.of(), true));

        assertThat(names)
                .contains(
                        "email_list",
                        "file_get",
                        "cache_get_stats",
                        "account_list",
                        "account_authenticate",
                        "account_complete_auth",
                        "account_sign_out")
                .doesNotContain(
                        "email_send", "email_delete", "file_delete", "cache_invalidate", "calendar_create_event");
        assertThat(catalog.tools())
                .filteredOn(tool -> names.contains(tool.name()))
                .allMatch(tool -> tool.annotation().readOnly() || tool.area() == ToolArea.ACCOUNT);
    }

    @Test
    void refusal_saysWhyAToolIsNotOffered() {
        ToolSelection readOnlyMail = selection("mail,account", List.of(), List.of("emailrules_.*"), true);

        assertThat(readOnlyMail.refusal(catalog.find("email_send").orElseThrow()))
                .contains("email_send changes data"
                        + " and this server is read-only (M365_MCP_READ_ONLY=true): it offers only tools that read");
        assertThat(readOnlyMail.refusal(catalog.find("file_list").orElseThrow()))
                .contains("file_list is not offered"
                        + " by this server: its area 'files' is not among M365_MCP_TOOLS (mail, account)");
        assertThat(readOnlyMail.refusal(catalog.find("emailrules_list").orElseThrow()))
                .contains("emailrules_list is not offered by this server: M365_MCP_TOOLS_DENY excludes it");
        assertThat(readOnlyMail.refusal(catalog.find("email_list").orElseThrow()))
                .isEmpty();
    }

    @Test
    void mode_unknown_listsTheValidOnes() {
        assertThatThrownBy(() -> ToolMode.parse("lazy"))
                .isInstanceOf(ToolSettingsException.class)
                .hasMessage("M365_MCP_TOOL_MODE (m365.mcp.tool-mode) is 'lazy'; valid: direct, discovery");
        assertThat(ToolMode.parse(" Discovery")).isEqualTo(ToolMode.DISCOVERY);
    }
}

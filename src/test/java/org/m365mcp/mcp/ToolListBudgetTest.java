package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.m365mcp.config.AnswerJson;

/**
 * The token cost of {@code tools/list} — the result's JSON as the server sends it, counted with the
 * o200k_base tokenizer (GPT-4o's) — for each preset and mode, against a budget per row: a tool that
 * grows the list past its budget fails here, and docs/tools.md shows the table
 * ({@link ToolReferenceTest} renders it from {@link #rows()}).
 */
class ToolListBudgetTest {

    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

    /** A setting, what it lists, and the most tokens it may cost. */
    record Row(String setting, ToolSelection selection, int budget) {}

    /**
     * Most tokens a tool may cost on average in the full list (issue 17). The output schemas (issue 18)
     * describe the answer's own fields only to stay within it: 239 with them; 305 when they described
     * every level.
     */
    static final int AVERAGE_BUDGET = 250;

    /** The presets and modes measured, each with its budget (the count when set, plus about a tenth). */
    static List<Row> rows() {
        return List.of(
                new Row("default (all of today's areas)", ToolSelection.defaults(), 22_600),
                new Row("`M365_MCP_READ_ONLY=true`", readOnly(), 9_500),
                area("mail", 8_450),
                area("calendar", 4_700),
                area("contacts", 2_400),
                area("files", 4_200),
                area("search", 900),
                area("cache", 1_250),
                area("account", 830),
                new Row("`M365_MCP_TOOL_MODE=discovery`", discovery(), 500));
    }

    private static Row area(String name, int budget) {
        return new Row(
                "`M365_MCP_TOOLS=" + name + "`",
                new ToolSelection(ToolSelection.areas(List.of(name)), List.of(), List.of(), false, ToolMode.DIRECT),
                budget);
    }

    private static ToolSelection readOnly() {
        return new ToolSelection(ToolArea.shippedAreas(), List.of(), List.of(), true, ToolMode.DIRECT);
    }

    private static ToolSelection discovery() {
        return new ToolSelection(ToolArea.shippedAreas(), List.of(), List.<Pattern>of(), false, ToolMode.DISCOVERY);
    }

    /** The tokens of the {@code tools/list} result the selection makes. */
    static int tokens(ToolCatalog catalog, ToolSelection selection) {
        try {
            String json = JSON.writeValueAsString(new McpSchema.ListToolsResult(catalog.listed(selection), null));
            return O200K.countTokensOrdinary(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ToolCatalog catalog() {
        return new ToolCatalog(
                ToolReferenceTest.tools(), new ToolSchemaFactory(new ArgumentBinder(), AnswerJson.mapper()));
    }

    @Test
    void toolsList_eachPresetAndMode_withinItsBudget() {
        ToolCatalog catalog = catalog();
        Map<String, Integer> over = new LinkedHashMap<>();
        for (Row row : rows()) {
            int tokens = tokens(catalog, row.selection());
            if (tokens > row.budget()) {
                over.put(row.setting(), tokens);
            }
        }
        assertThat(over)
                .as("tools/list over its token budget (setting → tokens); tighten the descriptions"
                        + " or, deliberately, the budget in ToolListBudgetTest.rows()")
                .isEmpty();
    }

    @Test
    void toolsList_fullCatalogue_averagesWithinTheBudgetPerTool() {
        ToolCatalog catalog = catalog();
        ToolSelection everything =
                new ToolSelection(ToolSelection.areas(List.of("all")), List.of(), List.of(), false, ToolMode.DIRECT);

        assertThat(tokens(catalog, everything) / catalog.listed(everything).size())
                .as("average tokens per tool in tools/list")
                .isLessThanOrEqualTo(AVERAGE_BUDGET);
    }

    @Test
    void toolsList_discovery_underTwoThousandTokensWhateverTheCatalogue() {
        ToolSelection everything =
                new ToolSelection(ToolSelection.areas(List.of("all")), List.of(), List.of(), false, ToolMode.DISCOVERY);

        assertThat(tokens(catalog(), everything)).isLessThan(2_000);
        assertThat(catalog().listed(everything))
                .extracting(McpSchema.Tool::name)
                .containsExactly("tool_find", "tool_describe", "tool_call");
    }
}

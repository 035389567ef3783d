package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mcp.config.AnswerJson;

class ToolDescriptionTest {

    /** What the sample tools answer: tool answers are JSON objects. */
    record Sample(String text) {}

    static class SampleTools {
        @McpTool(name = "sample_list", description = "Lists samples.", readOnly = true, idempotent = true)
        public Sample list(
                @ToolParam("Account") String accountId,
                @ToolParam(value = "How many", defaultValue = "25", min = 1, max = 200) int limit,
                @ToolParam(value = "Use cache", defaultValue = "true") boolean useCache,
                @ToolParam(value = "Ratio", defaultValue = "0.5") double ratio) {
            return new Sample(accountId + limit + useCache + ratio);
        }

        @McpTool(name = "sample_update", description = "Updates.")
        public Sample update(
                @ToolParam(value = "Recipients", defaultValue = "") List<String> to,
                @ToolParam(value = "Read or not; unchanged when absent", defaultValue = "") Boolean isRead) {
            return new Sample(to + " " + isRead);
        }

        @McpTool(name = "sample_delete", description = "Deletes.", destructive = true, openWorld = false)
        public Sample delete(@ToolParam("Id") String id, @ToolParam(value = "Big id", defaultValue = "1") long bigId) {
            return new Sample(id + bigId);
        }
    }

    private final ArgumentBinder binder = new ArgumentBinder();
    private final ToolSchemaFactory schemas = new ToolSchemaFactory(binder, AnswerJson.mapper());

    private static ToolMethod tool(String name) throws NoSuchMethodException {
        return switch (name) {
            case "list" ->
                ToolMethod.of(
                        SampleTools.class,
                        SampleTools.class.getMethod("list", String.class, int.class, boolean.class, double.class));
            case "update" ->
                ToolMethod.of(SampleTools.class, SampleTools.class.getMethod("update", List.class, Boolean.class));
            default ->
                ToolMethod.of(SampleTools.class, SampleTools.class.getMethod("delete", String.class, long.class));
        };
    }

    private static Map<String, Object> schema(McpSchema.Tool tool) {
        return tool.inputSchema();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(McpSchema.Tool tool) {
        return (Map<String, Object>) tool.inputSchema().get("properties");
    }

    @Test
    void describe_derivesSchemaFromParameters_requiredUnlessDefaulted() throws Exception {
        McpSchema.Tool described = schemas.describe(tool("list"));

        assertThat(described.name()).isEqualTo("sample_list");
        assertThat(schema(described).get("required")).isEqualTo(java.util.List.of("account_id"));
        assertThat(schema(described).get("additionalProperties")).isEqualTo(false);
        assertThat(properties(described)).containsOnlyKeys("account_id", "limit", "use_cache", "ratio");
        assertThat(properties(described).get("limit"))
                .isEqualTo(Map.of(
                        "type", "integer", "description", "How many", "minimum", 1L, "maximum", 200L, "default", 25));
        assertThat(properties(described).get("use_cache"))
                .isEqualTo(Map.of("type", "boolean", "description", "Use cache", "default", true));
        assertThat(properties(described).get("ratio"))
                .isEqualTo(Map.of("type", "number", "description", "Ratio", "default", 0.5));
    }

    @Test
    void describe_publishesTheHintsAsMcpAnnotations() throws Exception {
        McpSchema.ToolAnnotations read = schemas.describe(tool("list")).annotations();
        McpSchema.ToolAnnotations delete = schemas.describe(tool("delete")).annotations();

        assertThat(read.readOnlyHint()).isTrue();
        assertThat(read.destructiveHint()).isFalse();
        assertThat(read.idempotentHint()).isTrue();
        assertThat(read.openWorldHint()).isTrue();
        assertThat(delete.readOnlyHint()).isFalse();
        assertThat(delete.destructiveHint()).isTrue();
        assertThat(delete.openWorldHint()).isFalse();
    }

    @Test
    void bind_appliesDefaultsAndConvertsTypes() throws Exception {
        Object[] values = binder.bind(tool("list"), Map.of("account_id", "demo", "limit", "50", "use_cache", "false"));

        assertThat(values).containsExactly("demo", 50, false, 0.5);
    }

    @Test
    void bind_accountIdInAnySpelling_isTheCanonicalId() throws Exception {
        for (String spelling : List.of("DEMO", " demo", "Demo ", "\u00a0demo\u2003")) {
            assertThat(binder.bind(tool("list"), Map.of("account_id", spelling))[0])
                    .as(spelling)
                    .isEqualTo("demo");
        }
        assertThat(binder.bind(tool("list"), Map.of("account_id", "Adele.Vance@Contoso.com"))[0])
                .isEqualTo("adele.vance@contoso.com");
    }

    @Test
    void bind_accountIdWithControlOrInvisibleCharacters_isRefusedNamingTheArgument() {
        for (String spelling :
                List.of("demo\u0000", "\u0000demo", "de\nmo", "demo\t", "demo\u007f", "de\u200bmo", "demo\u202e")) {
            assertThatThrownBy(() -> binder.bind(tool("list"), Map.of("account_id", spelling)))
                    .as(spelling)
                    .isInstanceOf(ToolArgumentException.class)
                    .hasMessageStartingWith(
                            "Invalid argument 'account_id': must not contain control or invisible" + " characters")
                    .hasMessageNotContaining("demo");
        }
    }

    @Test
    void bind_longParameter_acceptsWholeDoubles() throws Exception {
        Object[] values = binder.bind(tool("delete"), Map.of("id", "x", "big_id", 3.0e9));

        assertThat(values).containsExactly("x", 3_000_000_000L);
    }

    @Test
    void bind_missingRequired_namesTheArgument() {
        assertThatThrownBy(() -> binder.bind(tool("list"), Map.of()))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessage("Invalid argument 'account_id': is required");
    }

    @Test
    void bind_nullArguments_treatedAsNone() {
        assertThatThrownBy(() -> binder.bind(tool("list"), null))
                .hasMessage("Invalid argument 'account_id': is required");
    }

    @Test
    void bind_wrongTypes_sayWhatWasExpectedAndWhatCame() {
        assertThatThrownBy(() -> binder.bind(tool("list"), Map.of("account_id", 7)))
                .hasMessage("Invalid argument 'account_id': must be a string, got 7");
        assertThatThrownBy(() -> binder.bind(tool("list"), Map.of("account_id", "a", "limit", 2.5)))
                .hasMessage("Invalid argument 'limit': must be a whole number, got 2.5");
        assertThatThrownBy(() -> binder.bind(tool("list"), Map.of("account_id", "a", "use_cache", "yes")))
                .hasMessage("Invalid argument 'use_cache': must be true or false, got \"yes\"");
    }

    @Test
    void bind_outOfRange_namesTheBounds() {
        assertThatThrownBy(() -> binder.bind(tool("list"), Map.of("account_id", "a", "limit", 0)))
                .hasMessage("Invalid argument 'limit': must be between 1 and 200, got 0");
    }

    @Test
    void bind_unknownArgument_listsTheExpectedOnes() {
        Map<String, Object> arguments = new HashMap<>(Map.of("account_id", "a", "limt", 3));

        assertThatThrownBy(() -> binder.bind(tool("list"), arguments))
                .hasMessage("Invalid argument 'limt': is not a parameter of sample_list (expected: account_id, limit,"
                        + " use_cache, ratio)");
    }

    @Test
    void describe_optionalListAndBoolean_haveNoDefault() throws Exception {
        McpSchema.Tool described = schemas.describe(tool("update"));

        assertThat(properties(described).get("to"))
                .isEqualTo(Map.of("type", "array", "items", Map.of("type", "string"), "description", "Recipients"));
        assertThat(properties(described).get("is_read"))
                .as("no default: absent means unchanged")
                .isEqualTo(Map.of("type", "boolean", "description", "Read or not; unchanged when absent"));
        assertThat(schema(described).get("required")).isEqualTo(List.of());
    }

    @Test
    void bind_listParameter_takesAnArrayOrOneString_nullWhenLeftOut() throws Exception {
        assertThat(binder.bind(tool("update"), Map.of("to", List.of("a@x.org", "b@x.org"))))
                .containsExactly(List.of("a@x.org", "b@x.org"), null);
        assertThat(binder.bind(tool("update"), Map.of("to", "a@x.org", "is_read", false)))
                .containsExactly(List.of("a@x.org"), false);
        assertThat(binder.bind(tool("update"), Map.of("to", List.of()))).containsExactly(List.of(), null);
        assertThat(binder.bind(tool("update"), Map.of())).containsExactly(null, null);
    }

    @Test
    void bind_listOfNonStrings_isRejectedNamingTheArgument() {
        assertThatThrownBy(() -> binder.bind(tool("update"), Map.of("to", List.of(1, 2))))
                .hasMessage("Invalid argument 'to': must be an array of strings, got [1, 2]");
    }
}

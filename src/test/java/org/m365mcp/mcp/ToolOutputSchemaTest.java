package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.m365mcp.config.AnswerJson;

/**
 * Every tool declares an {@code outputSchema} with an object at the top, and what it answers conforms to
 * it: for each tool, an answer of its return type filled in every field and one with every nullable
 * field left out ({@link AnswerSamples}) go through {@link ToolResultMapper} as a call's would, and their
 * {@code structuredContent} is checked against the published schema with the validator the SDK checks
 * calls with (server and client); so are discovery mode's three tools. Over MCP, the SDK server checks every real answer the same way and
 * turns a mismatch into a tool error, which the ITs would see.
 */
class ToolOutputSchemaTest {

    private static final ObjectMapper ANSWERS = AnswerJson.mapper();
    private static final JsonSchemaValidator VALIDATOR = McpJsonDefaults.getSchemaValidator();

    private final ToolSchemaFactory schemas = new ToolSchemaFactory(new ArgumentBinder(), ANSWERS);
    private final ToolResultMapper results = new ToolResultMapper(ANSWERS);

    @Test
    @SuppressWarnings("unchecked")
    void everyTool_answersConformToItsDeclaredOutputSchema() {
        List<ToolMethod> tools = ToolReferenceTest.tools();
        Map<String, String> problems = new LinkedHashMap<>();
        for (ToolMethod tool : tools) {
            McpSchema.Tool descriptor = schemas.describe(tool);
            Map<String, Object> schema = descriptor.outputSchema();
            if (schema == null || !"object".equals(schema.get("type"))) {
                problems.put(tool.name(), "no outputSchema with type object: " + schema);
                continue;
            }
            check(problems, tool, schema, "full", AnswerSamples::full);
            check(problems, tool, schema, "sparse", AnswerSamples::sparse);
        }
        discoveryAnswers(tools).forEach((name, answer) -> {
            Map<String, Object> schema = DiscoveryTools.descriptors(ToolSelection.defaults()).stream()
                    .filter(descriptor -> descriptor.name().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .outputSchema();
            JsonSchemaValidator.ValidationResponse response =
                    VALIDATOR.validate(schema, (Map<String, Object>) answer.structuredContent());
            if (Boolean.TRUE.equals(answer.isError()) || !response.valid()) {
                problems.put(name, answer.content() + " " + response.errorMessage());
            }
        });
        assertThat(tools).hasSizeGreaterThan(80);
        assertThat(problems)
                .as("tools whose answer does not match their outputSchema")
                .isEmpty();
    }

    @Test
    void validator_answerOffSchema_isRefused() {
        ToolMethod tool = ToolReferenceTest.tools().stream()
                .filter(t -> t.name().equals("server_get_version"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> schema = schemas.describe(tool).outputSchema();
        Map<String, Object> answer = new LinkedHashMap<>(structured(AnswerSamples.full(returnType(tool))));
        String property = answer.keySet().iterator().next();
        answer.put(property, List.of(1, 2));

        assertThat(VALIDATOR.validate(schema, answer).valid()).isFalse();
    }

    /** What discovery mode's three tools answer, the call reaching a tool that answers a filled answer. */
    private Map<String, McpSchema.CallToolResult> discoveryAnswers(List<ToolMethod> tools) {
        DiscoveryTools discovery = new DiscoveryTools(
                new ToolCatalog(tools, schemas),
                ToolSelection.defaults(),
                VALIDATOR,
                results,
                (tool, arguments) -> results.success(AnswerSamples.full(returnType(tool))));
        return Map.of(
                DiscoveryTools.FIND, discovery.find(Map.of("query", "list my emails")),
                DiscoveryTools.DESCRIBE, discovery.describe(Map.of("name", "email_list")),
                DiscoveryTools.CALL, discovery.call(Map.of("name", "server_get_version", "arguments", Map.of())));
    }

    private void check(
            Map<String, String> problems,
            ToolMethod tool,
            Map<String, Object> schema,
            String kind,
            Function<java.lang.reflect.Type, Object> sample) {
        Map<String, Object> structured = structured(sample.apply(returnType(tool)));
        JsonSchemaValidator.ValidationResponse response = VALIDATOR.validate(schema, structured);
        if (!response.valid()) {
            problems.merge(tool.name(), kind + ": " + response.errorMessage(), (a, b) -> a + "; " + b);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> structured(Object answer) {
        return (Map<String, Object>) results.success(answer).structuredContent();
    }

    private static java.lang.reflect.Type returnType(ToolMethod tool) {
        return tool.method().getGenericReturnType();
    }
}

package org.m365mcp.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.util.ToolInputValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Discovery mode ({@code m365.mcp.tool-mode=discovery}): three tools stand for the whole catalogue —
 * {@value #FIND} ranks the offered tools by words, {@value #DESCRIBE} shows one with its input schema and
 * hints, {@value #CALL} calls one by name.
 *
 * <ul>
 *   <li>Only what the {@link ToolSelection} offers is found, described or called; a refused tool is
 *       answered with why.</li>
 *   <li>{@value #CALL} checks the arguments against the tool's input schema with the validator the SDK
 *       uses for direct calls, then calls it through the same path as a direct call (binder,
 *       interceptors: cache, confirmation, invalidation).</li>
 *   <li>Every error of an inner call starts with the tool's name.</li>
 * </ul>
 */
final class DiscoveryTools {

    static final String FIND = "tool_find";
    static final String DESCRIBE = "tool_describe";
    static final String CALL = "tool_call";
    private static final int DEFAULT_LIMIT = 8;
    /**
     * The output schema of {@value #DESCRIBE} (a descriptor) and {@value #CALL} (whatever the called tool
     * answers, whose own schema {@value #DESCRIBE} shows): any object.
     */
    private static final Map<String, Object> ANY_OBJECT = Map.of("type", "object");

    private final ToolCatalog catalog;
    private final ToolSelection selection;
    private final ToolSearchIndex index;
    private final JsonSchemaValidator validator;
    private final ToolResultMapper results;
    private final BiFunction<ToolMethod, Map<String, Object>, CallToolResult> invoker;

    DiscoveryTools(
            ToolCatalog catalog,
            ToolSelection selection,
            JsonSchemaValidator validator,
            ToolResultMapper results,
            BiFunction<ToolMethod, Map<String, Object>, CallToolResult> invoker) {
        this.catalog = catalog;
        this.selection = selection;
        this.index = new ToolSearchIndex(catalog.offered(selection));
        this.validator = validator;
        this.results = results;
        this.invoker = invoker;
    }

    /** The three descriptors {@code tools/list} shows in discovery mode. */
    static List<McpSchema.Tool> descriptors(ToolSelection selection) {
        String areas =
                selection.areas().stream().sorted().map(ToolArea::configName).collect(Collectors.joining(", "));
        return List.of(
                tool(
                        FIND,
                        "Finds this server's Microsoft 365 tools (" + areas + ") by words, best first. Then " + DESCRIBE
                                + " one for its parameters and " + CALL + " it.",
                        ordered(
                                "query", property("string", "What you want to do, e.g. 'unread mail from Megan'"),
                                "limit",
                                        ordered(
                                                "type",
                                                "integer",
                                                "minimum",
                                                1,
                                                "maximum",
                                                30,
                                                "default",
                                                DEFAULT_LIMIT)),
                        List.of("query"),
                        findOutput(),
                        new McpSchema.ToolAnnotations(null, true, false, true, false, null)),
                tool(
                        DESCRIBE,
                        "One tool's description, input schema and hints (read-only, destructive).",
                        ordered("name", property("string", "Tool name")),
                        List.of("name"),
                        ANY_OBJECT,
                        new McpSchema.ToolAnnotations(null, true, false, true, false, null)),
                tool(
                        CALL,
                        "Calls a tool by name with its arguments (checked against its input schema);"
                                + " answers what the tool answers.",
                        ordered(
                                "name", property("string", "Tool name"),
                                "arguments", property("object", "The tool's arguments")),
                        List.of("name"),
                        ANY_OBJECT,
                        new McpSchema.ToolAnnotations(
                                null, selection.readOnly(), !selection.readOnly(), false, true, null)));
    }

    private static McpSchema.Tool tool(
            String name,
            String description,
            Map<String, Object> properties,
            List<String> required,
            Map<String, Object> outputSchema,
            McpSchema.ToolAnnotations annotations) {
        return McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(new McpSchema.JsonSchema("object", properties, required, false, null, null))
                .outputSchema(outputSchema)
                .annotations(annotations)
                .build();
    }

    /** {@value #FIND}'s answer: the hits and how many tools are offered. */
    private static Map<String, Object> findOutput() {
        Map<String, Object> hit = ordered(
                "type",
                "object",
                "properties",
                ordered(
                        "name",
                        Map.of("type", "string"),
                        "description",
                        Map.of("type", "string"),
                        "read_only",
                        Map.of("type", "boolean")),
                "required",
                List.of("name", "description", "read_only"));
        return ordered(
                "type",
                "object",
                "properties",
                ordered("tools", ordered("type", "array", "items", hit), "offered", Map.of("type", "integer")),
                "required",
                List.of("tools", "offered"));
    }

    private static Map<String, Object> property(String type, String description) {
        return ordered("type", type, "description", description);
    }

    /** A map in the order given, so the listing (and its token count) is the same on every run. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    List<SyncToolSpecification> specifications() {
        Map<String, BiFunction<DiscoveryTools, Map<String, Object>, CallToolResult>> handlers =
                Map.of(FIND, DiscoveryTools::find, DESCRIBE, DiscoveryTools::describe, CALL, DiscoveryTools::call);
        return descriptors(selection).stream()
                .map(descriptor -> new SyncToolSpecification(
                        descriptor,
                        (exchange, request) ->
                                handlers.get(descriptor.name()).apply(this, argumentsOf(request.arguments()))))
                .toList();
    }

    CallToolResult find(Map<String, Object> arguments) {
        String query = String.valueOf(arguments.getOrDefault("query", ""));
        int limit = arguments.get("limit") instanceof Number number ? number.intValue() : DEFAULT_LIMIT;
        List<Map<String, Object>> found = index.search(query, limit).stream()
                .map(tool -> {
                    Map<String, Object> hit = new LinkedHashMap<>();
                    hit.put("name", tool.name());
                    hit.put("description", tool.annotation().description());
                    hit.put("read_only", tool.annotation().readOnly());
                    return hit;
                })
                .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tools", found);
        answer.put("offered", catalog.offered(selection).size());
        return results.success(answer);
    }

    CallToolResult describe(Map<String, Object> arguments) {
        String name = String.valueOf(arguments.get("name"));
        Optional<ToolMethod> tool = catalog.find(name);
        if (tool.isEmpty()) {
            return unknown(name);
        }
        Optional<String> refusal = selection.refusal(tool.get());
        return refusal.isPresent() ? results.error(refusal.get()) : results.success(catalog.describe(tool.get()));
    }

    CallToolResult call(Map<String, Object> arguments) {
        String name = String.valueOf(arguments.get("name"));
        Optional<ToolMethod> tool = catalog.find(name);
        if (tool.isEmpty()) {
            return unknown(name);
        }
        Map<String, Object> inner = argumentsOf(arguments.get("arguments"));
        if (selection.offers(tool.get())) {
            CallToolResult invalid = ToolInputValidator.validate(catalog.describe(tool.get()), inner, true, validator);
            if (invalid != null) {
                return named(name, invalid);
            }
        }
        return named(name, invoker.apply(tool.get(), inner));
    }

    private CallToolResult unknown(String name) {
        return results.error("No tool is named '" + name + "'; " + FIND + " finds tools by words");
    }

    /** The result, its error text starting with the tool's name. */
    private CallToolResult named(String name, CallToolResult result) {
        if (!Boolean.TRUE.equals(result.isError())) {
            return result;
        }
        String text = result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(TextContent.class::cast)
                .map(TextContent::text)
                .collect(Collectors.joining("\n"));
        return results.error(text.startsWith(name) || text.contains("'" + name + "'") ? text : name + ": " + text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> argumentsOf(Object arguments) {
        return arguments instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}

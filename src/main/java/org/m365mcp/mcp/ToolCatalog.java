package org.m365mcp.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every discovered tool with its descriptor, and what {@code tools/list} shows of them for a
 * {@link ToolSelection}. Plain and immutable, so the token budget test measures exactly what the
 * server lists.
 */
final class ToolCatalog {

    private final List<ToolMethod> tools;
    private final ToolSchemaFactory schemas;

    ToolCatalog(List<ToolMethod> tools, ToolSchemaFactory schemas) {
        this.tools =
                tools.stream().sorted(Comparator.comparing(ToolMethod::name)).toList();
        this.schemas = schemas;
    }

    List<ToolMethod> tools() {
        return tools;
    }

    Optional<ToolMethod> find(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    McpSchema.Tool describe(ToolMethod tool) {
        return schemas.describe(tool);
    }

    /** The tools the selection offers, by name. */
    List<ToolMethod> offered(ToolSelection selection) {
        return tools.stream().filter(selection::offers).toList();
    }

    /** What {@code tools/list} answers under the selection: the offered tools, or the discovery tools. */
    List<McpSchema.Tool> listed(ToolSelection selection) {
        if (selection.mode() == ToolMode.DISCOVERY) {
            return DiscoveryTools.descriptors(selection);
        }
        return offered(selection).stream().map(this::describe).toList();
    }

    /**
     * A descriptor for a tool the selection does not offer: never listed, registered only so that a call
     * by name is answered with why it is refused. Its schema takes any object, so the SDK's input
     * check lets the call reach the refusal.
     */
    static McpSchema.Tool unlisted(ToolMethod tool) {
        return McpSchema.Tool.builder()
                .name(tool.name())
                .description(tool.annotation().description())
                .inputSchema(Map.of("type", "object"))
                .build();
    }
}

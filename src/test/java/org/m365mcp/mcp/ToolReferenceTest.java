package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.m365mcp.config.AnswerJson;

/**
 * {@code docs/tools.md} is generated from the tools themselves, so it cannot drift: this test renders it
 * from every {@link McpTool} method of every class under {@code org.m365mcp.tools} (what
 * {@link ToolDiscoveryExtension} would see), described by {@link ToolSchemaFactory} exactly as the server
 * publishes them, and fails when the file differs. {@value #REGENERATE} rewrites it.
 */
class ToolReferenceTest {

    static final String REGENERATE = "mvn test -Dtest=ToolReferenceTest -Dtools.reference.write=true";
    private static final Path DOC = Path.of("docs", "tools.md");
    private static final String TOOLS_PACKAGE = "org.m365mcp.tools";

    @Test
    void toolsMd_matchesTheToolsTheServerPublishes() throws IOException {
        String rendered = render(tools());
        if (Boolean.getBoolean("tools.reference.write")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        String current = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertThat(current)
                .as("docs/tools.md is out of date with the @McpTool methods; regenerate it with: " + REGENERATE)
                .isEqualTo(rendered);
    }

    @Test
    void scan_findsEveryToolBeanOnce_withUniqueNames() {
        List<ToolMethod> tools = tools();

        assertThat(tools)
                .extracting(ToolMethod::name)
                .doesNotHaveDuplicates()
                .contains("email_list", "account_list", "cache_get_stats", "server_get_version");
    }

    /** Every tool method of every class under {@code org.m365mcp.tools} in the compiled classes, by name. */
    static List<ToolMethod> tools() {
        Path root = classesRoot();
        Path tools = root.resolve(TOOLS_PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.walk(tools)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file)
                            .toString()
                            .replace(file.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", ""))
                    .map(ToolReferenceTest::load)
                    .flatMap(type ->
                            ToolDiscoveryExtension.toolMethods(type).stream().map(m -> ToolMethod.of(type, m)))
                    .sorted(Comparator.comparing(ToolMethod::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classesRoot() {
        try {
            return Path.of(McpTool.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ToolReferenceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static String render(List<ToolMethod> tools) {
        ToolSchemaFactory schemas = new ToolSchemaFactory(new ArgumentBinder(), AnswerJson.mapper());
        Map<String, List<ToolMethod>> byArea = tools.stream()
                .collect(Collectors.groupingBy(tool -> tool.area().configName(), TreeMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder();
        out.append("# Tool reference\n\n")
                .append("Generated from the `@McpTool` methods by `ToolReferenceTest`; do not edit by hand.\n")
                .append("Regenerate after changing a tool:\n\n```\n")
                .append(REGENERATE)
                .append("\n```\n\n")
                .append(tools.size())
                .append(" tools. Parameters are JSON (snake_case); a parameter without a")
                .append(" default is required.\n");
        renderBudget(out, new ToolCatalog(tools, schemas));
        byArea.forEach((area, members) -> {
            out.append("\n## ").append(area).append("\n");
            members.forEach(tool -> renderTool(out, schemas.describe(tool)));
        });
        return out.toString();
    }

    /** The token table of {@link ToolListBudgetTest}: what {@code tools/list} costs per preset and mode. */
    private static void renderBudget(StringBuilder out, ToolCatalog catalog) {
        out.append("\n## What the tool list costs\n\n")
                .append("Every client receives `tools/list` on every turn. Its tokens (the result's JSON, o200k_base,")
                .append(" counted with JTokkit by `ToolListBudgetTest`, which fails when a row passes its budget), by")
                .append(
                        " setting ([README](../README.md#choosing-the-tools)); areas and patterns combine, read-only and")
                .append(
                        " discovery apply on top:\n\n| setting | tools listed | tokens | budget |\n|---|---:|---:|---:|\n");
        for (ToolListBudgetTest.Row row : ToolListBudgetTest.rows()) {
            out.append("| ")
                    .append(row.setting())
                    .append(" | ")
                    .append(catalog.listed(row.selection()).size())
                    .append(" | ")
                    .append(String.format(
                            java.util.Locale.ROOT, "%,d", ToolListBudgetTest.tokens(catalog, row.selection())))
                    .append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%,d", row.budget()))
                    .append(" |\n");
        }
        int all = ToolListBudgetTest.tokens(catalog, ToolSelection.defaults());
        out.append("\nOn average a tool costs ")
                .append(all / catalog.listed(ToolSelection.defaults()).size())
                .append(" tokens in the full list (budget ")
                .append(ToolListBudgetTest.AVERAGE_BUDGET)
                .append(").\n")
                .append(
                        "\nAnswers stay compact too: `email_get` and `calendar_get_event` return a long body in parts of")
                .append(
                        " `m365.mcp.answers.max-body-chars` (20,000) characters, with `body_note` and `next_body_offset` to")
                .append(" read the next part by `body_offset`; `file_get` returns a text file's content the same way")
                .append(
                        " (`content_note`, `next_content_offset`, `content_offset`); the answer sizes of the ten most used")
                .append(" reads are in [benchmarks.md](benchmarks.md#answer-sizes).\n");
    }

    @SuppressWarnings("unchecked")
    private static void renderTool(StringBuilder out, McpSchema.Tool tool) {
        out.append("\n### ")
                .append(tool.name())
                .append("\n\n")
                .append(tool.description())
                .append("\n\n");
        McpSchema.ToolAnnotations hints = tool.annotations();
        List<String> traits = new ArrayList<>();
        traits.add(Boolean.TRUE.equals(hints.readOnlyHint()) ? "read-only" : "write");
        if (Boolean.TRUE.equals(hints.destructiveHint())) {
            traits.add("destructive");
        }
        if (Boolean.TRUE.equals(hints.idempotentHint())) {
            traits.add("idempotent");
        }
        traits.add(Boolean.TRUE.equals(hints.openWorldHint()) ? "open world" : "closed world");
        out.append("*").append(String.join(", ", traits)).append("*\n");
        Map<String, Object> schema = tool.inputSchema();
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        if (properties.isEmpty()) {
            out.append("\nNo parameters.\n");
            return;
        }
        out.append("\n| parameter | type | default | range | description |\n|---|---|---|---|---|\n");
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        properties.forEach((name, value) -> {
            Map<String, Object> property = (Map<String, Object>) value;
            String type = String.valueOf(property.get("type"))
                    + (property.containsKey("items")
                            ? " of " + ((Map<String, Object>) property.get("items")).get("type")
                            : "");
            String fallback = required.contains(name)
                    ? "required"
                    : property.containsKey("default") ? "`" + property.get("default") + "`" : "(none)";
            out.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(type)
                    .append(" | ")
                    .append(cell(fallback))
                    .append(" | ")
                    .append(range(property))
                    .append(" | ")
                    .append(cell(String.valueOf(property.get("description"))))
                    .append(" |\n");
        });
    }

    private static String range(Map<String, Object> property) {
        Object min = property.get("minimum");
        Object max = property.get("maximum");
        if (min == null && max == null) {
            return "";
        }
        return (min == null ? "" : min) + "–" + (max == null ? "" : max);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

package org.m365mcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.config.ByteSizeText;

/**
 * Files tools save reach the client as MCP resource links: a tool call's result gets a
 * {@code resource_link} content item per file it saved (after its JSON, which keeps the path), and
 * {@code resources/read} of that link gives the file's bytes to the same session ({@link LinkedFileReader}).
 *
 * <ul>
 *   <li>Applies to every tool specification alike, direct or discovery mode's {@code tool_call}.</li>
 *   <li>{@code resources/list} stays empty: links belong to one session and the SDK lists resources for
 *       all; the links' template shows in {@code resources/templates/list}.</li>
 *   <li>{@value #MAX_READ_PROPERTY} bounds what {@code resources/read} serves (at most 1 GB).</li>
 * </ul>
 */
@ApplicationScoped
public class ResourceLinking {

    static final String MAX_READ_PROPERTY = "m365.mcp.resources.max-read-size";
    private static final long MOST = 1L << 30;

    private final CallFiles files;
    private final ResourceLinks links;
    private final LinkedFileReader reader;

    @Inject
    ResourceLinking(
            CallFiles files, ResourceLinks links, @ConfigProperty(name = MAX_READ_PROPERTY) String maxReadSize) {
        this(files, links, ByteSizeText.parse(MAX_READ_PROPERTY, maxReadSize));
    }

    ResourceLinking(CallFiles files, ResourceLinks links, long maxReadBytes) {
        if (maxReadBytes < 1 || maxReadBytes > MOST) {
            throw new IllegalArgumentException(
                    "Configuration " + MAX_READ_PROPERTY + " must be between 1 byte and 1GB, got " + maxReadBytes);
        }
        this.files = files;
        this.links = links;
        this.reader = new LinkedFileReader(links, maxReadBytes);
    }

    ResourceLinking() {
        // CDI proxy only
        this.files = null;
        this.links = null;
        this.reader = null;
    }

    /** {@code tool} whose successful results link every file the call saved. */
    public SyncToolSpecification linking(SyncToolSpecification tool) {
        return new SyncToolSpecification(tool.tool(), (exchange, request) -> {
            CallFiles.Collected<CallToolResult> call =
                    files.collecting(() -> tool.callHandler().apply(exchange, request));
            CallToolResult result = call.value();
            if (call.files().isEmpty() || Boolean.TRUE.equals(result.isError()) || exchange == null) {
                return result;
            }
            List<McpSchema.Content> content = new ArrayList<>(result.content());
            call.files().forEach(file -> links.issue(exchange.sessionId(), file).ifPresent(content::add));
            return new CallToolResult(content, result.isError(), result.structuredContent(), result.meta());
        });
    }

    /** The template every link matches, with {@code resources/read} of one. */
    public SyncResourceTemplateSpecification downloads() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder()
                .uriTemplate(ResourceLinks.PREFIX + "{id}")
                .name("downloads")
                .title("Files tools saved")
                .description("A file a tool saved for this session (email_get_attachment, contact_export):"
                        + " read the resource_link its result gave")
                .build();
        return new SyncResourceTemplateSpecification(
                template, (exchange, request) -> reader.read(exchange.sessionId(), request.uri()));
    }
}

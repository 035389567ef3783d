package org.m365mcp.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * What an MCP server of this application is on every transport (Streamable HTTP, stdio): its name,
 * version and instructions, the tools capability, the tools with the list filter and the JSON Schema
 * validator of {@link ToolRegistry}, and the resources capability with the template of the links to saved
 * files ({@link ResourceLinking#downloads()}). Each transport adds only how calls reach it.
 */
public final class McpServers {

    private McpServers() {}

    /** {@code transport}'s server with the application's identity, {@code specifications} and {@code downloads}. */
    public static McpSyncServer build(
            McpServer.SyncSpecification<?> transport,
            ServerIdentity identity,
            ToolRegistry tools,
            List<SyncToolSpecification> specifications,
            SyncResourceTemplateSpecification downloads,
            boolean immediateExecution) {
        return transport
                .serverInfo(identity.name(), identity.version())
                .instructions(identity.instructions())
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .resources(false, false)
                        .build())
                .tools(specifications)
                .resourceTemplates(downloads)
                .addToolFilter(tools.listFilter())
                .jsonSchemaValidator(tools.validator())
                .immediateExecution(immediateExecution)
                .build();
    }
}

package org.m365mcp.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * What an MCP server of this application is on every transport (Streamable HTTP, stdio): its name,
 * version and instructions, the tools capability, the tools with the list filter and the JSON Schema
 * validator of {@link ToolRegistry}. Each transport adds only how calls reach it.
 */
public final class McpServers {

    private McpServers() {}

    /** {@code transport}'s server with the application's identity and {@code specifications}. */
    public static McpSyncServer build(
            McpServer.SyncSpecification<?> transport,
            ServerIdentity identity,
            ToolRegistry tools,
            List<SyncToolSpecification> specifications,
            boolean immediateExecution) {
        return transport
                .serverInfo(identity.name(), identity.version())
                .instructions(identity.instructions())
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(specifications)
                .addToolFilter(tools.listFilter())
                .jsonSchemaValidator(tools.validator())
                .immediateExecution(immediateExecution)
                .build();
    }
}

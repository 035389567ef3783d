package org.m365mcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.inject.Inject;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.logging.Logger;

/**
 * Publishes the MCP endpoint when the application starts: the SDK's Streamable HTTP servlet at
 * {@code m365.mcp.path} (unless {@link McpTransports#http} is off: stdio alone), guarded by {@link McpRequestGuard} and then {@link McpMessageFilter} (each refusal a
 * JSON-RPC error), serving the {@link ToolRegistry}'s tools; first of all, {@link ListenerBindingCheck} refuses
 * to start where the server would listen beyond its host.
 *
 * <p>Tool calls run on the servlet request thread ({@code immediateExecution}), so CDI contexts,
 * JNDI and managed executors behave as in any Jakarta EE request.
 */
@WebListener
public class McpEndpointRegistration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(McpEndpointRegistration.class.getName());
    static final String SERVLET_NAME = "mcp";

    @Inject
    McpEndpointSettings settings;

    @Inject
    ToolRegistry tools;

    @Inject
    ServerIdentity identity;

    @Inject
    EndpointGuard guard;

    @Inject
    McpEndpointStatus status;

    @Inject
    ListenerBindingCheck binding;

    @Inject
    McpTransports transports;

    @Inject
    RunningCalls calls;

    @Inject
    ResourceLinking links;

    private McpSyncServer server;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        binding.enforce();
        List<SyncToolSpecification> specifications;
        try {
            specifications = tools.specifications();
        } catch (ToolSettingsException e) {
            // Not published: readiness stays DOWN with the message, which a failed deployment could not show.
            LOG.severe(() -> "MCP endpoint not published: " + e.getMessage());
            status.refused(e.getMessage());
            return;
        }
        if (!transports.http()) {
            // stdio only (org.m365mcp.stdio serves it): the listener keeps the console and the sandbox.
            status.published(tools.names().size());
            return;
        }
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .mcpEndpoint(settings.path())
                .securityValidator(guard.originAndHost())
                .build();
        server = McpServers.build(McpServer.sync(transport), identity, tools, specifications, links.downloads(), true);

        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, transport);
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        servlet.addMapping(settings.path());
        FilterRegistration.Dynamic filter = context.addFilter("mcp-guard", new McpRequestGuard(guard));
        filter.setAsyncSupported(true);
        filter.addMappingForServletNames(null, false, SERVLET_NAME);
        FilterRegistration.Dynamic messages =
                context.addFilter("mcp-messages", new McpMessageFilter(transport.protocolVersions(), calls));
        messages.setAsyncSupported(true);
        messages.addMappingForServletNames(null, true, SERVLET_NAME);

        status.published(tools.names().size());
        LOG.info(() -> "MCP endpoint ready at http://" + settings.host() + ":" + settings.port()
                + context.getContextPath() + settings.path() + " with "
                + tools.names().size() + " tools ("
                + tools.selection().summary() + ")"
                + (settings.authToken().isPresent() ? " (bearer token required)" : ""));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (server != null) {
            server.closeGracefully();
        }
    }
}

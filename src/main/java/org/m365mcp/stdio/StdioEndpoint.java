package org.m365mcp.stdio;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.m365mcp.background.ServingProbe;
import org.m365mcp.config.ServerAddress;
import org.m365mcp.mcp.McpServers;
import org.m365mcp.mcp.McpTransports;
import org.m365mcp.mcp.ResourceLinking;
import org.m365mcp.mcp.RunningCalls;
import org.m365mcp.mcp.ServerIdentity;
import org.m365mcp.mcp.ToolRegistry;
import org.m365mcp.mcp.ToolSettingsException;

/**
 * Serves MCP over the process's stdin and stdout when {@link McpTransports#stdio} is on: the SDK's stdio
 * transport with the same tools, validation and list filter as the HTTP endpoint.
 *
 * <ul>
 *   <li>Starts reading stdin only once the application is served ({@link ServingProbe}): before that, a
 *       tool call's requests to this server (the sandbox in demo mode) would meet a 404. Meanwhile the
 *       client's first messages wait in the pipe.</li>
 *   <li>Tool calls run on the SDK's threads, each inside the application's context captured at start
 *       ({@link ContextService}): its class loader, so MicroProfile Config and JNDI behave as on a
 *       request thread.</li>
 *   <li>Only JSON-RPC reaches the transport ({@link StdinGate}): a line that is not is answered with a
 *       JSON-RPC error and the session goes on (the SDK's transport would end it).</li>
 *   <li>When stdin ends (the client closed it or exited) the process exits, as a stdio server must; an
 *       invalid tool setting, or an application never served, exits with status 1 and the reason in the
 *       log.</li>
 *   <li>Writes nothing to stdout itself: the launcher sent {@code System.out} and {@code System.err} to
 *       the log file, and only the transport writes to file descriptor 1.</li>
 * </ul>
 */
@ApplicationScoped
public class StdioEndpoint {

    private static final Logger LOG = Logger.getLogger(StdioEndpoint.class.getName());
    static final Duration SERVING_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    McpTransports transports;

    @Inject
    ToolRegistry tools;

    @Inject
    ResourceLinking links;

    @Inject
    ServerIdentity identity;

    @Inject
    ServingProbe probe;

    @Inject
    ServerAddress address;

    @Inject
    RunningCalls calls;

    @Resource
    ContextService context;

    @Resource
    ManagedThreadFactory threads;

    private volatile McpSyncServer server;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext application) {
        if (!transports.stdio()) {
            return;
        }
        List<SyncToolSpecification> specifications;
        try {
            specifications =
                    tools.specifications().stream().map(this::inContext).toList();
        } catch (ToolSettingsException e) {
            LOG.severe(() -> "MCP over stdio not served: " + e.getMessage());
            exit(1);
            return;
        }
        String contextPath = application.getContextPath();
        threads.newThread(() -> serveOnceServed(specifications, contextPath)).start();
    }

    private void serveOnceServed(List<SyncToolSpecification> specifications, String contextPath) {
        if (!probe.awaitServing(contextPath, SERVING_TIMEOUT)) {
            LOG.severe(() -> "MCP over stdio not served: the application did not answer within " + SERVING_TIMEOUT);
            exit(1);
            return;
        }
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        StdoutLines stdout = new StdoutLines(new FileOutputStream(FileDescriptor.out));
        StdinGate stdin;
        try {
            stdin = new StdinGate(new FileInputStream(FileDescriptor.in), stdout, mapper, calls, this::clientLeft);
        } catch (IOException e) {
            LOG.severe(() -> "MCP over stdio not served: " + e.getMessage());
            exit(1);
            return;
        }
        StdioServerTransportProvider transport =
                new StdioServerTransportProvider(mapper, stdin.transportInput(), stdout);
        threads.newThread(stdin).start();
        server = McpServers.build(McpServer.sync(transport), identity, tools, specifications, links.downloads(), false);
        LOG.info(() -> "MCP over stdio ready with " + tools.names().size() + " tools; the console at http://"
                + address.loopbackAuthority() + contextPath + "/console/"
                + (transports.http() ? ", MCP over HTTP too" : ""));
    }

    /** {@code specification} with its handler run inside the application's context, as captured now. */
    @SuppressWarnings("unchecked")
    private SyncToolSpecification inContext(SyncToolSpecification specification) {
        BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler =
                context.createContextualProxy(specification.callHandler(), BiFunction.class);
        return new SyncToolSpecification(specification.tool(), handler);
    }

    private void clientLeft() {
        LOG.info("MCP over stdio: stdin ended (the client is gone); the server stops");
        exit(0);
    }

    /** Ends the process from a thread of its own, so the container's shutdown never waits on its caller. */
    private static void exit(int status) {
        new Thread(() -> System.exit(status), "m365-mcp-stdio-exit").start();
    }

    @PreDestroy
    void stop() {
        McpSyncServer running = server;
        if (running != null) {
            running.closeGracefully();
        }
    }
}

package org.m365mcp.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.ToolCallScope;

/**
 * One deadline per MCP tool call ({@code m365.mcp.graph.call-deadline}) for every Graph request,
 * retry and wait the call makes, so the assistant gets Graph's answer or a clear error before its
 * client gives up on the request.
 *
 * <ul>
 *   <li>The Graph client is looked up per call, never at injection: it is made on first use, after
 *       the application has started.</li>
 * </ul>
 */
@ApplicationScoped
public class GraphCallDeadline implements ToolCallScope {

    @Inject
    Instance<GraphClient> graph;

    @Override
    public Object around(Callable<Object> call) throws Exception {
        return graph.get().withinDeadline(call);
    }
}

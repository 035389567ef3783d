package org.m365mcp.console;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.m365mcp.mcp.EndpointGuard;
import org.m365mcp.mcp.McpRequestGuard;

/**
 * Puts the MCP endpoint's Origin/Host rules (403 / 421) in front of everything under {@code /console}.
 *
 * <ul>
 *   <li>The page, its script and its style hold no data and are served without the bearer token (a
 *       browser cannot send one when it loads a page); the page asks for the token and sends it with
 *       every API call, where {@link ConsoleApplication} checks it like the MCP endpoint does.</li>
 * </ul>
 */
@WebListener
public class ConsoleRegistration implements ServletContextListener {

    static final String PATH = "/console/*";

    @Inject
    EndpointGuard guard;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        FilterRegistration.Dynamic filter =
                event.getServletContext().addFilter("console-guard", McpRequestGuard.originAndHostOnly(guard));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, PATH);
    }
}

package org.m365mcp.accounts;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.mcp.EndpointGuard;
import org.m365mcp.mcp.McpRequestGuard;
import org.m365mcp.sandbox.login.SandboxLogin;

/**
 * Whether and behind what the sandbox tenant is served: its Graph ({@code /sandbox}) and its emulated
 * identity platform ({@code /contoso.sandbox}).
 *
 * <ul>
 *   <li>In demo mode, or with {@value #FOR_TESTING} (tests that need it beside a real tenant's settings):
 *       behind the MCP endpoint's Origin/Host rules (403 / 421), and the test controls
 *       ({@code /sandbox/_admin}) also behind the bearer token when one is set (401). The fixed demo tokens
 *       open made-up data only, but the controls change what every client sees (faults, latency).</li>
 *   <li>Otherwise not at all: every path below either answers 404, as if the WAR had no sandbox.</li>
 * </ul>
 */
@WebListener
public class SandboxRegistration implements ServletContextListener {

    /** The setting that serves the sandbox outside demo mode, for tests only. */
    static final String FOR_TESTING = "m365.sandbox.enabled-for-testing";

    private static final Logger LOG = Logger.getLogger(SandboxRegistration.class.getName());
    private static final String[] PATHS = {"/sandbox/*", "/" + SandboxLogin.TENANT + "/*"};

    @Inject
    TenantMode mode;

    @Inject
    EndpointGuard guard;

    @Inject
    @ConfigProperty(name = FOR_TESTING, defaultValue = "false")
    boolean forTesting;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (!mode.demo() && !forTesting) {
            add(context, "sandbox-not-served", new NotServed(), PATHS);
            return;
        }
        if (!mode.demo()) {
            LOG.warning(
                    "The sandbox tenant is served beside a real tenant (" + FOR_TESTING + "=true): for tests only.");
        }
        add(context, "sandbox-guard", McpRequestGuard.originAndHostOnly(guard), PATHS);
        add(context, "sandbox-admin-guard", McpRequestGuard.of(guard), "/sandbox/_admin/*");
    }

    private static void add(ServletContext context, String name, Filter filter, String... paths) {
        FilterRegistration.Dynamic registration = context.addFilter(name, filter);
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, paths);
    }

    /** Answers 404 to everything it filters. */
    private static final class NotServed extends HttpFilter {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException {
            response.setStatus(404);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"Not found\"}");
        }
    }
}

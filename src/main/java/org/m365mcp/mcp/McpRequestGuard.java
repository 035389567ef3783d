package org.m365mcp.mcp;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Guards the MCP endpoint with the server's {@link EndpointGuard}: Origin and Host (403 / 421), then
 * the optional bearer token (401). {@link #originAndHostOnly} guards pages a browser must load before
 * it can present the token (the batch console's).
 *
 * <ul>
 *   <li>Stateless and thread-safe.</li>
 * </ul>
 */
public final class McpRequestGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient Function<HeaderAccessor, Optional<EndpointGuard.Rejection>> rule;
    private final boolean jsonRpc;

    /** The MCP endpoint's guard: its refusals are JSON-RPC errors without id, as the transport allows. */
    McpRequestGuard(EndpointGuard guard) {
        this(Objects.requireNonNull(guard, "guard")::check, true);
    }

    private McpRequestGuard(Function<HeaderAccessor, Optional<EndpointGuard.Rejection>> rule, boolean jsonRpc) {
        this.rule = rule;
        this.jsonRpc = jsonRpc;
    }

    /**
     * A filter with all of the guard's rules, Origin/Host (403 / 421), then the bearer token when one is set
     * (401), for paths other than the MCP endpoint: refusals are the guard's plain JSON, not JSON-RPC.
     */
    public static McpRequestGuard of(EndpointGuard guard) {
        return new McpRequestGuard(Objects.requireNonNull(guard, "guard")::check, false);
    }

    /** A filter with the Origin/Host rules alone (403 / 421), no token. */
    public static McpRequestGuard originAndHostOnly(EndpointGuard guard) {
        return new McpRequestGuard(Objects.requireNonNull(guard, "guard")::checkOriginAndHost, false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<EndpointGuard.Rejection> rejection = rule.apply(headers(request));
        if (rejection.isPresent()) {
            reject(response, rejection.get(), jsonRpc);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, EndpointGuard.Rejection rejection, boolean jsonRpc)
            throws IOException {
        if (rejection.challenge()) {
            response.setHeader("WWW-Authenticate", EndpointGuard.CHALLENGE);
        }
        if (jsonRpc) {
            McpErrorAnswer.of(rejection.status(), McpErrorAnswer.BAD_TRANSPORT, rejection.message())
                    .write(response);
            return;
        }
        response.setStatus(rejection.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(rejection.json());
    }

    private static HeaderAccessor headers(HttpServletRequest request) {
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return Collections.list(request.getHeaders(name));
            }

            @Override
            public List<String> getHeaderNames() {
                return Collections.list(request.getHeaderNames());
            }
        };
    }
}

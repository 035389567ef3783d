package org.m365mcp.mcp;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.config.Sha256;

/**
 * Guards the MCP endpoint: Origin and Host first (403 / 421, DNS-rebinding protection), then the
 * optional bearer token (401).
 *
 * <ul>
 *   <li>The Origin/Host rules are the MCP SDK's {@code DefaultServerTransportSecurityValidator}.</li>
 *   <li>Tokens are compared in constant time over their SHA-256 digests; neither is ever logged.</li>
 *   <li>Stateless and thread-safe.</li>
 * </ul>
 */
final class McpRequestGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient ServerHttpHeaderValidator originAndHost;
    private final transient Optional<byte[]> tokenDigest;

    McpRequestGuard(ServerHttpHeaderValidator originAndHost, Optional<String> token) {
        this.originAndHost = Objects.requireNonNull(originAndHost, "originAndHost");
        this.tokenDigest = token.map(Sha256::of);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            originAndHost.validate(headers(request));
        } catch (ServerTransportSecurityException e) {
            reject(response, e.getStatusCode(), e.getMessage());
            return;
        }
        if (tokenDigest.isPresent() && !presentsToken(request, tokenDigest.get())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"m365-mcp\"");
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, "Missing or invalid bearer token");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean presentsToken(HttpServletRequest request, byte[] expectedDigest) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, Sha256.of(header.substring(7).trim()));
    }

    private static void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + message.replace("\"", "'") + "\"}");
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

package org.m365mcp.mcp;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.config.Sha256;

/**
 * Who may call this server over HTTP, for every endpoint that needs it (the MCP endpoint through
 * {@link McpRequestGuard}, the admin API): Origin and Host first (403 / 421, DNS-rebinding
 * protection), then the optional bearer token (401).
 *
 * <ul>
 *   <li>The Origin/Host rules are the MCP SDK's {@code DefaultServerTransportSecurityValidator},
 *       built from {@link McpEndpointSettings}.</li>
 *   <li>Tokens are compared in constant time over their SHA-256 digests; neither is ever logged.</li>
 *   <li>Immutable and thread-safe.</li>
 * </ul>
 */
public final class EndpointGuard {

    /** The {@code WWW-Authenticate} value sent with a 401. */
    public static final String CHALLENGE = "Bearer realm=\"m365-mcp\"";

    private final DefaultServerTransportSecurityValidator originAndHost;
    private final Optional<byte[]> tokenDigest;

    EndpointGuard(DefaultServerTransportSecurityValidator originAndHost, Optional<String> token) {
        this.originAndHost = Objects.requireNonNull(originAndHost, "originAndHost");
        this.tokenDigest = token.filter(t -> !t.isBlank()).map(Sha256::of);
    }

    /** The guard for {@code settings}: their allowed origins and hosts, their token if any. */
    static EndpointGuard of(McpEndpointSettings settings) {
        return new EndpointGuard(
                DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(settings.allowedOrigins())
                        .allowedHosts(settings.allowedHosts())
                        .build(),
                settings.authToken());
    }

    /** The Origin/Host rules alone, for the MCP transport, which checks them again itself. */
    ServerTransportSecurityValidator originAndHost() {
        return originAndHost;
    }

    /** Why a request with these headers must be refused; empty if it may pass. */
    public Optional<Rejection> check(HeaderAccessor headers) {
        Optional<Rejection> originOrHost = checkOriginAndHost(headers);
        if (originOrHost.isPresent()) {
            return originOrHost;
        }
        if (tokenDigest.isPresent() && !presentsToken(headers.getHeader("Authorization"), tokenDigest.get())) {
            return Optional.of(new Rejection(401, "Missing or invalid bearer token"));
        }
        return Optional.empty();
    }

    /**
     * The Origin/Host rules alone (403 / 421): for what a browser must load before it can present the
     * token, such as the console's page, which holds no data.
     */
    public Optional<Rejection> checkOriginAndHost(HeaderAccessor headers) {
        try {
            originAndHost.validate(headers);
            return Optional.empty();
        } catch (ServerTransportSecurityException e) {
            return Optional.of(new Rejection(e.getStatusCode(), e.getMessage()));
        }
    }

    private static boolean presentsToken(List<String> authorization, byte[] expectedDigest) {
        String header = authorization == null || authorization.isEmpty() ? null : authorization.get(0);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(
                expectedDigest, Sha256.of(header.substring(7).trim()));
    }

    /**
     * A refused request.
     *
     * @param status  403, 421 or 401
     * @param message why, safe to show (never a token)
     */
    public record Rejection(int status, String message) {

        /** Whether the answer must carry {@code WWW-Authenticate: }{@value #CHALLENGE}. */
        public boolean challenge() {
            return status == 401;
        }

        /** The JSON body of the answer: {@code {"error": message}}. */
        public String json() {
            return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "'") + "\"}";
        }
    }
}

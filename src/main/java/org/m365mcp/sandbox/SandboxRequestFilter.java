package org.m365mcp.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import org.m365mcp.sandbox.faults.FaultRule;

/**
 * In front of every sandbox request: counts it; for Graph ({@code /sandbox/v1.0/…}) also waits the
 * configured latency, rejects a missing, unknown or expired bearer token with Graph's 401, then applies
 * the first matching injected fault (its delay, then its error status with {@code Retry-After}).
 * Behind every response: marks an authenticated Graph request no longer in flight.
 *
 * <ul>
 *   <li>An authenticated Graph request is in flight for its account ({@link RequestCounter#started})
 *       from here, latency and fault delay included, until its response is filtered; aborted
 *       and failed requests go through the response filter too.
 *   <li>Pre-matching, so even a path no resource serves is counted and authenticated, as Graph does.
 *   <li>The admin API ({@code /sandbox/_admin}) is neither counted, delayed nor authenticated; the
 *       pre-authenticated helper URLs (copy monitors, downloads, upload sessions) are counted and
 *       take injected faults (matched by their path below {@code /sandbox}, e.g. {@code /upload/*}),
 *       but no latency nor token, as on Graph they need none.
 * </ul>
 */
@Provider
@PreMatching
@ApplicationScoped
public class SandboxRequestFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request property naming the account whose request is in flight. */
    private static final String IN_FLIGHT_ACCOUNT = SandboxRequestFilter.class.getName() + ".account";

    @Inject
    SandboxState state;

    @Inject
    SandboxTenant tenant;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath();
        if (path.startsWith("/_admin")) {
            return;
        }
        state.requests().record(path);
        if (!path.startsWith("/v1.0/") && !path.equals("/v1.0")) {
            injectFault(request, path); // a pre-authenticated URL: matched by its path below /sandbox
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<SandboxAccount> account = tenant.authenticate(authorization);
        account.ifPresent(a -> {
            request.setProperty(IN_FLIGHT_ACCOUNT, a.accountId());
            state.requests().started(a.accountId());
        });
        pause(state.latency());
        if (authorization == null || authorization.isBlank()) {
            request.abortWith(unauthorized("Access token is empty."));
            return;
        } else if (account.isEmpty()) {
            request.abortWith(unauthorized(
                    tenant.isExpired(authorization)
                            ? "Lifetime validation failed, the token is expired."
                            : "Access token validation failure. Invalid audience."));
            return;
        }
        injectFault(request, path.substring("/v1.0".length()));
    }

    private void injectFault(ContainerRequestContext request, String matchedPath) {
        Optional<FaultRule> fault = state.faults().claim(request.getMethod(), matchedPath);
        if (fault.isPresent()) {
            FaultRule rule = fault.get();
            pause(Duration.ofMillis(rule.delayMs()));
            if (rule.status() != null) {
                drain(request);
                Response error = GraphErrorMapper.error(rule.status(), rule.errorCode(), rule.errorMessage());
                request.abortWith(
                        rule.retryAfterSeconds() == null
                                ? error
                                : Response.fromResponse(error)
                                        .header("Retry-After", rule.retryAfterSeconds())
                                        .build());
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(IN_FLIGHT_ACCOUNT) instanceof String accountId) {
            state.requests().finished(accountId);
        }
    }

    /**
     * Reads and drops the body of a request that fails unserved: a server that answers before
     * reading a large body (an upload fragment) may close the connection under the client.
     */
    private static void drain(ContainerRequestContext request) {
        if (request.hasEntity()) {
            try (InputStream body = request.getEntityStream()) {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // The client went away: nothing to answer anyway.
            }
        }
    }

    private static void pause(Duration delay) {
        long ms = delay.toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(GraphErrorMapper.error(401, "InvalidAuthenticationToken", message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"\", authorization_uri=\"sandbox\"")
                .build();
    }
}

package org.m365mcp.background;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.m365mcp.config.ServerAddress;

/**
 * Whether this application answers HTTP on its own address: the start-up event comes before Payara
 * maps the application to its context path, and until then every request to it (MCP, the console,
 * in demo mode the Graph sandbox) gets a 404.
 *
 * <ul>
 *   <li>Asks for the console's static page over the server's host (loopback for a wildcard bind; an
 *       IPv6 address in brackets) and port: any answer but 404 or a 5xx (even a 421 of a stricter Host rule) means it is served.</li>
 *   <li>{@link #answers} asks once (for the readiness check); {@link #awaitServing} asks until it is
 *       served, blocking the caller's thread, and gives up after a timeout by the injected {@link Clock}.</li>
 * </ul>
 */
@ApplicationScoped
public class ServingProbe {

    private static final long PAUSE_MILLIS = 250;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    ServerAddress server;

    @Inject
    Clock clock;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    /** True when the application at {@code contextPath} answers one request now. */
    public boolean answers(String contextPath) throws InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://" + authority() + contextPath + "/console/"))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            int status =
                    http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status != 404 && status < 500;
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    /** The server's own address: loopback for a wildcard bind, an IPv6 literal in brackets. */
    String authority() {
        return server.loopbackAuthority();
    }

    /** True once the application at {@code contextPath} answers; false when {@code timeout} passed or interrupted. */
    public boolean awaitServing(String contextPath, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        try {
            while (!answers(contextPath)) {
                if (!clock.instant().isBefore(deadline)) {
                    return false;
                }
                Thread.sleep(PAUSE_MILLIS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

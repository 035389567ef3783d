package org.m365mcp.batch.warming;

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
import org.m365mcp.mcp.McpEndpointSettings;

/**
 * Waits until this application answers HTTP on its own address: the start-up event comes before
 * Payara maps the application to its context path, and until then every request to it (in demo mode
 * the Graph sandbox's too) fails.
 *
 * <ul>
 *   <li>Asks for the console's static page over the server's host (loopback for a wildcard bind) and
 *       port: any answer but 404 or a 5xx (even a 421 of a stricter Host rule) means it is served.</li>
 *   <li>Blocking, on the caller's thread; gives up after {@code timeout} by the injected {@link Clock}.</li>
 * </ul>
 */
@ApplicationScoped
public class ServingProbe {

    private static final long PAUSE_MILLIS = 250;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    McpEndpointSettings endpoint;

    @Inject
    Clock clock;

    /** True once the application at {@code contextPath} answers; false when {@code timeout} passed or interrupted. */
    public boolean awaitServing(String contextPath, Duration timeout) {
        String host = endpoint.host().equals("0.0.0.0") || endpoint.host().equals("::") ? "127.0.0.1" : endpoint.host();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://" + host + ":" + endpoint.port() + contextPath
                + "/console/")).timeout(REQUEST_TIMEOUT).GET().build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            try {
                int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 404 && status < 500) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (!clock.instant().isBefore(deadline)) {
                return false;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}

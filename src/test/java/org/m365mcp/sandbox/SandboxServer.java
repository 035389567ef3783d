package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphSettings;

/**
 * The sandbox's real JAX-RS application ({@link SandboxApplication}'s classes) on Jersey over the
 * JDK's HTTP server, in-process and on loopback: what Payara Micro serves, in a few hundred
 * milliseconds instead of a server boot.
 *
 * <p>CDI is replaced by binding the tenant and state instances for {@code @Inject}. Every request
 * is also kept as it arrived, headers included ({@link #received()}), so tests can check what a
 * client sent, e.g. that no token went to a pre-authenticated URL.
 */
final class SandboxServer implements AutoCloseable {

    /** A request as it reached the server: method, path below {@code /sandbox}, raw query, headers. */
    record Received(String method, String path, String rawQuery, Map<String, List<String>> headers) {

        /** The header's first value, its name matched ignoring case. */
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst();
        }
    }

    /** "Now" for every test: a Thursday morning, so seeded calendars have a working week around it. */
    static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Jersey streams responses chunked; without TCP_NODELAY each one waits out the peer's delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final SandboxTenant tenant;
    final SandboxState state;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private SandboxServer(Clock clock) {
        tenant = new SandboxTenant(clock);
        tenant.seed();
        state = new SandboxState(0);
        ResourceConfig config = new ResourceConfig(new SandboxApplication().getClasses())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(tenant).to(SandboxTenant.class);
                bind(state).to(SandboxState.class);
            }
        });
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpHandler jersey = ContainerFactory.createContainer(JdkHttpHandlerContainer.class, config);
        server.createContext("/sandbox", exchange -> {
            URI uri = exchange.getRequestURI();
            received.add(new Received(exchange.getRequestMethod(), uri.getPath().substring("/sandbox".length()),
                    uri.getRawQuery(), Map.copyOf(exchange.getRequestHeaders())));
            jersey.handle(exchange);
        });
        server.setExecutor(executor);
        server.start();
    }

    static SandboxServer start() {
        return new SandboxServer(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** {@code http://127.0.0.1:port/sandbox} */
    URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sandbox");
    }

    URI graphRoot() {
        return URI.create(root() + "/v1.0");
    }

    GraphClient client(Duration timeout, int maxRetries) {
        return client(timeout, maxRetries, GraphSettings.GRAPH_MAILBOX_CONCURRENCY);
    }

    GraphClient client(Duration timeout, int maxRetries, int maxConcurrentPerMailbox) {
        return new GraphClient(new GraphSettings(graphRoot(), timeout, maxRetries, maxConcurrentPerMailbox),
                new SandboxTokenSource(), HttpClient.newHttpClient());
    }

    /** Every request that reached the server, in arrival order. */
    List<Received> received() {
        return received;
    }

    /** The requests that reached the server for {@code path} (below {@code /sandbox}). */
    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** A raw call below {@link #root()}, with the demo token when {@code token} is non-null. */
    HttpResponse<String> send(String method, String path, String body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root() + path.replace(" ", "%20").replace("\"", "%22")))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Graph call as the first demo user; the answer's JSON (empty object for no body). */
    JsonNode demo(String method, String graphPath, String body, int expectedStatus) {
        HttpResponse<String> response = send(method, "/v1.0" + graphPath, body, SandboxTenant.DEMO_TOKEN);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + graphPath + " answered " + response.statusCode()
                    + ", expected " + expectedStatus + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

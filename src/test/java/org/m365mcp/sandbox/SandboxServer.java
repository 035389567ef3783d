package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphSettings;
import org.m365mcp.sandbox.login.DevicePageResource;
import org.m365mcp.sandbox.login.LoginSettings;
import org.m365mcp.sandbox.login.SandboxLogin;
import org.m365mcp.sandbox.login.SandboxLoginApplication;
import org.m365mcp.sandbox.login.TenantUsers;

/**
 * The sandbox's real JAX-RS applications on Jersey over the JDK's HTTP server, in-process and on
 * loopback: what Payara Micro serves, in a few hundred milliseconds instead of a server boot.
 *
 * <ul>
 *   <li>{@link #start()}: plain HTTP, Graph ({@link SandboxApplication}) at {@code /sandbox}.
 *   <li>{@link #startHttps()}: HTTPS with a throwaway certificate ({@link SandboxCertificate}), Graph at
 *       {@code /sandbox} and the sign-in ({@link SandboxLoginApplication}) at {@code /contoso.sandbox}:
 *       MSAL accepts only an {@code https} authority. Clients trust the certificate through
 *       {@link #sslContext()} / {@link #sslSocketFactory()}.
 *   <li>CDI is replaced by binding the tenant, state and sign-in instances for {@code @Inject}; both
 *       applications share them.
 *   <li>Every request the server receives is logged ({@link #requestLog()}), also those to a path
 *       no application serves (answered 404), so a test can see all that a client called.
 * </ul>
 */
public final class SandboxServer implements AutoCloseable {

    /** A request as it reached the server: method, path below {@code /sandbox}, raw query, headers. */
    public record Received(String method, String path, String rawQuery, Map<String, List<String>> headers) {

        /** The header's first value, its name matched ignoring case. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream())
                    .findFirst();
        }
    }

    /** "Now" for every test: a Thursday morning, so seeded calendars have a working week around it. */
    public static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Jersey streams responses chunked; without TCP_NODELAY each one waits out the peer's delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final SandboxTenant tenant;
    final SandboxState state;
    private final SubscriptionHub subscriptions;
    private final SandboxLogin login;
    private final SSLContext clientTls;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient http;
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    private SandboxServer(Clock clock, SandboxCertificate certificate) {
        login = new SandboxLogin(clock, LoginSettings.DEFAULTS);
        tenant = new SandboxTenant(clock, login);
        tenant.seed();
        state = new SandboxState(0);
        subscriptions = new SubscriptionHub(tenant, executor);
        clientTls = certificate == null ? null : certificate.clientContext();
        http = httpClient();
        try {
            if (certificate == null) {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } else {
                HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mount("/sandbox", jersey(new SandboxApplication().getClasses()));
        if (certificate != null) {
            mount("/" + SandboxLogin.TENANT, jersey(new SandboxLoginApplication().getClasses()));
        }
        mount("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** The sandbox over plain HTTP (Graph only), on the fixed clock {@link #NOW}. */
    public static SandboxServer start() {
        return new SandboxServer(Clock.fixed(NOW, ZoneOffset.UTC), null);
    }

    /** The sandbox over HTTPS, Graph and sign-in, on the fixed clock {@link #NOW}. */
    public static SandboxServer startHttps() {
        return startHttps(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The sandbox over HTTPS, Graph and sign-in, on {@code clock} (seeded data and token expiry). */
    public static SandboxServer startHttps(Clock clock) {
        return new SandboxServer(clock, SandboxCertificate.get());
    }

    private HttpHandler jersey(Set<Class<?>> classes) {
        ResourceConfig config = new ResourceConfig(classes).property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(tenant).to(SandboxTenant.class).to(TenantUsers.class);
                bind(state).to(SandboxState.class);
                bind(login).to(SandboxLogin.class);
                bind(subscriptions).to(SubscriptionHub.class);
            }
        });
        return ContainerFactory.createContainer(JdkHttpHandlerContainer.class, config);
    }

    private void mount(String path, HttpHandler handler) {
        HttpContext context = server.createContext(path, handler);
        context.getFilters().add(new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                URI uri = exchange.getRequestURI();
                requestLog.add(exchange.getRequestMethod() + " " + uri.getRawPath());
                if (uri.getPath().startsWith("/sandbox/")) {
                    received.add(new Received(
                            exchange.getRequestMethod(),
                            uri.getPath().substring("/sandbox".length()),
                            uri.getRawQuery(),
                            Map.copyOf(exchange.getRequestHeaders())));
                }
                inFlight.incrementAndGet();
                try {
                    chain.doFilter(exchange);
                } finally {
                    inFlight.decrementAndGet();
                }
            }

            @Override
            public String description() {
                return "request log";
            }
        });
    }

    private HttpClient httpClient() {
        return clientTls == null
                ? HttpClient.newHttpClient()
                : HttpClient.newBuilder().sslContext(clientTls).build();
    }

    /** {@code http(s)://127.0.0.1:port} */
    public URI origin() {
        return URI.create((clientTls == null ? "http" : "https") + "://127.0.0.1:"
                + server.getAddress().getPort());
    }

    /** {@code http(s)://127.0.0.1:port/sandbox} */
    public URI root() {
        return URI.create(origin() + "/sandbox");
    }

    /** Graph's base URI: {@code http(s)://127.0.0.1:port/sandbox/v1.0}. */
    public URI graphRoot() {
        return URI.create(root() + "/v1.0");
    }

    /** The MSAL authority of the sandbox tenant: {@code https://127.0.0.1:port/contoso.sandbox/}. */
    public URI authority() {
        requireHttps();
        return URI.create(origin() + "/" + SandboxLogin.TENANT + "/");
    }

    GraphClient client(Duration timeout, int maxRetries, int maxConcurrentPerMailbox) {
        return client(timeout, maxRetries, maxConcurrentPerMailbox, GraphSettings.DEFAULT_CALL_DEADLINE);
    }

    GraphClient client(Duration timeout, int maxRetries, int maxConcurrentPerMailbox, Duration callDeadline) {
        return new GraphClient(
                new GraphSettings(graphRoot(), timeout, maxRetries, maxConcurrentPerMailbox, callDeadline),
                new SandboxTokenSource(),
                httpClient());
    }

    /** A client whose tool calls ({@link GraphClient#withinDeadline}) end at {@code callDeadline}. */
    public GraphClient client(Duration timeout, int maxRetries, Duration callDeadline) {
        return client(timeout, maxRetries, GraphSettings.GRAPH_MAILBOX_CONCURRENCY, callDeadline);
    }

    /** Every request that reached {@code /sandbox}, in arrival order. */
    public List<Received> received() {
        return received;
    }

    /** The requests that reached the server for {@code path} (below {@code /sandbox}). */
    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** A TLS context that trusts this server's certificate (and nothing else). */
    public SSLContext sslContext() {
        requireHttps();
        return clientTls;
    }

    /**
     * Writes a PKCS12 trust store with this server's certificate (no key) to {@code file}, for a
     * server started in another process ({@code m365.mcp.tls.trust-store}).
     */
    public void writeTrustStore(Path file, String password) throws IOException {
        requireHttps();
        SandboxCertificate.get().writeTrustStore(file, password.toCharArray());
    }

    /** {@link #sslContext()}'s socket factory, as MSAL's {@code sslSocketFactory(…)} takes it. */
    public SSLSocketFactory sslSocketFactory() {
        return sslContext().getSocketFactory();
    }

    public SandboxTenant tenant() {
        return tenant;
    }

    public SandboxState state() {
        return state;
    }

    /** The sign-in state both applications share: settings, counters, issued codes and tokens. */
    public SandboxLogin login() {
        return login;
    }

    /** {@code "METHOD /raw/path"} of every request received so far, in order. */
    public List<String> requestLog() {
        return List.copyOf(requestLog);
    }

    public GraphClient client(Duration timeout, int maxRetries) {
        return client(timeout, maxRetries, GraphSettings.GRAPH_MAILBOX_CONCURRENCY);
    }

    /** A raw call below {@link #root()}, with {@code token} as bearer when it is non-null. */
    public HttpResponse<String> send(String method, String path, String body, String token) {
        return send(method, path, body, token, Map.of());
    }

    /** A raw call below {@link #root()} with extra request headers ({@code Prefer}, {@code If-Match}…). */
    public HttpResponse<String> send(
            String method, String path, String body, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(root() + path.replace(" ", "%20").replace("\"", "%22")))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /** A GET of any URI, e.g. the device page below {@link #authority()}. */
    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    /** An HTML form's POST ({@code application/x-www-form-urlencoded}) to {@code uri}. */
    public HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
        return postForm(uri, fields, Map.of());
    }

    /** An HTML form's POST to {@code uri}, with extra request headers. */
    public HttpResponse<String> postForm(URI uri, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return send(request.build());
    }

    /** What a person does on the device page: signs in as {@code username} (an address) with {@code userCode}. */
    public HttpResponse<String> approveDeviceCode(String userCode, String username) {
        return postForm(
                authority().resolve(DevicePageResource.PATH),
                Map.of("user_code", userCode, "username", username, "decision", "approve"));
    }

    /** What a person does on the device page: declines the sign-in of {@code userCode}. */
    public HttpResponse<String> declineDeviceCode(String userCode) {
        return postForm(
                authority().resolve(DevicePageResource.PATH), Map.of("user_code", userCode, "decision", "decline"));
    }

    /** A Graph call as the first demo user; the answer's JSON (empty object for no body). */
    JsonNode demo(String method, String graphPath, String body, int expectedStatus) {
        HttpResponse<String> response = send(method, "/v1.0" + graphPath, body, SandboxTenant.DEMO_TOKEN);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + graphPath + " answered " + response.statusCode() + ", expected "
                    + expectedStatus + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void requireHttps() {
        if (clientTls == null) {
            throw new IllegalStateException(
                    "The sign-in is served over HTTPS only: start with SandboxServer.startHttps()");
        }
    }

    /**
     * Stops the server once the requests it is still finishing are done (at most a second): a client
     * may have its whole answer while the server thread is still closing the exchange, and TLS
     * complains when the connection goes away under it.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}

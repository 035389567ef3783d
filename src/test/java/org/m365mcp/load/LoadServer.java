package org.m365mcp.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR in demo mode on its own Payara Micro process, as a user would run it, with the
 * sandbox's Graph answering after a set latency; its MCP endpoint and the sandbox's request counter.
 *
 * <ul>
 *   <li>Its own free port (never the ITs' 18080/18082), cache file, download directory and log,
 *       all under the work directory; the cache file is deleted first, so the run starts cold.
 *   <li>Not thread-safe: one load run drives it from one thread.
 * </ul>
 */
final class LoadServer implements AutoCloseable {

    /** Bearer token of this process only. */
    private static final String TOKEN = "load-run-token";
    /** A test-only key for the run's throwaway store; never a real user's key. */
    private static final String CACHE_KEY = "load-only-key-0123456789abcdef0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final Path log;
    private final Process process;

    private LoadServer(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts Payara Micro with {@code war} and waits until it reports itself ready ({@code /health/ready}). */
    static LoadServer start(Path payaraJar, Path war, Path work, int latencyMs) throws Exception {
        return start(payaraJar, war, work, latencyMs, Map.of());
    }

    /** As {@link #start(Path, Path, Path, int)}, with {@code settings} added to the server's environment. */
    static LoadServer start(Path payaraJar, Path war, Path work, int latencyMs, Map<String, String> settings)
            throws Exception {
        Files.createDirectories(work);
        for (String name : new String[] {"cache.db", "cache.db-wal", "cache.db-shm", "payara.log"}) {
            Files.deleteIfExists(work.resolve(name));
        }
        int port = freePort();
        Path log = work.resolve("payara.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        payaraJar.toString(),
                        "--deploy",
                        war.toString(),
                        "--contextroot",
                        "/",
                        "--port",
                        String.valueOf(port),
                        "--nocluster",
                        // the boot commands the build ships beside the WAR (target/payara), as the run profile uses
                        // them
                        "--prebootcommandfile",
                        war.resolveSibling(Path.of("payara", "pre-boot-commands.txt"))
                                .toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.remove("M365_MCP_CLIENT_ID"); // demo mode: the sandbox tenant
        env.put("M365_SANDBOX_LATENCY_MS", String.valueOf(latencyMs));
        env.put("M365_MCP_AUTH_TOKEN", TOKEN);
        env.put("M365_MCP_CACHE_KEY", CACHE_KEY);
        env.put("M365_MCP_CACHE_KEYRING", "false");
        env.put(
                "M365_MCP_CACHE_DB_PATH",
                work.resolve("cache.db").toAbsolutePath().toString());
        env.put(
                "M365_MCP_DOWNLOADS_DIR",
                work.resolve("downloads").toAbsolutePath().toString());
        env.putAll(settings);
        LoadServer server = new LoadServer(port, log, builder.start());
        try {
            server.awaitReady();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A new MCP client over Streamable HTTP, initialized. */
    McpSyncClient client() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(root())
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(120))
                .build();
        client.initialize();
        return client;
    }

    /** Graph requests the sandbox has served since it started: every counted path below {@code /v1.0}. */
    long graphRequests() throws IOException, InterruptedException {
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        admin("requests").path("byPath").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            total += path.getKey().startsWith("/v1.0") ? path.getValue().asLong() : 0;
        }
        return total;
    }

    /** Graph requests the sandbox has served since it started for paths below {@code /v1.0} that {@code counted} accepts. */
    long graphRequests(java.util.function.Predicate<String> counted) throws IOException, InterruptedException {
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        admin("requests").path("byPath").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/v1.0") && counted.test(path.getKey().substring("/v1.0".length()))) {
                total += path.getValue().asLong();
            }
        }
        return total;
    }

    /** Graph requests the sandbox has served since it started, by path below {@code /v1.0} (the prefix dropped). */
    Map<String, Long> graphRequestsByPath() throws IOException, InterruptedException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        admin("requests").path("byPath").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/v1.0")) {
                counts.put(
                        path.getKey().substring("/v1.0".length()),
                        path.getValue().asLong());
            }
        });
        return counts;
    }

    /** Graph requests the sandbox has served since it started, by the account whose token authenticated them. */
    Map<String, Long> graphRequestsByAccount() throws IOException, InterruptedException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        admin("requests")
                .path("byAccount")
                .fields()
                .forEachRemaining(a -> counts.put(a.getKey(), a.getValue().asLong()));
        return counts;
    }

    /**
     * Calls the sandbox's Graph API straight, as another client of the mailbox would, with the sandbox
     * token {@code token} ({@code sandbox-demo-token}, {@code sandbox-demo2-token}); Graph's JSON answer.
     */
    JsonNode graphAs(String token, String method, String graphPath, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(root() + "/sandbox/v1.0" + graphPath.replace(" ", "%20")))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(
                request.method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + graphPath + " answered " + response.statusCode());
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    /** The latency the sandbox adds to every Graph request, as it reports it. */
    long latencyMs() throws IOException, InterruptedException {
        return admin("latency").path("ms").asLong();
    }

    int port() {
        return port;
    }

    /** CPU time (user + system) the server process has used since it started; zero where the OS does not tell. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private JsonNode admin(String resource) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(root() + "/sandbox/_admin/" + resource))
                        .header("Authorization", "Bearer " + TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/sandbox/_admin/" + resource + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private String root() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the server's readiness reports the store, Graph and the MCP endpoint UP. */
    private void awaitReady() throws Exception {
        org.m365mcp.it.ReadinessProbe.await(port, process, Duration.ofMinutes(5), log.toString());
    }

    /** A port nothing listens on now; the ITs' fixed ports are skipped. */
    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (port != 18080 && port != 18082) {
                    return port;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

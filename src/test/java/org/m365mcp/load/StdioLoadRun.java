package org.m365mcp.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cached read over stdio against the same read over Streamable HTTP, on one server: the runnable jar
 * started by the MCP Java SDK's stdio client as {@code java -jar target/m365-mcp.jar --stdio --http},
 * so both transports reach the same heap. After a warm-up, {@code email_list} (all {@code fresh}) is called
 * alternately over each, one call at a time, each timed from request to answer; the figures go to
 * {@code stdio-vs-http.json} in {@code load.dir}. Not a test: it asserts no timing (issue 18: a stdio
 * round trip within 2 ms of the HTTP one).
 */
final class StdioLoadRun {

    private static final String TOKEN = "load-run-token";
    private static final Map<String, Object> EMAIL_LIST = Map.of("account_id", "demo", "limit", 10);

    private StdioLoadRun() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("load.dir")));
        Path jar = Path.of(System.getProperty("load.jar")).toAbsolutePath();
        int calls = Integer.getInteger("load.cachedCalls", 200);
        int warmUp = Integer.getInteger("load.warmUpCalls", 500);
        Files.deleteIfExists(dir.resolve("cache.db"));
        int port = LoadServer.freePort();

        Map<String, String> env = new LinkedHashMap<>();
        env.put("M365_MCP_PORT", String.valueOf(port));
        env.put("M365_MCP_AUTH_TOKEN", TOKEN);
        env.put("M365_MCP_CACHE_DB_PATH", dir.resolve("cache.db").toString());
        env.put("M365_MCP_CACHE_KEY", "load-only-key-0123456789abcdef0123456789abcdef");
        env.put("M365_MCP_CACHE_KEYRING", "false");
        env.put("M365_MCP_WARMING_ON_STARTUP", "false");
        env.put("M365_MCP_LOG_FILE", dir.resolve("stdio.log").toString());
        ServerParameters server = ServerParameters.builder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-Xmx512m", "-jar", jar.toString(), "--stdio", "--http")
                .env(env)
                .build();
        JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        McpSyncClient overStdio = McpClient.sync(new StdioClientTransport(server, json))
                .requestTimeout(Duration.ofMinutes(4))
                .initializationTimeout(Duration.ofMinutes(4))
                .build();
        long started = System.nanoTime();
        overStdio.initialize();
        double coldStartSeconds = (System.nanoTime() - started) / 1e9;
        McpSyncClient overHttp = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN))
                        .build())
                .requestTimeout(Duration.ofMinutes(2))
                .build();
        overHttp.initialize();
        try {
            Machine machine = Machine.now();
            String first = LoadTools.cacheState(LoadTools.call(overStdio, "email_list", EMAIL_LIST));
            for (int i = 0; i < warmUp; i++) {
                LoadTools.call(overStdio, "email_list", EMAIL_LIST);
                LoadTools.call(overHttp, "email_list", EMAIL_LIST);
            }
            List<Long> stdio = new ArrayList<>();
            List<Long> http = new ArrayList<>();
            Map<String, Integer> states = new LinkedHashMap<>();
            for (int i = 0; i < calls; i++) {
                stdio.add(timed(overStdio, states));
                http.add(timed(overHttp, states));
            }
            Timings overStdioTimings = Timings.of(stdio);
            Timings overHttpTimings = Timings.of(http);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("machine", machine);
            report.put("load_average_at_end", Machine.now().loadAverage());
            report.put("first_call_state", first);
            report.put("cold_start_to_initialize_s", coldStartSeconds);
            report.put("warm_up_calls_per_transport", warmUp);
            report.put("states", states);
            report.put("stdio", overStdioTimings);
            report.put("http", overHttpTimings);
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve("stdio-vs-http.json").toFile(), report);
            System.out.printf("STDIO-VS-HTTP | cold start to initialize over stdio | %.1f s%n", coldStartSeconds);
            System.out.printf("STDIO-VS-HTTP | first call %s; measured calls' states %s%n", first, states);
            System.out.println("STDIO-VS-HTTP | transport | calls | p50 | p95 | p99 | mean | min-max (ms)");
            print("stdio", overStdioTimings);
            print("http", overHttpTimings);
        } finally {
            overHttp.closeGracefully();
            overStdio.closeGracefully();
        }
    }

    private static long timed(McpSyncClient client, Map<String, Integer> states) {
        long start = System.nanoTime();
        var result = client.callTool(new CallToolRequest("email_list", EMAIL_LIST));
        long nanos = System.nanoTime() - start;
        states.merge(LoadTools.cacheState(LoadTools.structured("email_list", result)), 1, Integer::sum);
        return nanos;
    }

    private static void print(String transport, Timings t) {
        System.out.printf(
                "STDIO-VS-HTTP | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f-%.2f%n",
                transport, t.calls(), t.p50Ms(), t.p95Ms(), t.p99Ms(), t.meanMs(), t.minMs(), t.maxMs());
    }
}

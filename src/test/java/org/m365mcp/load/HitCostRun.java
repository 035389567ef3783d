package org.m365mcp.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue 15 item 8: what a cached answer costs against a no-op, side by side over one MCP session
 * (one keep-alive HTTP client, JIT settled). The no-op is {@code server_get_version}; the cached tools
 * are {@code email_list} and {@code email_get} answered fresh from the heap. Not a test: it asserts
 * no timing, only that every cached call was a hit.
 *
 * <ol>
 *   <li>Warm-up: every tool called sequentially and then at the run's concurrency.
 *   <li>Sequential: the three tools interleaved call by call (machine noise falls on all alike); p50/p99.
 *   <li>Throughput: each tool in turn for a fixed time at the run's concurrency, twice round; calls/s.
 * </ol>
 *
 * <p>System properties: {@code load.dir}, {@code load.payaraJar}, {@code load.war}, {@code load.hitCalls}
 * (3000 timed calls a tool), {@code load.hitSeconds} (8 s a throughput phase), {@code load.concurrency} (16).
 */
public final class HitCostRun {

    private static final String ACCOUNT = "demo";
    private static final String NO_OP = "server_get_version";

    private HitCostRun() {}

    /**
     * One tool's figures: sequential timings, cache states, and per throughput round the calls/s at the
     * concurrency and the server's CPU time per call (ms; what a call costs whatever else the machine runs).
     */
    record ToolCost(
            String tool,
            Timings sequential,
            Map<String, Integer> states,
            List<Double> callsPerSecond,
            List<Double> serverCpuMsPerCall) {

        double throughput() {
            return mean(callsPerSecond);
        }

        double cpuMsPerCall() {
            return mean(serverCpuMsPerCall);
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /** One throughput phase: calls/s, and the server's CPU time per call in ms. */
    record Phase(double callsPerSecond, double serverCpuMsPerCall) {}

    /**
     * Cached tool against the no-op: ≤ 1.3 at p50 and p99 and ≥ 0.8 of its throughput are the targets;
     * {@code serverCpu} is the cached call's server CPU time over the no-op's.
     */
    record Ratio(String tool, double p50, double p99, double throughput, double serverCpu) {

        static Ratio of(ToolCost cached, ToolCost noOp) {
            return new Ratio(
                    cached.tool(),
                    round(cached.sequential().p50Ms() / noOp.sequential().p50Ms()),
                    round(cached.sequential().p99Ms() / noOp.sequential().p99Ms()),
                    round(cached.throughput() / noOp.throughput()),
                    round(cached.cpuMsPerCall() / noOp.cpuMsPerCall()));
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }

    record Report(
            Machine start,
            Machine end,
            List<Double> loadAverages,
            int concurrency,
            List<ToolCost> tools,
            List<Ratio> ratios) {

        String markdown() {
            StringBuilder out = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%n%s, nproc %d; load average %s at the start, %s at the end, samples %s%n%n"
                            + "| tool | calls | p50 (ms) | p99 (ms) | mean (ms) | calls/s at %d | server CPU ms/call | cache states |%n"
                            + "|---|--:|--:|--:|--:|--:|--:|---|%n",
                    start.cpu(),
                    start.nproc(),
                    start.loadAverage(),
                    end.loadAverage(),
                    loadAverages,
                    concurrency));
            for (ToolCost tool : tools) {
                Timings t = tool.sequential();
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.2f | %.2f | %.2f | %.0f %s | %.3f %s | %s |%n",
                        tool.tool(),
                        t.calls(),
                        t.p50Ms(),
                        t.p99Ms(),
                        t.meanMs(),
                        tool.throughput(),
                        tool.callsPerSecond(),
                        tool.cpuMsPerCall(),
                        tool.serverCpuMsPerCall(),
                        tool.states()));
            }
            out.append("\n| cached/no-op | p50 | p99 | throughput | server CPU |\n|---|--:|--:|--:|--:|\n");
            ratios.forEach(r -> out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f× | %.2f× | %.2f | %.2f× |%n",
                    r.tool(),
                    r.p50(),
                    r.p99(),
                    r.throughput(),
                    r.serverCpu())));
            return out.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("load.dir", "target/load-hitcost"));
        int calls = Integer.getInteger("load.hitCalls", 3000);
        int seconds = Integer.getInteger("load.hitSeconds", 8);
        int concurrency = Integer.getInteger("load.concurrency", 16);
        Machine start = Machine.now();
        System.out.println("Hit-cost run: " + calls + " calls, " + seconds + " s at " + concurrency + " on " + start);
        Report report;
        try (LoadSampler load = new LoadSampler();
                LoadServer server = LoadServer.start(
                        Path.of(System.getProperty("load.payaraJar", "target/payara-micro.jar")),
                        Path.of(System.getProperty("load.war", "target/m365-mcp.war")),
                        work,
                        Integer.getInteger("load.latencyMs", 300))) {
            McpSyncClient client = server.client();
            try {
                report = run(server, client, calls, seconds, concurrency, start, load);
            } finally {
                client.closeGracefully();
            }
        }
        System.out.println(report.markdown());
        Path file = work.resolve("hitcost-results.json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), report);
        System.out.println("Figures in " + file);
    }

    private static Report run(
            LoadServer server,
            McpSyncClient client,
            int calls,
            int seconds,
            int concurrency,
            Machine start,
            LoadSampler load)
            throws Exception {
        Map<String, Object> list = Map.of("account_id", ACCOUNT, "folder", "inbox", "limit", 25);
        String id =
                LoadTools.messageIds(LoadTools.call(client, "email_list", list)).get(0);
        Map<String, CallToolRequest> requests = new LinkedHashMap<>();
        requests.put(NO_OP, new CallToolRequest(NO_OP, Map.of()));
        requests.put("email_list", new CallToolRequest("email_list", list));
        requests.put("email_get", new CallToolRequest("email_get", Map.of("account_id", ACCOUNT, "message_id", id)));
        System.out.println("Warming up");
        sequential(client, requests, calls);
        for (CallToolRequest request : requests.values()) {
            throughput(server, client, request, Math.max(1, seconds / 2), concurrency);
        }
        System.out.println("Sequential, interleaved");
        Map<String, LoadTools.Series> series = sequential(client, requests, calls);
        System.out.println("Throughput at " + concurrency);
        Map<String, List<Phase>> phases = new LinkedHashMap<>();
        for (int round = 0; round < 2; round++) {
            for (CallToolRequest request : requests.values()) {
                phases.computeIfAbsent(request.name(), name -> new ArrayList<>())
                        .add(throughput(server, client, request, seconds, concurrency));
            }
        }
        List<ToolCost> tools = requests.keySet().stream()
                .map(name -> new ToolCost(
                        name,
                        series.get(name).timings(),
                        series.get(name).states(),
                        phases.get(name).stream().map(Phase::callsPerSecond).toList(),
                        phases.get(name).stream().map(Phase::serverCpuMsPerCall).toList()))
                .toList();
        List<Ratio> ratios = tools.subList(1, tools.size()).stream()
                .map(t -> Ratio.of(t, tools.get(0)))
                .toList();
        return new Report(start, Machine.now(), load.samples(), concurrency, tools, ratios);
    }

    /** Each tool called {@code calls} times, interleaved call by call; every cached answer must be a hit. */
    private static Map<String, LoadTools.Series> sequential(
            McpSyncClient client, Map<String, CallToolRequest> requests, int calls) {
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> states = new LinkedHashMap<>();
        for (int i = 0; i < calls; i++) {
            for (CallToolRequest request : requests.values()) {
                long started = System.nanoTime();
                CallToolResult result = client.callTool(request);
                long took = System.nanoTime() - started;
                Map<String, Object> answer = LoadTools.structured(request.name(), result);
                nanos.computeIfAbsent(request.name(), name -> new ArrayList<>()).add(took);
                if (answer.containsKey("cache")) {
                    String state = LoadTools.cacheState(answer);
                    if (!LoadTools.isHit(state) && i > 0) {
                        throw new IllegalStateException(request.name() + " answered " + state + ", not a hit");
                    }
                    states.computeIfAbsent(request.name(), name -> new TreeMap<>())
                            .merge(state, 1, Integer::sum);
                }
            }
        }
        Map<String, LoadTools.Series> series = new LinkedHashMap<>();
        nanos.forEach((name, times) ->
                series.put(name, new LoadTools.Series(Timings.of(times), states.getOrDefault(name, Map.of()))));
        return series;
    }

    /** Calls/s of {@code request} from {@code concurrency} threads over one session for {@code seconds}, and the server CPU per call. */
    private static Phase throughput(
            LoadServer server, McpSyncClient client, CallToolRequest request, int seconds, int concurrency)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            long started = System.nanoTime();
            long cpuBefore = server.cpuTime().toNanos();
            for (int t = 0; t < concurrency; t++) {
                counts.add(threads.submit(() -> {
                    int done = 0;
                    while (!stop.get()) {
                        LoadTools.structured(request.name(), client.callTool(request));
                        done++;
                    }
                    return done;
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            long total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            double cpuMs = (server.cpuTime().toNanos() - cpuBefore) / 1e6;
            return new Phase(
                    Math.round(total / ((System.nanoTime() - started) / 1e9)),
                    Math.round(cpuMs / total * 1000) / 1000.0);
        } finally {
            threads.shutdownNow();
        }
    }
}

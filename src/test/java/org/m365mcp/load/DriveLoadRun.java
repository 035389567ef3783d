package org.m365mcp.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.m365mcp.load.LoadTools.Series;

/**
 * The end-to-end load run of the OneDrive reads SPEC §8 sets targets for: {@code folder_get_tree}
 * (30 s → < 100 ms cached) over the sandbox's whole seeded drive (274 folders) and {@code file_list}
 * (1–3 s → < 30 ms), uncached ({@code force_refresh}) then cached, over MCP against the built WAR on
 * its own Payara Micro with the sandbox at {@code load.latencyMs} a Graph request. Counts the Graph
 * requests of each uncached series, and says what the same listings would cost one after another.
 * Run by {@code mvn -B -Pload package} after the mail run; not a test, it asserts no timing.
 *
 * <p>System properties: {@code load.dir}, {@code load.payaraJar}, {@code load.war},
 * {@code load.latencyMs} (300), {@code load.cachedCalls} (200), {@code load.treeUncachedCalls} (3),
 * {@code load.uncachedCalls} (50 used for file_list).
 */
public final class DriveLoadRun {

    private static final String ACCOUNT = "demo";

    /** One tool's figures: uncached and cached series, and the Graph requests each series cost. */
    record ToolFigures(
            String tool, Series uncached, long uncachedGraphRequests, Series cached, long cachedGraphRequests) {}

    /** The run's figures, as written to {@code drive-results.json}. */
    record Report(
            Machine start,
            Machine end,
            List<Double> loadAverages,
            int latencyMs,
            int treeFolders,
            ToolFigures folderGetTree,
            ToolFigures fileList) {}

    private DriveLoadRun() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("load.dir", "target/load-drive"));
        int latency = Integer.getInteger("load.latencyMs", 300);
        int cachedCalls = Integer.getInteger("load.cachedCalls", 200);
        int treeCalls = Integer.getInteger("load.treeUncachedCalls", 3);
        int listCalls = Math.min(50, Integer.getInteger("load.uncachedCalls", 50));
        Machine start = Machine.now();
        System.out.println("Drive load run: " + latency + " ms a Graph request on " + start);
        Report report;
        try (LoadSampler load = new LoadSampler();
                LoadServer server = LoadServer.start(
                        Path.of(System.getProperty("load.payaraJar", "target/payara-micro.jar")),
                        Path.of(System.getProperty("load.war", "target/m365-mcp.war")),
                        work,
                        latency)) {
            McpSyncClient client = server.client();
            try {
                Map<String, Object> tree = Map.of("account_id", ACCOUNT, "max_depth", 10);
                System.out.println("Warming up on demo2");
                LoadTools.call(client, "folder_get_tree", Map.of("account_id", "demo2", "max_depth", 2));
                int folders = ((Number) LoadTools.call(
                                        client, "folder_get_tree", Map.of("account_id", "demo2", "max_depth", 10))
                                .get("folder_count"))
                        .intValue();
                System.out.println("Timing folder_get_tree (" + folders + " folders)");
                ToolFigures treeFigures = time(
                        client,
                        server,
                        "folder_get_tree",
                        repeat(tree, treeCalls, true),
                        repeat(tree, cachedCalls, false));
                List<Map<String, Object>> folderArgs = projectFolders(client);
                System.out.println("Timing file_list over " + folderArgs.size() + " folders");
                ToolFigures listFigures = time(
                        client,
                        server,
                        "file_list",
                        cycle(folderArgs, listCalls, true),
                        cycle(folderArgs, cachedCalls, false));
                report = new Report(start, Machine.now(), load.samples(), latency, folders, treeFigures, listFigures);
            } finally {
                client.closeGracefully();
            }
        }
        System.out.println(markdown(report));
        Files.createDirectories(work);
        new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(work.resolve("drive-results.json").toFile(), report);
        System.out.println("Figures in " + work.resolve("drive-results.json"));
    }

    /** The folders {@code file_list} is timed on: every folder two levels below /Documents, by id. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> projectFolders(McpSyncClient client) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String parent : List.of("/Documents/Projects", "/Documents/Customers", "/Documents/Finance")) {
            for (Map<String, Object> folder : (List<Map<String, Object>>)
                    LoadTools.call(client, "folder_list", Map.of("account_id", ACCOUNT, "folder", parent))
                            .get("folders")) {
                out.add(Map.of("account_id", ACCOUNT, "folder", folder.get("id")));
            }
        }
        return out;
    }

    private static ToolFigures time(
            McpSyncClient client,
            LoadServer server,
            String tool,
            List<Map<String, Object>> uncached,
            List<Map<String, Object>> cached)
            throws Exception {
        long before = server.graphRequests();
        Series cold = LoadTools.series(client, tool, uncached);
        long coldRequests = server.graphRequests() - before;
        Series warm = LoadTools.series(client, tool, cached);
        return new ToolFigures(tool, cold, coldRequests, warm, server.graphRequests() - before - coldRequests);
    }

    private static List<Map<String, Object>> repeat(Map<String, Object> arguments, int count, boolean force) {
        return cycle(List.of(arguments), count, force);
    }

    private static List<Map<String, Object>> cycle(List<Map<String, Object>> arguments, int count, boolean force) {
        List<Map<String, Object>> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> call = new java.util.HashMap<>(arguments.get(i % arguments.size()));
            call.put("force_refresh", force);
            calls.add(call);
        }
        return calls;
    }

    private static String markdown(Report report) {
        StringBuilder out = new StringBuilder(
                        "| call | calls | p50 ms | p95 ms | p99 ms | Graph requests/call | states |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ToolFigures tool : List.of(report.folderGetTree(), report.fileList())) {
            row(out, tool.tool() + " uncached", tool.uncached(), tool.uncachedGraphRequests());
            row(out, tool.tool() + " cached", tool.cached(), tool.cachedGraphRequests());
        }
        double perTree = report.folderGetTree().uncachedGraphRequests()
                / (double) report.folderGetTree().uncached().timings().calls();
        out.append(String.format(
                Locale.ROOT,
                "%nOne after another, %.0f listings at %d ms would take %.1f s.%n",
                perTree,
                report.latencyMs(),
                perTree * report.latencyMs() / 1000));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, Series series, long graphRequests) {
        Timings t = series.timings();
        out.append(String.format(
                Locale.ROOT,
                "| %s | %d | %.2f | %.2f | %.2f | %.2f | %s |%n",
                label,
                t.calls(),
                t.p50Ms(),
                t.p95Ms(),
                t.p99Ms(),
                graphRequests / (double) t.calls(),
                series.states()));
    }
}

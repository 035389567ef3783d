package org.m365mcp.load;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.m365mcp.load.LoadReport.Settings;
import org.m365mcp.load.LoadReport.ToolFigures;
import org.m365mcp.load.LoadTools.Series;

/**
 * The end-to-end load run of the mail tools (SPEC §8): the built WAR on its own Payara Micro, the
 * sandbox's Graph at a realistic latency, everything measured over MCP Streamable HTTP with the
 * official SDK client. Run by {@code mvn -B -Pload package}; not a test, it asserts no timing.
 *
 * <ol>
 *   <li>Warm-up (JIT, connections) on {@code demo2}, with arguments no session uses: every cache the
 *       sessions read starts cold.
 *   <li>The assistant session ({@link AssistantSession}) on {@code demo}, and its reads only on {@code demo2}:
 *       each twice with the cache (from cold, then again), then with {@code use_cache: false}.
 *   <li>{@code email_list} and {@code email_get}: uncached ({@code force_refresh}) then cached, on {@code demo}.
 * </ol>
 *
 * <p>System properties: {@code load.dir}, {@code load.payaraJar}, {@code load.war},
 * {@code load.latencyMs} (300), {@code load.cachedCalls} (200), {@code load.uncachedCalls} (100).
 */
public final class MailLoadRun {

    /** The account of the timed series and of the session with writes. */
    private static final String ACCOUNT = "demo";
    /** The account of the reads-only session, whose cache the warm-up leaves cold for the session's calls. */
    private static final String OTHER_ACCOUNT = "demo2";

    private static final List<String> FOLDERS = List.of("inbox", "archive", "sentitems", "deleteditems", "drafts");

    private MailLoadRun() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("load.dir", "target/load"));
        Settings settings = new Settings(
                Integer.getInteger("load.latencyMs", 300),
                Integer.getInteger("load.cachedCalls", 200),
                Integer.getInteger("load.uncachedCalls", 100));
        Machine start = Machine.now();
        System.out.println("Load run: " + settings + " on " + start);
        LoadReport report;
        try (LoadSampler load = new LoadSampler();
                LoadServer server = LoadServer.start(
                        Path.of(System.getProperty("load.payaraJar", "target/payara-micro.jar")),
                        Path.of(System.getProperty("load.war", "target/m365-mcp.war")),
                        work,
                        settings.latencyMs())) {
            report = run(server, settings, start, load);
        }
        System.out.println(report.markdown());
        report.writeJson(work.resolve("results.json"));
        System.out.println("Figures in " + work.resolve("results.json"));
    }

    private static LoadReport run(LoadServer server, Settings settings, Machine start, LoadSampler load)
            throws Exception {
        if (server.latencyMs() != settings.latencyMs()) {
            throw new IllegalStateException(
                    "the sandbox adds " + server.latencyMs() + " ms, not " + settings.latencyMs());
        }
        McpSyncClient client = server.client();
        try {
            warmUp(client);
            List<SessionFigures> sessions = List.of(
                    SessionFigures.run("triage with 3 writes", AssistantSession.script(), ACCOUNT, 2, client, server),
                    SessionFigures.run(
                            "triage, reads only", AssistantSession.readsOnly(), OTHER_ACCOUNT, 2, client, server));
            System.out.println("Timing email_list and email_get");
            ToolFigures list = timeTool(
                    client,
                    server,
                    "email_list",
                    settings,
                    i -> Map.of("folder", FOLDERS.get(i % FOLDERS.size()), "limit", 25));
            List<String> ids = LoadTools.messageIds(LoadTools.call(
                    client, "email_list", Map.of("account_id", ACCOUNT, "limit", settings.uncachedCalls())));
            ToolFigures get =
                    timeTool(client, server, "email_get", settings, i -> Map.of("message_id", ids.get(i % ids.size())));
            return new LoadReport(
                    start,
                    Machine.now(),
                    load.samples(),
                    settings,
                    list,
                    get,
                    sessions,
                    LoadTools.call(client, "cache_get_stats", Map.of()));
        } finally {
            client.closeGracefully();
        }
    }

    /**
     * JIT and connections warm, through the same tools and cache paths, under cache keys no session
     * uses (a folder it never lists, html bodies where it reads text).
     */
    private static void warmUp(McpSyncClient client) {
        System.out.println("Warming up on " + OTHER_ACCOUNT);
        Map<String, Object> junk = Map.of("account_id", OTHER_ACCOUNT, "folder", "junkemail", "limit", 5);
        List<String> ids = LoadTools.messageIds(LoadTools.call(client, "email_list", junk));
        for (int i = 0; i < 50; i++) {
            LoadTools.call(client, "email_list", junk);
            LoadTools.call(
                    client,
                    "email_get",
                    Map.of("account_id", OTHER_ACCOUNT, "message_id", ids.get(i % ids.size()), "body_format", "html"));
        }
    }

    /** Uncached calls ({@code force_refresh}: each goes to Graph and is stored), then cached ones (fresh hits). */
    private static ToolFigures timeTool(
            McpSyncClient client,
            LoadServer server,
            String tool,
            Settings settings,
            IntFunction<Map<String, Object>> arguments)
            throws Exception {
        long graphBefore = server.graphRequests();
        Series uncached = LoadTools.series(client, tool, calls(settings.uncachedCalls(), arguments, true));
        long graphRequests = server.graphRequests() - graphBefore;
        Series cached = LoadTools.series(client, tool, calls(settings.cachedCalls(), arguments, false));
        return new ToolFigures(
                tool, uncached, graphRequests, cached, server.graphRequests() - graphBefore - graphRequests);
    }

    private static List<Map<String, Object>> calls(
            int count, IntFunction<Map<String, Object>> arguments, boolean forceRefresh) {
        List<Map<String, Object>> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> call = new HashMap<>(arguments.apply(i));
            call.put("account_id", ACCOUNT);
            call.put("force_refresh", forceRefresh);
            calls.add(call);
        }
        return calls;
    }
}

package org.m365mcp.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The load run of issue 16's targets for a cache that learns what changed in Microsoft 365, in one
 * sync mode: {@code polling} (notifications off) or {@code notifications} (demo mode's loopback
 * webhook: the sandbox notifies the server itself). Its jobs, in order:
 *
 * <ul>
 *   <li>{@link SyncChanges}: how soon an external change shows in a cached read, and in what state;
 *   <li>{@link StaleRevalidation}: what a stale refresh of unchanged data costs;
 *   <li>{@link ChangingSession}: the assistant session with an external change before 10 % of its reads;
 *   <li>{@link IdleCost}: Graph requests of idle accounts, per account and per 10 minutes.
 * </ul>
 *
 * <p>Over MCP against the built WAR on its own Payara Micro (demo mode, the sandbox at
 * {@code load.latencyMs} a request). Random choices come from one seed, printed, so a run can be
 * repeated. Run by {@code mvn -B -Pload package -Dload.mail.skip=true -Dload.drive.skip=true
 * -Dload.sync.mode=polling|notifications}; not a test, it asserts no timing, but it stops when the
 * server does not sync in the mode asked for.
 *
 * <p>System properties: {@code load.dir}, {@code load.payaraJar}, {@code load.war}, {@code load.latencyMs}
 * (300), {@code load.syncMode} (polling), {@code load.seed} (random), {@code load.syncJobs}
 * (changes,revalidation,session,idle), {@code load.syncChanges} (12), {@code load.sessionPasses} (2),
 * {@code load.thinkMs} (3000), {@code load.idleSeconds} (600), {@code load.syncIntervalMs} (30000 polling,
 * 5000 notifications: how old a change an answer may not miss).
 */
public final class SyncLoadRun {

    private static final Set<String> MODES = Set.of("polling", "notifications");

    /** The run's figures, as written to {@code sync-<mode>-results.json}; a job left out is null. */
    record Report(
            Machine start,
            Machine end,
            List<Double> loadAverages,
            int latencyMs,
            String mode,
            long seed,
            Map<String, String> settings,
            SyncChanges.Figures changes,
            StaleRevalidation.Figures revalidation,
            ChangingSession.Figures session,
            IdleCost.Figures idle,
            List<Map<String, Object>> syncedResources) {}

    private SyncLoadRun() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("load.dir", "target/load-sync"));
        int latency = Integer.getInteger("load.latencyMs", 300);
        String mode = System.getProperty("load.syncMode", "polling");
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("load.syncMode must be polling or notifications, not " + mode);
        }
        boolean notifications = mode.equals("notifications");
        long seed = Long.getLong("load.seed", new Random().nextLong());
        Set<String> jobs = Set.of(System.getProperty("load.syncJobs", "changes,revalidation,session,idle")
                .split(","));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("M365_MCP_CACHE_TTL_FOLDER_LIST_FRESH", "PT5S"); // to watch one go stale
        settings.put("M365_MCP_NOTIFICATIONS_ENABLED", String.valueOf(notifications));
        Machine start = Machine.now();
        System.out.println("Sync load run (" + mode + ", seed " + seed + ", -Dload.seed=" + seed + " repeats it): "
                + latency + " ms a Graph request on " + start);
        Random random = new Random(seed);
        Report report;
        try (LoadSampler load = new LoadSampler();
                LoadServer server = LoadServer.start(
                        Path.of(System.getProperty("load.payaraJar", "target/payara-micro.jar")),
                        Path.of(System.getProperty("load.war", "target/m365-mcp.war")),
                        work,
                        latency,
                        settings)) {
            McpSyncClient client = server.client();
            try {
                SyncReads reads = SyncReads.of(client);
                reads.inbox();
                reads.files();
                reads.week();
                awaitMode(client, mode);
                SyncChanges.Figures changes = jobs.contains("changes")
                        ? SyncChanges.run(
                                server,
                                reads,
                                Integer.getInteger("load.syncChanges", 12),
                                notifications ? 5_000 : 30_000,
                                random)
                        : null;
                StaleRevalidation.Figures revalidation =
                        jobs.contains("revalidation") ? StaleRevalidation.run(server, client) : null;
                ChangingSession.Figures session = jobs.contains("session")
                        ? ChangingSession.run(
                                server,
                                client,
                                random,
                                Integer.getInteger("load.sessionPasses", 2),
                                Integer.getInteger("load.thinkMs", 3_000),
                                Long.getLong("load.syncIntervalMs", notifications ? 5_000 : 30_000))
                        : null;
                IdleCost.Figures idle = jobs.contains("idle")
                        ? IdleCost.run(server, Integer.getInteger("load.idleSeconds", 600))
                        : null;
                report = new Report(
                        start,
                        Machine.now(),
                        load.samples(),
                        latency,
                        mode,
                        seed,
                        settings,
                        changes,
                        revalidation,
                        session,
                        idle,
                        resources(client));
            } finally {
                client.closeGracefully();
            }
        }
        Files.createDirectories(work);
        Path results = work.resolve("sync-" + mode + "-results.json");
        new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(results.toFile(), report);
        System.out.println(summary(report));
        System.out.println("Figures in " + results);
    }

    /**
     * Waits until the server follows the three watched resources and every resource it follows is
     * synced in {@code mode}, at most two minutes; else the run stops, since its figures would not be
     * of that mode.
     */
    private static void awaitMode(McpSyncClient client, String mode) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SyncChanges.GIVE_UP_MS;
        List<Map<String, Object>> resources = resources(client);
        while (resources.size() < 3
                || resources.stream().anyMatch(r -> r.get("last_sync") == null || !mode.equals(r.get("mode")))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the server does not sync in " + mode + " mode: " + resources);
            }
            Thread.sleep(1_000);
            resources = resources(client);
        }
        System.out.println("Synced in " + mode + " mode: " + resources.size() + " resources");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources(McpSyncClient client) {
        return (List<Map<String, Object>>) ((Map<String, Object>)
                        LoadTools.call(client, "cache_get_stats", Map.of()).get("sync"))
                .get("resources");
    }

    private static String summary(Report report) {
        StringBuilder out = new StringBuilder("Mode " + report.mode() + ", seed " + report.seed() + ", load "
                + report.start().loadAverage() + " → " + report.end().loadAverage() + "\n");
        if (report.changes() != null) {
            out.append(report.changes().summary());
        }
        if (report.revalidation() != null) {
            out.append("revalidation: ").append(report.revalidation()).append('\n');
        }
        if (report.session() != null) {
            out.append(report.session().summary());
        }
        if (report.idle() != null) {
            out.append(report.idle().summary());
        }
        return out.toString();
    }
}

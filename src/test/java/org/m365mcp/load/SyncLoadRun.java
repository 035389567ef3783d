package org.m365mcp.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The load run of issue 16's targets for a cache that learns what changed in Microsoft 365: how long
 * an external change (new mail, flag, delete, move, an item of the drive's root renamed, an event
 * moved) takes to show in
 * a cached read with the shipped polling settings, whether that read came from the cache, what a stale
 * refresh of unchanged data costs, and what an idle account costs in Graph requests. Over MCP against
 * the built WAR on its own Payara Micro (demo mode, the sandbox at {@code load.latencyMs} a request);
 * "another client" is the sandbox's Graph API called with the account's own token. Run by
 * {@code mvn -B -Pload package}; not a test, it asserts no timing.
 *
 * <p>System properties: {@code load.dir}, {@code load.payaraJar}, {@code load.war},
 * {@code load.latencyMs} (300), {@code load.syncChanges} (12), {@code load.idleSeconds} (300),
 * {@code load.syncMode} ({@code polling}, or {@code notifications} when the server subscribes).
 */
public final class SyncLoadRun {

    private static final String ACCOUNT = "demo2";
    private static final String DEMO_TOKEN = "sandbox-demo-token";
    private static final String DEMO2_TOKEN = "sandbox-demo2-token";
    private static final String MEGAN = "megan.bowen@contoso.sandbox";
    private static final long GIVE_UP_MS = 120_000;
    private static final long READ_EVERY_MS = 1_000;

    /** One external change and when a cached read first showed it. */
    record Change(String kind, long visibleAfterMs, String state, int reads) {}

    /** The stale refresh of an unchanged listing: Graph requests it cost. */
    record Revalidation(String staleState, String nextState, long deltaRequests, long listingRequests) {}

    /** The run's figures, as written to {@code sync-results.json}. */
    record Report(
            Machine start,
            Machine end,
            List<Double> loadAverages,
            int latencyMs,
            String mode,
            Map<String, String> settings,
            List<Change> changes,
            Timings visibleAll,
            Map<String, Timings> visibleByKind,
            Map<String, Integer> visibleStates,
            Revalidation revalidation,
            int idleSeconds,
            long idleRequests,
            long idleDeltaRequests,
            List<Object> syncedResources) {}

    private SyncLoadRun() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("load.dir", "target/load-sync"));
        int latency = Integer.getInteger("load.latencyMs", 300);
        int changeCount = Integer.getInteger("load.syncChanges", 12);
        int idleSeconds = Integer.getInteger("load.idleSeconds", 300);
        String mode = System.getProperty("load.syncMode", "polling");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("M365_MCP_CACHE_TTL_FOLDER_LIST_FRESH", "PT5S"); // to watch one go stale
        if (!mode.equals("notifications")) {
            settings.put("M365_MCP_NOTIFICATIONS_ENABLED", "false");
        }
        Machine start = Machine.now();
        System.out.println("Sync load run (" + mode + "): " + latency + " ms a Graph request on " + start);
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
                Reads reads = Reads.of(client);
                reads.inbox();
                reads.files();
                reads.week();
                awaitFirstRounds(server);
                List<Change> changes = new ArrayList<>();
                String[] kinds = {"new_mail", "flag", "delete", "move", "file_rename", "event_moved"};
                java.util.Random phase = new java.util.Random(16);
                for (int i = 0; i < changeCount; i++) {
                    String kind = kinds[i % kinds.length];
                    // A change lands at a random point of the polling cycle, not right after the poll
                    // that showed the previous one.
                    Thread.sleep(phase.nextInt(30_000));
                    Change change = change(kind, server, reads);
                    System.out.println("  " + change);
                    changes.add(change);
                }
                Revalidation revalidation = revalidation(server, client);
                System.out.println("  " + revalidation);
                System.out.println("Idle for " + idleSeconds + " s");
                long before = server.graphRequests();
                long deltaBefore = server.graphRequests(p -> p.endsWith("/delta"));
                Thread.sleep(idleSeconds * 1000L);
                long idle = server.graphRequests() - before;
                long idleDelta = server.graphRequests(p -> p.endsWith("/delta")) - deltaBefore;
                @SuppressWarnings("unchecked")
                List<Object> resources =
                        (List<Object>) ((Map<String, Object>) LoadTools.call(client, "cache_get_stats", Map.of())
                                        .get("sync"))
                                .get("resources");
                report = new Report(
                        start,
                        Machine.now(),
                        load.samples(),
                        latency,
                        mode,
                        settings,
                        changes,
                        Timings.of(changes.stream()
                                .map(c -> c.visibleAfterMs() * 1_000_000)
                                .toList()),
                        byKind(changes),
                        states(changes),
                        revalidation,
                        idleSeconds,
                        idle,
                        idleDelta,
                        resources);
            } finally {
                client.closeGracefully();
            }
        }
        Files.createDirectories(work);
        new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(work.resolve("sync-results.json").toFile(), report);
        System.out.println(summary(report));
        System.out.println("Figures in " + work.resolve("sync-results.json"));
    }

    /** The cached reads the changes are watched through. */
    private record Reads(McpSyncClient client, String filesFolder) {

        /** The reads, watching the first folder under demo's /Documents that holds files. */
        @SuppressWarnings("unchecked")
        static Reads of(McpSyncClient client) {
            for (String parent : List.of("/Documents/Projects", "/Documents/Customers", "/Documents/Finance")) {
                for (Map<String, Object> folder : (List<Map<String, Object>>)
                        LoadTools.call(client, "folder_list", Map.of("account_id", "demo", "folder", parent))
                                .get("folders")) {
                    String path = parent + "/" + folder.get("name");
                    List<?> files = (List<?>) LoadTools.call(
                                    client, "file_list", Map.of("account_id", "demo", "folder", path, "limit", 100))
                            .get("files");
                    if (!files.isEmpty()) {
                        return new Reads(client, path);
                    }
                }
            }
            throw new IllegalStateException("no folder with files under demo's /Documents");
        }

        Map<String, Object> inbox() {
            return LoadTools.call(client, "email_list", Map.of("account_id", ACCOUNT, "folder", "inbox", "limit", 40));
        }

        /** The watched folder of demo's drive (demo2's drive is empty; the roots hold folders only). */
        Map<String, Object> files() {
            return LoadTools.call(
                    client, "file_list", Map.of("account_id", "demo", "folder", filesFolder, "limit", 100));
        }

        Map<String, Object> week() {
            return LoadTools.call(
                    client, "calendar_list_events", Map.of("account_id", ACCOUNT, "time_zone", "UTC", "limit", 300));
        }
    }

    private static void awaitFirstRounds(LoadServer server) throws Exception {
        long deadline = System.currentTimeMillis() + GIVE_UP_MS;
        while (server.graphRequests(p -> p.endsWith("/delta")) < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
    }

    @SuppressWarnings("unchecked")
    private static Change change(String kind, LoadServer server, Reads reads) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Supplier<Map<String, Object>> read;
        Predicate<Map<String, Object>> shows;
        switch (kind) {
            case "new_mail" -> {
                String subject = "Load sync " + unique;
                server.graphAs(
                        DEMO_TOKEN,
                        "POST",
                        "/me/sendMail",
                        "{\"message\":{\"subject\":\"" + subject
                                + "\",\"toRecipients\":[{\"emailAddress\":{\"address\":\"" + MEGAN + "\"}}]}}");
                read = reads::inbox;
                shows = answer -> messages(answer).stream().anyMatch(m -> subject.equals(m.get("subject")));
            }
            case "flag" -> {
                Map<String, Object> message = messages(reads.inbox()).stream()
                        .filter(m -> Boolean.FALSE.equals(m.get("flagged")))
                        .findFirst()
                        .orElseThrow();
                server.graphAs(
                        DEMO2_TOKEN,
                        "PATCH",
                        "/me/messages/" + message.get("id"),
                        "{\"flag\":{\"flagStatus\":\"flagged\"}}");
                read = reads::inbox;
                shows = answer -> messages(answer).stream()
                        .anyMatch(m -> m.get("id").equals(message.get("id")) && Boolean.TRUE.equals(m.get("flagged")));
            }
            case "delete", "move" -> {
                Object id = messages(reads.inbox()).get(0).get("id");
                if (kind.equals("delete")) {
                    server.graphAs(DEMO2_TOKEN, "DELETE", "/me/messages/" + id, null);
                } else {
                    server.graphAs(
                            DEMO2_TOKEN, "POST", "/me/messages/" + id + "/move", "{\"destinationId\":\"archive\"}");
                }
                read = reads::inbox;
                shows = answer ->
                        messages(answer).stream().noneMatch(m -> m.get("id").equals(id));
            }
            case "file_rename" -> {
                List<Map<String, Object>> listed =
                        (List<Map<String, Object>>) reads.files().get("files");
                if (listed.isEmpty()) {
                    List<?> graph = (List<?>) LoadTools.call(
                                    reads.client(),
                                    "file_list",
                                    Map.of(
                                            "account_id",
                                            "demo",
                                            "folder",
                                            reads.filesFolder(),
                                            "limit",
                                            100,
                                            "force_refresh",
                                            true))
                            .get("files");
                    throw new IllegalStateException("The cached file_list of " + reads.filesFolder()
                            + " is empty; Graph lists " + graph.size() + " files there");
                }
                Map<String, Object> file = listed.get(0);
                String name = "Renamed " + unique;
                server.graphAs(DEMO_TOKEN, "PATCH", "/me/drive/items/" + file.get("id"), "{\"name\":\"" + name + "\"}");
                read = reads::files;
                shows = answer -> ((List<Map<String, Object>>) answer.get("files"))
                        .stream().anyMatch(f -> name.equals(f.get("name")));
            }
            case "event_moved" -> {
                String day = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
                Map<String, Object> event = Map.of(
                        "id",
                        server.graphAs(
                                        DEMO2_TOKEN,
                                        "POST",
                                        "/me/events",
                                        "{\"subject\":\"To be moved " + unique + "\",\"start\":{\"dateTime\":\"" + day
                                                + "T15:00:00\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + day
                                                + "T16:00:00\",\"timeZone\":\"UTC\"}}")
                                .path("id")
                                .asText());
                await(
                        reads::week,
                        answer -> ((List<Map<String, Object>>) answer.get("events"))
                                .stream().anyMatch(e -> e.get("id").equals(event.get("id"))));
                int minute = Math.floorMod(unique.hashCode(), 50);
                String at = day + "T06:" + String.format(Locale.ROOT, "%02d", minute);
                server.graphAs(
                        DEMO2_TOKEN,
                        "PATCH",
                        "/me/events/" + event.get("id"),
                        "{\"start\":{\"dateTime\":\""
                                + at + ":00\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + day
                                + "T07:30:00\",\"timeZone\":\"UTC\"}}");
                read = reads::week;
                shows = answer -> ((List<Map<String, Object>>) answer.get("events"))
                        .stream()
                                .anyMatch(e -> e.get("id").equals(event.get("id"))
                                        && String.valueOf(e.get("start")).startsWith(at));
            }
            default -> throw new IllegalArgumentException(kind);
        }
        long started = System.nanoTime();
        int count = 0;
        while (true) {
            Map<String, Object> answer = read.get();
            count++;
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            if (shows.test(answer)) {
                return new Change(kind, elapsedMs, LoadTools.cacheState(answer), count);
            }
            if (elapsedMs > GIVE_UP_MS) {
                return new Change(kind, -1, "never", count);
            }
            Thread.sleep(READ_EVERY_MS);
        }
    }

    /** Reads until {@code shows} holds (the created event is in the cached week), at most two minutes. */
    private static void await(Supplier<Map<String, Object>> read, Predicate<Map<String, Object>> shows)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + GIVE_UP_MS;
        while (!shows.test(read.get()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(READ_EVERY_MS);
        }
    }

    private static Revalidation revalidation(LoadServer server, McpSyncClient client) throws Exception {
        Map<String, Object> folders = new HashMap<>(Map.of("account_id", "demo", "limit", 9));
        folders.put("force_refresh", true);
        LoadTools.call(client, "folder_list", folders); // cached after the drive's first round
        folders.put("force_refresh", false);
        Thread.sleep(6_000); // past the 5 s fresh TTL set for this run
        Predicate<String> listing = p -> p.equals("/me/drive/root/children");
        Predicate<String> delta = p -> p.equals("/me/drive/root/delta");
        long listings = server.graphRequests(listing);
        long deltas = server.graphRequests(delta);
        String stale = LoadTools.cacheState(LoadTools.call(client, "folder_list", folders));
        String next = stale;
        long deadline = System.currentTimeMillis() + 10_000;
        while (!next.equals("fresh") || stale.equals(next)) {
            Thread.sleep(100);
            next = LoadTools.cacheState(LoadTools.call(client, "folder_list", folders));
            if (next.equals("fresh") || System.currentTimeMillis() > deadline) {
                break;
            }
        }
        return new Revalidation(
                stale, next, server.graphRequests(delta) - deltas, server.graphRequests(listing) - listings);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("messages");
    }

    private static Map<String, Timings> byKind(List<Change> changes) {
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        changes.stream()
                .filter(c -> c.visibleAfterMs() >= 0)
                .forEach(c ->
                        nanos.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c.visibleAfterMs() * 1_000_000));
        Map<String, Timings> out = new LinkedHashMap<>();
        nanos.forEach((kind, list) -> out.put(kind, Timings.of(list)));
        return out;
    }

    private static Map<String, Integer> states(List<Change> changes) {
        Map<String, Integer> states = new java.util.TreeMap<>();
        changes.forEach(c -> states.merge(c.state(), 1, Integer::sum));
        return states;
    }

    private static String summary(Report report) {
        StringBuilder out = new StringBuilder("| change | n | p50 (s) | p95 (s) | max (s) |\n|---|--:|--:|--:|--:|\n");
        report.visibleByKind()
                .forEach((kind, t) -> out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.1f | %.1f | %.1f |%n",
                        kind,
                        t.calls(),
                        t.p50Ms() / 1000,
                        t.p95Ms() / 1000,
                        t.maxMs() / 1000)));
        Timings all = report.visibleAll();
        out.append(String.format(
                Locale.ROOT,
                "| all | %d | %.1f | %.1f | %.1f |%n",
                all.calls(),
                all.p50Ms() / 1000,
                all.p95Ms() / 1000,
                all.maxMs() / 1000));
        out.append("states of the first read showing it: ")
                .append(report.visibleStates())
                .append('\n');
        out.append("revalidation: ").append(report.revalidation()).append('\n');
        out.append("idle ")
                .append(report.idleSeconds())
                .append(" s: ")
                .append(report.idleRequests())
                .append(" Graph requests (")
                .append(report.idleDeltaRequests())
                .append(" delta)\n");
        return out.toString();
    }
}

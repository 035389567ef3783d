package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The cache learns what another client changed in Microsoft 365 (issue 16), over MCP against the
 * sandbox, by delta polling: the external-change matrix ({@link ExternalChangeMatrix}: add, update,
 * delete and move of each synced resource), a read flag in the next {@code email_get}, an expired delta
 * token, failing rounds, and the revalidation of a stale listing with one delta round.
 *
 * <p>A Payara Micro of its own shared by all its tests (the shared IT server runs without sync, as its
 * ITs count Graph requests), polling every 2 s, change notifications off (NotificationSyncIT proves
 * those). "Another client" is the sandbox's Graph API called straight with the account's own sandbox
 * token. Changes go to {@code demo2} only; the tests wait for what they assert rather than sleep a fixed
 * time where they can.
 */
class DeltaSyncIT extends ExternalChangeMatrix {

    private static final int PORT = Integer.getInteger("it.sync.port", 18089);
    private static final Path WORK = Path.of("target", "it-sync");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxAdmin sandbox;

    @Override
    SyncServer start() throws Exception {
        SyncServer server = SyncServer.start(
                PORT,
                WORK,
                Map.of(
                        "M365_MCP_NOTIFICATIONS_ENABLED", "false", // polling alone: NotificationSyncIT has them
                        "M365_MCP_CACHE_TTL_FOLDER_LIST_FRESH", "PT3S",
                        "M365_MCP_CACHE_TTL_FOLDER_LIST_STALE", "PT10M"));
        sandbox = new SandboxAdmin(server.root().toURL());
        return server;
    }

    @Override
    String expectedMode(String kind) {
        return "polling";
    }

    private static CallToolResult await(Callable<CallToolResult> read, Predicate<CallToolResult> done)
            throws Exception {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        CallToolResult result = read.call();
        while (!done.test(result) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            result = read.call();
        }
        return result;
    }

    private static List<Map<String, Object>> messages(CallToolResult result) {
        return items(result, "messages");
    }

    @Test
    void aMessageReadAndFlaggedElsewhere_isPatchedIntoItsCachedGet_servedFreshWithoutARefetch() throws Exception {
        Map<String, Object> inbox = Map.of("account_id", "demo2", "folder", "inbox", "limit", 62);
        Map<String, Object> unread = messages(call(client(), "email_list", inbox)).stream()
                .filter(m -> Boolean.FALSE.equals(m.get("is_read")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> get = Map.of("account_id", "demo2", "message_id", unread.get("id"));
        CallToolResult first = call(client(), "email_get", get);
        assertThat(structured(first)).containsEntry("is_read", false);
        awaitBaseline("/me/mailFolders/inbox/messages/delta");

        JsonNode changed = graph(
                DEMO2_TOKEN,
                "PATCH",
                "/me/messages/" + unread.get("id"),
                "{\"isRead\":true,\"flag\":{\"flagStatus\":\"flagged\"}}");
        long gets = sandbox.graphRequests("/me/messages/" + unread.get("id")); // the PATCH counted

        CallToolResult read = await(
                () -> call(client(), "email_get", get),
                r -> Boolean.TRUE.equals(structured(r).get("is_read")));
        assertThat(structured(read))
                .containsEntry("is_read", true)
                .containsEntry("flag", "flagged")
                .as("the etag a next change may send")
                .containsEntry("etag", changed.path("@odata.etag").asText());
        assertThat(cacheState(read)).isEqualTo("fresh");
        assertThat(cachedAt(read))
                .as("the answer cached before, corrected in place")
                .isEqualTo(cachedAt(first));
        assertThat(sandbox.graphRequests("/me/messages/" + unread.get("id")))
                .as("not fetched again")
                .isEqualTo(gets);
    }

    @Test
    void aMessageMarkedReadElsewhere_isPatchedIntoTheCachedPage_servedFreshWithoutARefetch() throws Exception {
        Map<String, Object> inbox = Map.of("account_id", "demo2", "folder", "inbox", "limit", 66);
        CallToolResult first = call(client(), "email_list", inbox);
        String unread = messages(first).stream()
                .filter(m -> Boolean.FALSE.equals(m.get("is_read")))
                .map(m -> (String) m.get("id"))
                .findFirst()
                .orElseThrow();
        awaitBaseline("/me/mailFolders/inbox/messages/delta");
        long listings = sandbox.graphRequests("/me/mailFolders/inbox/messages");
        long patchedBefore = syncCount("entries_patched");

        graph(DEMO2_TOKEN, "PATCH", "/me/messages/" + unread, "{\"isRead\":true}");

        CallToolResult seen = await(
                () -> call(client(), "email_list", inbox),
                r -> messages(r).stream()
                        .anyMatch(m -> unread.equals(m.get("id")) && Boolean.TRUE.equals(m.get("is_read"))));
        assertThat(messages(seen))
                .filteredOn(m -> unread.equals(m.get("id")))
                .singleElement()
                .satisfies(m -> assertThat(m).containsEntry("is_read", true));
        assertThat(cacheState(seen)).isEqualTo("fresh");
        assertThat(cachedAt(seen))
                .as("the page cached before, corrected in place")
                .isEqualTo(cachedAt(first));
        assertThat(sandbox.graphRequests("/me/mailFolders/inbox/messages"))
                .as("not fetched again")
                .isEqualTo(listings);
        assertThat(syncCount("entries_patched")).isGreaterThan(patchedBefore);
        assertThat(auditReasons()).contains("sync messages:inbox (delta, patched)");
    }

    @Test
    void aMessageReadElsewhere_movesTheInboxUnreadCountInTheCachedFolderList_patchedWithoutARefetch() throws Exception {
        Map<String, Object> inbox = Map.of("account_id", "demo2", "folder", "inbox", "limit", 67);
        Map<String, Object> folders = Map.of("account_id", "demo2", "limit", 67);
        String unread = messages(call(client(), "email_list", inbox)).stream()
                .filter(m -> Boolean.FALSE.equals(m.get("is_read")))
                .map(m -> (String) m.get("id"))
                .findFirst()
                .orElseThrow();
        CallToolResult first = call(client(), "emailfolders_list", folders);
        int unreadBefore = inboxUnread(first);
        awaitBaseline("/me/mailFolders/inbox/messages/delta");
        awaitBaseline("/me/mailFolders/delta");
        long listings = sandbox.graphRequests("/me/mailFolders");

        graph(DEMO2_TOKEN, "PATCH", "/me/messages/" + unread, "{\"isRead\":true}");

        CallToolResult seen =
                await(() -> call(client(), "emailfolders_list", folders), r -> inboxUnread(r) == unreadBefore - 1);
        assertThat(cacheState(seen)).isEqualTo("fresh");
        assertThat(cachedAt(seen))
                .as("the list cached before, corrected in place")
                .isEqualTo(cachedAt(first));
        assertThat(sandbox.graphRequests("/me/mailFolders"))
                .as("not fetched again")
                .isEqualTo(listings);
        assertThat(auditReasons()).contains("sync mail_folders (delta, patched)");
    }

    @SuppressWarnings("unchecked")
    private static int inboxUnread(CallToolResult folderList) {
        return ((List<Map<String, Object>>) structured(folderList).get("folders"))
                .stream()
                        .filter(f -> "Inbox".equals(f.get("name")))
                        .map(f -> ((Number) f.get("unread_count")).intValue())
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void anEventMovedElsewhere_dropsTheWindowsOfItsOldAndNewTime_andLeavesAnotherWindowFresh() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        String subject = "Moved event " + UUID.randomUUID();
        JsonNode event = graph(DEMO2_TOKEN, "POST", "/me/events", eventAt(subject, today.plusDays(3)));
        awaitBaseline("/me/calendarView/delta");
        awaitDeltaRounds("/me/calendarView/delta", 2); // the event's creation is applied before windows are cached
        Map<String, Object> oldDay = day(today.plusDays(3));
        Map<String, Object> newDay = day(today.plusDays(5));
        Map<String, Object> otherDay = day(today.plusDays(7));
        assertThat(eventSubjects(call(client(), "calendar_list_events", oldDay)))
                .contains(subject);
        assertThat(eventSubjects(call(client(), "calendar_list_events", newDay)))
                .doesNotContain(subject);
        CallToolResult other = call(client(), "calendar_list_events", otherDay);
        assertThat(cacheState(call(client(), "calendar_list_events", otherDay))).isEqualTo("fresh");

        graph(
                DEMO2_TOKEN,
                "PATCH",
                "/me/events/" + event.path("id").asText(),
                eventAt(subject, today.plusDays(5)).replaceFirst("\"subject\":\"[^\"]*\",", ""));

        CallToolResult moved = await(
                () -> call(client(), "calendar_list_events", newDay),
                r -> eventSubjects(r).contains(subject));
        assertThat(eventSubjects(moved)).contains(subject);
        assertThat(eventSubjects(call(client(), "calendar_list_events", oldDay)))
                .doesNotContain(subject);
        CallToolResult untouched = call(client(), "calendar_list_events", otherDay);
        assertThat(cacheState(untouched)).isEqualTo("fresh");
        assertThat(cachedAt(untouched)).as("the unrelated window was kept").isEqualTo(cachedAt(other));
    }

    private static Map<String, Object> day(LocalDate day) {
        return Map.of(
                "account_id",
                "demo2",
                "start",
                day.toString(),
                "end",
                day.toString(),
                "time_zone",
                "UTC",
                "limit",
                300);
    }

    private static String eventAt(String subject, LocalDate day) {
        return "{\"subject\":\"" + subject + "\",\"start\":{\"dateTime\":\"" + day
                + "T10:00:00\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + day
                + "T11:00:00\",\"timeZone\":\"UTC\"}}";
    }

    private void awaitDeltaRounds(String deltaPath, int rounds) throws Exception {
        long target = sandbox.graphRequests(deltaPath) + rounds;
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (sandbox.graphRequests(deltaPath) < target) {
            assertThat(System.nanoTime())
                    .as(rounds + " delta rounds of " + deltaPath)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** When the answer was fetched, to the millisecond (the store keeps milliseconds). */
    private static java.time.Instant cachedAt(CallToolResult result) {
        return java.time.Instant.parse((String) ((Map<?, ?>) structured(result).get("cache")).get("cached_at"))
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @SuppressWarnings("unchecked")
    private long syncCount(String name) {
        Object count = ((Map<String, Object>)
                        structured(call(client(), "cache_get_stats", Map.of())).get("sync"))
                .get(name);
        return count == null ? 0 : ((Number) count).longValue();
    }

    private List<String> auditReasons() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(root() + "/console/api/cache/invalidations?limit=200"))
                        .header("Authorization", "Bearer " + ItServer.TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> reasons = new java.util.ArrayList<>();
        MAPPER.readTree(answer.body())
                .path("invalidations")
                .forEach(i -> reasons.add(i.path("reason").asText()));
        return reasons;
    }

    @Test
    void anExpiredDeltaToken_resyncs_andTheNextChangeIsStillSeen() throws Exception {
        Map<String, Object> inbox = Map.of("account_id", "demo2", "folder", "inbox", "limit", 63);
        call(client(), "email_list", inbox);
        awaitBaseline("/me/mailFolders/inbox/messages/delta");
        long before = sandbox.graphRequests("/me/mailFolders/inbox/messages/delta");

        admin("/sandbox/_admin/delta/expire", "{\"account\":\"demo2\",\"resource\":\"messages\"}");
        String subject = "After resync " + UUID.randomUUID();
        mailToDemo2(subject);

        CallToolResult seen = await(
                () -> call(client(), "email_list", inbox), r -> subjects(r).contains(subject));
        assertThat(subjects(seen)).contains(subject);
        assertThat(sandbox.graphRequests("/me/mailFolders/inbox/messages/delta"))
                .as("a 410, then a new first round")
                .isGreaterThan(before + 1);
    }

    @Test
    void aStaleListingOfUnchangedData_isRevalidatedWithoutRefetchingIt() throws Exception {
        Map<String, Object> folders = Map.of("account_id", "demo2", "limit", 7);
        call(client(), "folder_list", folders);
        awaitBaseline("/me/drive/root/delta");
        // Cached after the drive's first delta round: the sync vouches only for what it saw cached.
        Map<String, Object> refetch = new java.util.HashMap<>(folders);
        refetch.put("force_refresh", true);
        call(client(), "folder_list", refetch);
        Thread.sleep(3_500); // past folder_list's 3 s fresh TTL
        long listings = sandbox.graphRequests("/me/drive/root/children");

        assertThat(cacheState(call(client(), "folder_list", folders))).isEqualTo("stale");
        CallToolResult renewed = await(
                () -> call(client(), "folder_list", folders), r -> cacheState(r).equals("fresh"));

        assertThat(cacheState(renewed)).isEqualTo("fresh");
        assertThat(sandbox.graphRequests("/me/drive/root/children"))
                .as("made fresh again by a delta round, not refetched")
                .isEqualTo(listings);
    }

    @Test
    @SuppressWarnings("unchecked")
    void deltaRoundsFailingWhileAChangeHappens_keepTheirLink_andTheChangeIsSeenOnceGraphAnswers() throws Exception {
        Map<String, Object> inbox = Map.of("account_id", "demo2", "folder", "inbox", "limit", 65);
        call(client(), "email_list", inbox);
        awaitBaseline("/me/mailFolders/inbox/messages/delta");
        sandbox.addFault("{\"path_pattern\":\"/me/mailFolders/inbox/messages/delta\",\"method\":\"GET\","
                + "\"status\":503,\"count\":1000,\"code\":\"ServiceUnavailable\",\"message\":\"Down.\"}");
        String subject = "While Graph failed " + UUID.randomUUID();
        try {
            mailToDemo2(subject);
            long failedBefore = failedPulls();
            long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
            while (failedPulls() == failedBefore && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(failedPulls()).as("a round failed on the 503s").isGreaterThan(failedBefore);
            assertThat(subjects(call(client(), "email_list", inbox)))
                    .as("not seen while every round fails")
                    .doesNotContain(subject);
        } finally {
            sandbox.clearFaults();
        }

        CallToolResult seen = await(
                () -> call(client(), "email_list", inbox), r -> subjects(r).contains(subject));

        assertThat(subjects(seen)).contains(subject);
    }

    @SuppressWarnings("unchecked")
    private long failedPulls() {
        return ((Number) ((Map<String, Object>) structured(call(client(), "cache_get_stats", Map.of()))
                                .get("sync"))
                        .get("failed_pulls"))
                .longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void cacheGetStatsAndMetrics_showWhatTheSyncDid_perResource() throws Exception {
        call(client(), "email_list", Map.of("account_id", "demo2", "folder", "inbox", "limit", 64));
        awaitBaseline("/me/mailFolders/inbox/messages/delta");
        Thread.sleep(2_500); // one more poll, so the resource has a last sync

        Map<String, Object> sync = (Map<String, Object>)
                structured(call(client(), "cache_get_stats", Map.of())).get("sync");
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create(root() + "/metrics?scope=application"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(sync).containsEntry("enabled", true);
        assertThat(((Number) sync.get("pulls")).longValue()).isPositive();
        assertThat((List<Map<String, Object>>) sync.get("resources")).anySatisfy(resource -> {
            assertThat(resource)
                    .containsEntry("account_id", "demo2")
                    .containsEntry("resource", "messages:inbox")
                    .containsEntry("mode", "polling");
            assertThat(((Number) resource.get("lag_seconds")).longValue()).isBetween(0L, 30L);
        });
        assertThat(metrics.body()).contains("m365_sync_pulls", "m365_sync_graph_requests", "m365_cache_revalidated");
    }

    private void awaitBaseline(String deltaPath) throws Exception {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (sandbox.graphRequests(deltaPath) == 0) {
            assertThat(System.nanoTime())
                    .as("a first delta round of " + deltaPath)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private void admin(String path, String body) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(root() + path))
                        .header("Authorization", "Bearer " + ItServer.TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isLessThan(300);
    }
}

package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Change notifications reaching cached reads, end to end, on one server of its own shared by its tests,
 * with the delta sync on (the shared IT server runs without it): the external-change matrix
 * ({@link ExternalChangeMatrix}) in notification mode, and a mail sent to {@code demo2} by another
 * client shown in the cached {@code email_list} within 5 s.
 *
 * <ul>
 *   <li>Polling at 2 s for what notifications do not cover, so the matrix stays short; what they cover is
 *       polled at the shipped 30 min ({@code m365.mcp.sync.notified-interval}), and the fresh TTLs are the
 *       shipped ones (2 min and more): a change seen within the tests' 20 s came by a notification.
 *   <li>Mail folders have no subscription at Graph (Outlook subscribes to messages, events and contacts,
 *       not to the folder collection): their changes are seen by polling, even in this mode.
 * </ul>
 */
class NotificationSyncIT extends ExternalChangeMatrix {

    private static final int PORT = Integer.getInteger("it.notifications.port", 18090);
    private static final Path WORK = Path.of("target", "it-notifications");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    SyncServer start() throws Exception {
        // Every inbox page the tests cached is fetched again after a change, one after the other on the
        // executor's few threads: a read may wait for its own longer than the shipped 3 s here.
        SyncServer server = SyncServer.start(PORT, WORK, Map.of("M365_MCP_REFRESH_JOIN_WAIT", "20s"));
        try {
            awaitSubscriptions(server.root(), "demo2", 4);
        } catch (Exception | Error e) {
            server.stop();
            throw e;
        }
        return server;
    }

    @Override
    String expectedMode(String kind) {
        return kind.equals("mail_folders") ? "polling" : "notifications";
    }

    @Test
    void mailFromAnotherClient_notified_showsInTheCachedEmailListWithinFiveSeconds() throws Exception {
        Map<String, Object> inbox = Map.of("account_id", "demo2", "folder", "inbox", "limit", 10);
        call(client(), "email_list", inbox);
        awaitFollowed("messages:inbox");
        String subject = "Notified " + Instant.now().toEpochMilli();

        Instant sent = Instant.now();
        NotificationItSupport.asDemo2(
                http,
                root(),
                "POST",
                "/me/sendMail",
                "{\"message\":{\"subject\":\"" + subject
                        + "\",\"toRecipients\":[{\"emailAddress\":{\"address\":\"megan.bowen@contoso.sandbox\"}}]}}");
        Map<String, Object> seen = awaitSubject(inbox, subject, Duration.ofSeconds(10));
        Duration visibleAfter = Duration.between(sent, Instant.now());
        Map<String, Object> again = structured(call(client(), "email_list", inbox));

        assertThat(subjects(seen)).contains(subject);
        assertThat(visibleAfter).as("visible after").isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(changesNotified()).as("notifications the webhook accepted").isPositive();
        assertThat(subjects(again)).contains(subject);
        assertThat(state(again)).isEqualTo("fresh");
    }

    @Test
    void readWhileAChangedInboxIsFetchedAgain_waitsForThatFetch_andIsAnsweredFromTheCache() throws Exception {
        Map<String, Object> inbox = Map.of("account_id", "demo2", "folder", "inbox", "limit", 7);
        String deleted = ids(call(client(), "email_list", inbox), "messages").get(0);
        awaitFollowed("messages:inbox");
        SandboxAdmin sandbox = new SandboxAdmin(root().toURL());
        long pages = sandbox.graphRequests("/me/mailFolders/inbox/messages");
        double joined = metric("m365_cache_refreshes", "outcome=\"joined\"");
        // Every fetch of an inbox page takes 1 s at Graph, so the read below lands while the
        // listing the change drops is being fetched again; the delta requests are not slowed.
        sandbox.addFault("{\"path_pattern\":\"/me/mailFolders/inbox/messages\",\"method\":\"GET\","
                + "\"delay_ms\":1000,\"count\":30}");
        try {
            // demo2's own other client deletes it; the round that applies it drops the inbox's pages
            // and schedules them all to be fetched again in one step: once the first of those fetches
            // reached Graph, the one of this listing is running or queued
            graph(DEMO2_TOKEN, "DELETE", "/me/messages/" + deleted, null);
            Instant until = Instant.now().plusSeconds(10);
            while (sandbox.graphRequests("/me/mailFolders/inbox/messages") == pages
                    && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }

            CallToolResult read = call(client(), "email_list", inbox);

            assertThat(ids(read, "messages")).doesNotContain(deleted);
            assertThat(state(structured(read)))
                    .as(() -> "answered by the refetch in flight, not a fetch of its own; latest invalidations "
                            + latestInvalidations())
                    .isEqualTo("fresh");
            assertThat(metric("m365_cache_refreshes", "outcome=\"joined\"") - joined)
                    .isPositive();
        } finally {
            sandbox.clearFaults();
        }
    }

    private Map<String, Object> awaitSubject(Map<String, Object> arguments, String subject, Duration wait)
            throws InterruptedException {
        Instant until = Instant.now().plus(wait);
        Map<String, Object> answer = structured(call(client(), "email_list", arguments));
        while (!subjects(answer).contains(subject) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            answer = structured(call(client(), "email_list", arguments));
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static List<String> subjects(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("messages"))
                .stream().map(m -> String.valueOf(m.get("subject"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static String state(Map<String, Object> answer) {
        return (String) ((Map<String, Object>) answer.get("cache")).get("state");
    }

    /** Waits until the sandbox lists {@code count} of the server's subscriptions for {@code account}. */
    private static void awaitSubscriptions(URI root, String account, int count) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        int found = 0;
        while (Instant.now().isBefore(until)) {
            found = 0;
            for (JsonNode s :
                    JSON.readTree(admin(root, "/sandbox/_admin/subscriptions")).path("subscriptions")) {
                if (s.path("account").asText().equals(account)) {
                    found++;
                }
            }
            if (found >= count) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The server made " + found + " subscriptions for " + account);
    }

    /** The reasons and keys of the latest audited invalidations, newest first: what a failure needs to be read. */
    private String latestInvalidations() {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(root() + "/console/api/cache/invalidations?limit=12"))
                            .header("Authorization", "Bearer " + ItServer.TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.body();
        } catch (Exception e) {
            return "(not read: " + e + ")";
        }
    }

    private double metric(String name, String... labels) throws Exception {
        return NotificationItSupport.metric(http, PORT, name, labels);
    }

    private double changesNotified() throws Exception {
        return NotificationItSupport.metric(http, PORT, "m365_notifications_received", "type=\"change\"");
    }

    private static String admin(URI root, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(root + path))
                                .header("Authorization", "Bearer " + ItServer.TOKEN)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}

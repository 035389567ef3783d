package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A change notification reaching a cached read, end to end, on a server of its own with the delta sync on
 * (the shared IT server runs without it): a mail sent to {@code demo2} by another client (the sandbox's
 * Graph with {@code demo2}'s own token) shows in the cached {@code email_list} within 5 s, long before its
 * 2-minute fresh TTL or the 30 s poll, which notifications push back to 30 min.
 */
class NotificationSyncIT {

    private static final int PORT = Integer.getInteger("it.notifications.port", 18090);
    private static final Path WORK = Path.of("target", "it-notifications");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private MicroProcess payara;
    private McpSyncClient client;

    @AfterEach
    void stopServer() {
        MicroLauncher.stop(client, payara);
    }

    @Test
    void mailFromAnotherClient_notified_showsInTheCachedEmailListWithinFiveSeconds() throws Exception {
        payara = MicroLauncher.on(PORT, WORK).freshWork().store().noWarming().awaitMcp();
        client = ItServer.client(payara.root().toURL());
        awaitSubscriptions("demo2", 4);
        Map<String, Object> inbox = Map.of("account_id", "demo2", "folder", "inbox", "limit", 10);
        call(client, "email_list", inbox);
        awaitDeltaRound();
        String subject = "Notified " + Instant.now().toEpochMilli();

        Instant sent = Instant.now();
        NotificationItSupport.asDemo2(
                http,
                payara.root(),
                "POST",
                "/me/sendMail",
                "{\"message\":{\"subject\":\"" + subject
                        + "\",\"toRecipients\":[{\"emailAddress\":{\"address\":\"megan.bowen@contoso.sandbox\"}}]}}");
        Map<String, Object> seen = awaitSubject(inbox, subject, Duration.ofSeconds(10));
        Duration visibleAfter = Duration.between(sent, Instant.now());
        Map<String, Object> again = structured(call(client, "email_list", inbox));

        assertThat(subjects(seen)).contains(subject);
        assertThat(visibleAfter).as("visible after").isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(changesNotified()).as("notifications the webhook accepted").isPositive();
        assertThat(subjects(again)).contains(subject);
        assertThat(state(again)).isEqualTo("fresh");
    }

    private Map<String, Object> awaitSubject(Map<String, Object> arguments, String subject, Duration wait)
            throws InterruptedException {
        Instant until = Instant.now().plus(wait);
        Map<String, Object> answer = structured(call(client, "email_list", arguments));
        while (!subjects(answer).contains(subject) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            answer = structured(call(client, "email_list", arguments));
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
    private void awaitSubscriptions(String account, int count) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        int found = 0;
        while (Instant.now().isBefore(until)) {
            found = 0;
            for (JsonNode s :
                    JSON.readTree(admin("/sandbox/_admin/subscriptions")).path("subscriptions")) {
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

    /** Waits until the delta sync has read the inbox's messages once (its first round: the baseline). */
    private void awaitDeltaRound() throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(until)) {
            JsonNode byPath = JSON.readTree(admin("/sandbox/_admin/requests")).path("byPath");
            for (var names = byPath.fieldNames(); names.hasNext(); ) {
                if (names.next().endsWith("/messages/delta")) {
                    Thread.sleep(1000); // the round's last page and its link written
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The delta sync never read the inbox");
    }

    private double changesNotified() throws Exception {
        return NotificationItSupport.metric(http, PORT, "m365_notifications_received", "type=\"change\"");
    }

    private String admin(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(payara.root() + path))
                                .header("Authorization", "Bearer " + ItServer.TOKEN)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}

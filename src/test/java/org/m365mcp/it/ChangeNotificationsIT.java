package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Change notifications in demo mode over real HTTP: the server subscribes for both demo accounts at its
 * own loopback webhook (the sandbox runs the handshake against it), a change another client makes on the
 * sandbox's Graph reaches the webhook and is counted on {@code /metrics}, lifecycle notifications on demand
 * are carried out, and bad input at the webhook is answered 202 and counted. Writes go to {@code demo2}
 * only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChangeNotificationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RESOURCES = Set.of("me/messages", "me/events", "me/contacts", "me/drive/root");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startUp_demoAccounts_getOneValidatedSubscriptionPerResourceAtTheLoopbackWebhook() throws Exception {
        List<JsonNode> demo = await(() -> ours("demo"), list -> list.size() == RESOURCES.size());
        List<JsonNode> demo2 = await(() -> ours("demo2"), list -> list.size() == RESOURCES.size());

        for (List<JsonNode> account : List.of(demo, demo2)) {
            assertThat(account)
                    .extracting(s -> s.path("resource").asText())
                    .containsExactlyInAnyOrderElementsOf(RESOURCES);
            assertThat(account).allSatisfy(s -> {
                assertThat(s.path("lifecycleNotificationUrl").asText()).endsWith("/notifications/graph/lifecycle");
                assertThat(s.path("clientState").asText()).hasSize(43);
                assertThat(Instant.parse(s.path("expirationDateTime").asText()))
                        .isBefore(Instant.now().plus(Duration.ofMinutes(4230)));
            });
            assertThat(account)
                    .filteredOn(s -> s.path("resource").asText().equals("me/drive/root"))
                    .extracting(s -> s.path("changeType").asText())
                    .containsExactly("updated");
        }
        List<JsonNode> all = new ArrayList<>(demo);
        all.addAll(demo2);
        assertThat(all.stream().map(s -> s.path("clientState").asText()).collect(Collectors.toSet()))
                .hasSize(all.size());
        assertThat(metric("m365_notifications_subscriptions_active")).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aChangeByAnotherClient_reachesTheWebhook_andIsCounted() throws Exception {
        await(() -> ours("demo2"), list -> list.size() == RESOURCES.size());
        double before = metric("m365_notifications_received", "type=\"change\"");

        NotificationItSupport.asDemo2(
                http, root(), "POST", "/me/contacts", "{\"givenName\":\"Notified\",\"surname\":\"Notifications IT\"}");

        assertThat(await(() -> metric("m365_notifications_received", "type=\"change\""), n -> n > before))
                .isGreaterThan(before);
    }

    @Test
    void lifecycleEvents_reauthorizationRenews_removedIsRecreated_missedIsCounted() throws Exception {
        JsonNode events = subscription("demo2", "me/events");
        double lifecycleBefore = metric("m365_notifications_received", "type=\"lifecycle\"");

        lifecycle(events.path("id").asText(), "reauthorizationRequired");
        JsonNode renewed = await(
                () -> subscription("demo2", "me/events"),
                s -> !s.path("expirationDateTime")
                        .asText()
                        .equals(events.path("expirationDateTime").asText()));
        lifecycle(renewed.path("id").asText(), "missed");
        JsonNode contacts = subscription("demo2", "me/contacts");
        lifecycle(contacts.path("id").asText(), "subscriptionRemoved");
        JsonNode recreated = await(
                () -> ours("demo2").stream()
                        .filter(s -> s.path("resource").asText().equals("me/contacts"))
                        .findFirst()
                        .orElse(JSON.createObjectNode()),
                s -> s.has("id")
                        && !s.path("id").asText().equals(contacts.path("id").asText()));

        assertThat(renewed.path("id").asText()).isEqualTo(events.path("id").asText());
        assertThat(Instant.parse(renewed.path("expirationDateTime").asText()))
                .isAfter(Instant.parse(events.path("expirationDateTime").asText()));
        assertThat(recreated.path("clientState").asText())
                .isNotEqualTo(contacts.path("clientState").asText());
        assertThat(await(
                        () -> metric("m365_notifications_received", "type=\"lifecycle\""),
                        n -> n >= lifecycleBefore + 3))
                .isEqualTo(lifecycleBefore + 3);
    }

    @Test
    void badInput_wrongStateUnknownMalformedReplayTooLarge_answered202AndCounted() throws Exception {
        JsonNode drive = subscription("demo2", "me/drive/root");
        String id = drive.path("id").asText();
        String state = drive.path("clientState").asText();
        double wrongState = rejected("client_state");
        double unknown = rejected("unknown_subscription");
        double malformed = rejected("malformed");
        double replay = rejected("replay");
        double tooLarge = rejected("too_large");
        double changes = metric("m365_notifications_received", "type=\"change\"");

        int[] statuses = {
            webhook("/notifications/graph", notification(id, "not-the-state", "n-1")),
            webhook("/notifications/graph", notification("00000000-0000-0000-0000-000000000000", state, "n-2")),
            webhook("/notifications/graph", "{\"value\":\"not a list\"}"),
            webhook("/notifications/graph", "not json at all"),
            webhook("/notifications/graph/lifecycle", notification(id, state, "n-3")),
            webhook("/notifications/graph", notification(id, state, "it-replayed")),
            webhook("/notifications/graph", notification(id, state, "it-replayed")),
            webhook("/notifications/graph", "{\"value\":[" + "x".repeat(1_048_576) + "]}")
        };

        assertThat(statuses).containsOnly(202);
        assertThat(rejected("client_state") - wrongState).isEqualTo(1);
        assertThat(rejected("unknown_subscription") - unknown).isEqualTo(1);
        assertThat(rejected("malformed") - malformed).isEqualTo(3);
        assertThat(rejected("replay") - replay).isEqualTo(1);
        assertThat(rejected("too_large") - tooLarge).isEqualTo(1);
        assertThat(metric("m365_notifications_received", "type=\"change\"") - changes)
                .isEqualTo(1);
    }

    @Test
    void webhook_handshakeEchoedAsText_otherMethodsRefused() throws Exception {
        HttpResponse<String> handshake = http.send(
                HttpRequest.newBuilder(URI.create(ItServer.root(base)
                                + "/notifications/graph/lifecycle?validationToken=Validation%3A+it+token"))
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create(ItServer.root(base) + "/notifications/graph"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(handshake.statusCode()).isEqualTo(200);
        assertThat(handshake.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(handshake.body()).isEqualTo("Validation: it token");
        assertThat(get.statusCode()).isEqualTo(405);
    }

    // ---- helpers

    private static String notification(String subscriptionId, String clientState, String id) {
        return JSON.createObjectNode()
                .set(
                        "value",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("id", id)
                                        .put("subscriptionId", subscriptionId)
                                        .put("clientState", clientState)
                                        .put("changeType", "updated")
                                        .put("resource", "me/drive/root")
                                        .put("tenantId", "00000000-0000-0000-0000-000000000001")))
                .toString();
    }

    private int webhook(String path, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(ItServer.root(base) + path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** This server's subscriptions of {@code account} as the sandbox lists them. */
    private List<JsonNode> ours(String account) throws Exception {
        JsonNode state = JSON.readTree(
                admin("GET", "/sandbox/_admin/subscriptions", null).body());
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode s : state.path("subscriptions")) {
            if (s.path("account").asText().equals(account)
                    && s.path("notificationUrl").asText().endsWith(root().getRawPath() + "/notifications/graph")) {
                found.add(s);
            }
        }
        return found;
    }

    private JsonNode subscription(String account, String resource) throws Exception {
        return await(
                        () -> ours(account),
                        list -> list.stream()
                                .anyMatch(s -> s.path("resource").asText().equals(resource)))
                .stream()
                .filter(s -> s.path("resource").asText().equals(resource))
                .findFirst()
                .orElseThrow();
    }

    private void lifecycle(String subscriptionId, String event) throws Exception {
        HttpResponse<String> answer = admin(
                "POST",
                "/sandbox/_admin/subscriptions/" + subscriptionId + "/lifecycle",
                "{\"lifecycleEvent\":\"" + event + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(ItServer.root(base) + path))
                        .header("Authorization", "Bearer " + ItServer.TOKEN)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI root() {
        return ItServer.root(base);
    }

    private double rejected(String reason) throws Exception {
        return metric("m365_notifications_rejected", "reason=\"" + reason + "\"");
    }

    private double metric(String name, String... labels) throws Exception {
        return NotificationItSupport.metric(http, base.getPort(), name, labels);
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    /** Reads until {@code done} holds, at most {@link #WAIT}; the last value read. */
    private static <T> T await(Read<T> read, Predicate<T> done) throws Exception {
        Instant until = Instant.now().plus(WAIT);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            value = read.get();
        }
        return value;
    }
}

package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.m365mcp.sandbox.WebhookReceiver;

/**
 * The sandbox's change tracking on Payara Micro, over real HTTP as the server's Graph client will call
 * it: delta rounds (a first round in pages, the changes another client made, 410 once the tokens are
 * expired through the admin API) and a subscription whose webhook listens on a loopback port of the test
 * JVM (the handshake, a notification, a lifecycle notification on demand). Writes go to {@code demo2}
 * only (other ITs read {@code demo}'s seeded data).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SandboxDeltaIT {

    private static final String DEMO2_TOKEN = "sandbox-demo2-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void messagesDelta_roundThenChangesByAnotherClient_thenExpired410() throws Exception {
        JsonNode page = graph("GET", "/me/mailFolders/inbox/messages/delta", null, "odata.maxpagesize=40").body;
        List<String> firstRound = new ArrayList<>();
        while (page.has("@odata.nextLink")) {
            page.path("value").forEach(m -> firstRound.add(m.path("id").asText()));
            page = get(page.path("@odata.nextLink").asText(), "odata.maxpagesize=40").body;
        }
        page.path("value").forEach(m -> firstRound.add(m.path("id").asText()));
        String deltaLink = page.path("@odata.deltaLink").asText();
        String read = firstRound.get(0);
        String moved = firstRound.get(1);
        graph("PATCH", "/me/messages/" + read, "{\"subject\":\"Changed by another client\"}", null);
        graph("POST", "/me/messages/" + moved + "/move", "{\"destinationId\":\"archive\"}", null);
        graph("POST", "/me/sendMail", """
                {"message":{"subject":"Delta IT","toRecipients":[{"emailAddress":{"address":"megan.bowen@contoso.sandbox"}}]}}""", null);

        Answer changes = get(deltaLink, null);

        assertThat(firstRound)
                .hasSize(graph("GET", "/me/mailFolders/inbox", null, null)
                        .body
                        .path("totalItemCount")
                        .asInt());
        assertThat(changes.status).isEqualTo(200);
        assertThat(changes.body.path("value"))
                .anySatisfy(m -> assertThat(m.path("subject").asText()).isEqualTo("Changed by another client"));
        assertThat(changes.body.path("value")).anySatisfy(m -> {
            assertThat(m.path("id").asText()).isEqualTo(moved);
            assertThat(m.path("@removed").path("reason").asText()).isEqualTo("deleted");
        });
        assertThat(changes.body.path("value"))
                .anySatisfy(m -> assertThat(m.path("subject").asText()).isEqualTo("Delta IT"));

        admin("/sandbox/_admin/delta/expire", "{\"account\":\"demo2\",\"resource\":\"messages\"}");
        Answer gone = get(changes.body.path("@odata.deltaLink").asText(), null);

        assertThat(gone.status).isEqualTo(410);
        assertThat(gone.body.path("error").path("code").asText()).isEqualTo("syncStateNotFound");
    }

    @Test
    void driveDelta_latestThenAFolderCreated_thenExpired410ResyncRequired() throws Exception {
        String deltaLink = graph("GET", "/me/drive/root/delta?token=latest", null, null)
                .body
                .path("@odata.deltaLink")
                .asText();
        String folder = graph(
                        "POST",
                        "/me/drive/root/children",
                        "{\"name\":\"Delta IT\",\"folder\":{},\"@microsoft.graph.conflictBehavior\":\"rename\"}",
                        null)
                .body
                .path("id")
                .asText();

        Answer changes = get(deltaLink, null);

        assertThat(changes.body.path("value"))
                .anySatisfy(i -> assertThat(i.path("id").asText()).isEqualTo(folder));
        admin("/sandbox/_admin/delta/expire", "{\"account\":\"demo2\",\"resource\":\"driveItems\"}");
        Answer gone = get(changes.body.path("@odata.deltaLink").asText(), null);
        assertThat(gone.status).isEqualTo(410);
        assertThat(gone.body.path("error").path("code").asText()).isEqualTo("resyncRequired");
        assertThat(gone.location).isNotNull();
    }

    @Test
    void subscription_loopbackWebhookValidated_thenNotifiedOfAChange_andLifecycleOnDemand() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver()) {
            String expiration =
                    java.time.Instant.now().plus(java.time.Duration.ofHours(2)).toString();
            Answer created = graph(
                    "POST",
                    "/subscriptions",
                    JSON.createObjectNode()
                            .put("changeType", "created,updated")
                            .put("notificationUrl", webhook.url("/notify"))
                            .put("lifecycleNotificationUrl", webhook.url("/lifecycle"))
                            .put("resource", "me/contacts")
                            .put("expirationDateTime", expiration)
                            .put("clientState", "it-state")
                            .toString(),
                    null);
            String contact = graph("POST", "/me/contacts", "{\"givenName\":\"Notified\",\"surname\":\"IT\"}", null)
                    .body
                    .path("id")
                    .asText();

            JsonNode notification = webhook.await(r -> r.path().equals("/notify"))
                    .body()
                    .path("value")
                    .get(0);
            admin(
                    "/sandbox/_admin/subscriptions/" + created.body.path("id").asText() + "/lifecycle",
                    "{\"lifecycleEvent\":\"subscriptionRemoved\"}",
                    202);
            JsonNode removed = webhook.await(r -> r.path().equals("/lifecycle"))
                    .body()
                    .path("value")
                    .get(0);

            assertThat(created.status).isEqualTo(201);
            assertThat(webhook.validations()).containsExactly("/notify", "/lifecycle");
            assertThat(notification.path("clientState").asText()).isEqualTo("it-state");
            assertThat(notification.path("changeType").asText()).isEqualTo("created");
            assertThat(notification.path("resourceData").path("id").asText()).isEqualTo(contact);
            assertThat(removed.path("lifecycleEvent").asText()).isEqualTo("subscriptionRemoved");
            assertThat(graph("GET", "/subscriptions/" + created.body.path("id").asText(), null, null).status)
                    .isEqualTo(404);
        }
    }

    private record Answer(int status, JsonNode body, String location) {}

    private Answer graph(String method, String graphPath, String body, String prefer) throws Exception {
        return send(method, URI.create(ItServer.root(base) + "/sandbox/v1.0" + graphPath), body, prefer);
    }

    /** A link the sandbox handed out (absolute, under the host Payara reports): sent to loopback. */
    private Answer get(String link, String prefer) throws Exception {
        URI uri = URI.create(link);
        return send(
                "GET",
                URI.create("http://127.0.0.1:" + base.getPort() + uri.getRawPath() + "?" + uri.getRawQuery()),
                null,
                prefer);
    }

    private Answer send(String method, URI uri, String body, String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + DEMO2_TOKEN)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode())
                .as(method + " " + uri + ": " + answer.body())
                .isLessThan(500);
        return new Answer(
                answer.statusCode(),
                answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body()),
                answer.headers().firstValue("Location").orElse(null));
    }

    private void admin(String path, String body) throws Exception {
        admin(path, body, 204);
    }

    private void admin(String path, String body, int expected) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(ItServer.root(base) + path))
                        .header("Authorization", "Bearer " + ItServer.TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(expected);
    }
}

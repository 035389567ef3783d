package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.sandbox.login.SandboxLogin;

/**
 * Change notification subscriptions as Graph v1.0 documents them (subscription-post-subscriptions.md,
 * change-notifications-delivery-webhooks.md, change-notifications-lifecycle-events.md), against a webhook
 * on a loopback port: the validation handshake, the maximum lifetimes, a notification for a change
 * another client made, renewal, deletion and lifecycle notifications.
 */
class SubscriptionEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sandbox's clock stands at {@link SandboxServer#NOW}. */
    private static final String IN_AN_HOUR = "2026-01-15T10:30:00Z";

    private final SandboxServer sandbox = SandboxServer.start();
    private final WebhookReceiver webhook = new WebhookReceiver();

    @AfterEach
    void stop() {
        webhook.close();
        sandbox.close();
    }

    @Test
    void create_inboxMessages_validatesBothUrls_201_thenAChangeByAnotherClientIsNotified() throws Exception {
        JsonNode subscription = create("me/mailFolders('inbox')/messages", "created,updated,deleted", IN_AN_HOUR, true);
        sandbox.send("POST", "/v1.0/me/sendMail", """
                {"message":{"subject":"Notify me","toRecipients":[{"emailAddress":{"address":"adele.vance@contoso.sandbox"}}]}}""", SandboxTenant.DEMO2_TOKEN);

        WebhookReceiver.Received received = webhook.await(r -> r.path().equals("/notify"));

        assertThat(webhook.validations()).containsExactly("/notify", "/lifecycle");
        assertThat(subscription.path("@odata.context").asText()).endsWith("$metadata#subscriptions/$entity");
        assertThat(subscription.path("expirationDateTime").asText()).isEqualTo(IN_AN_HOUR);
        JsonNode n = received.body().path("value").get(0);
        assertThat(n.path("subscriptionId").asText())
                .isEqualTo(subscription.path("id").asText());
        assertThat(n.path("clientState").asText()).isEqualTo("secret-state");
        assertThat(n.path("changeType").asText()).isEqualTo("created");
        assertThat(n.path("tenantId").asText()).isEqualTo(SandboxLogin.TENANT_ID);
        assertThat(n.path("subscriptionExpirationDateTime").asText()).isEqualTo(IN_AN_HOUR);
        String id = n.path("resourceData").path("id").asText();
        assertThat(n.path("resource").asText()).isEqualTo("Users/" + userId() + "/Messages/" + id);
        assertThat(sandbox.demo("GET", "/me/messages/" + id, null, 200)
                        .path("subject")
                        .asText())
                .isEqualTo("Notify me");
    }

    @Test
    void notifications_onlyForTheSubscribedFolderAndChangeTypes() throws Exception {
        create("me/mailFolders('archive')/messages", "updated", IN_AN_HOUR, false);
        String inboxMessage = sandbox.demo("GET", "/me/mailFolders/inbox/messages?$top=1", null, 200)
                .path("value")
                .get(0)
                .path("id")
                .asText();
        String archived = sandbox.demo("GET", "/me/mailFolders/archive/messages?$top=1", null, 200)
                .path("value")
                .get(0)
                .path("id")
                .asText();
        sandbox.demo("PATCH", "/me/messages/" + inboxMessage, "{\"isRead\":true}", 200);
        sandbox.demo(
                "POST", "/me/messages/" + inboxMessage + "/move", "{\"destinationId\":\"archive\"}", 201); // created
        sandbox.demo("PATCH", "/me/messages/" + archived, "{\"isRead\":true}", 200);

        webhook.await(r -> r.body()
                .path("value")
                .get(0)
                .path("resourceData")
                .path("id")
                .asText()
                .equals(archived));

        assertThat(webhook.notifications().stream()
                        .mapToInt(r -> r.body().path("value").size())
                        .sum())
                .isEqualTo(1);
    }

    @Test
    void create_driveRoot_updatedOnly_42300Minutes_aRenameIsNotified() throws Exception {
        JsonNode created = create("me/drive/root", "updated", "2026-02-13T18:30:00Z", false); // 42,300 minutes
        String file = sandbox.demo("GET", "/me/drive/root:/Desktop:/children", null, 200)
                .path("value")
                .get(0)
                .path("id")
                .asText();
        sandbox.demo("PATCH", "/me/drive/items/" + file, "{\"name\":\"notified.txt\"}", 200);

        JsonNode n = webhook.await(r -> true).body().path("value").get(0);

        assertThat(created.path("changeType").asText()).isEqualTo("updated");
        assertThat(n.path("changeType").asText()).isEqualTo("updated");
        assertThat(n.path("resource").asText()).isEqualTo("me/drive/root");
        assertThat(status(subscribe("me/drive/root", "created,updated", IN_AN_HOUR, false)))
                .isEqualTo(400);
        assertThat(status(subscribe("me/drive/root", "updated", "2026-02-13T18:31:00Z", false)))
                .isEqualTo(400);
    }

    @Test
    void create_pastOutlooksMaximum_400_shortExpiration_raisedTo45Minutes() throws Exception {
        HttpResponse<String> tooLong =
                subscribe("me/events", "created", "2026-01-18T08:01:00Z", false); // 4,231 minutes
        JsonNode shortOne = create("me/contacts", "created", "2026-01-15T09:31:00Z", false);

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).path("error").path("message").asText())
                .contains("4230 minutes");
        assertThat(shortOne.path("expirationDateTime").asText()).isEqualTo("2026-01-15T10:15:00Z");
    }

    @Test
    void create_endpointFailsTheHandshake_400_noSubscription() throws Exception {
        webhook.refuseValidation();

        HttpResponse<String> refused = subscribe("me/messages", "created", IN_AN_HOUR, false);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").path("code").asText())
                .isEqualTo("InvalidRequest");
        assertThat(JSON.readTree(refused.body()).path("error").path("message").asText())
                .startsWith("Subscription validation request failed.");
        assertThat(sandbox.demo("GET", "/subscriptions", null, 200).path("value"))
                .isEmpty();
    }

    @Test
    void create_plainHttpBeyondLoopback_400_withoutCallingIt() throws Exception {
        HttpResponse<String> refused = sandbox.send(
                "POST",
                "/v1.0/subscriptions",
                body("me/messages", "created", "http://example.com/notify", null, IN_AN_HOUR),
                SandboxTenant.DEMO_TOKEN);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").path("message").asText())
                .contains("HTTPS");
    }

    @Test
    void listRenewDelete_ownSubscriptionsOnly() throws Exception {
        String id =
                create("me/messages", "created", IN_AN_HOUR, false).path("id").asText();

        JsonNode renewed =
                sandbox.demo("PATCH", "/subscriptions/" + id, "{\"expirationDateTime\":\"2026-01-16T09:30:00Z\"}", 200);
        HttpResponse<String> foreign =
                sandbox.send("GET", "/v1.0/subscriptions/" + id, null, SandboxTenant.DEMO2_TOKEN);

        assertThat(sandbox.demo("GET", "/subscriptions", null, 200).path("value"))
                .hasSize(1);
        assertThat(renewed.path("expirationDateTime").asText()).isEqualTo("2026-01-16T09:30:00Z");
        assertThat(foreign.statusCode()).isEqualTo(404);
        sandbox.demo("POST", "/subscriptions/" + id + "/reauthorize", null, 204);
        sandbox.demo("DELETE", "/subscriptions/" + id, null, 204);
        sandbox.demo("GET", "/subscriptions/" + id, null, 404);
    }

    @Test
    void lifecycleOnDemand_sentToTheLifecycleUrl_subscriptionRemovedRemovesIt() throws Exception {
        String id = create("me/events", "created,updated", IN_AN_HOUR, true)
                .path("id")
                .asText();

        assertThat(sandbox.send(
                                "POST",
                                "/_admin/subscriptions/" + id + "/lifecycle",
                                "{\"lifecycleEvent\":\"missed\"}",
                                null)
                        .statusCode())
                .isEqualTo(202);
        JsonNode missed = webhook.await(r -> r.path().equals("/lifecycle"))
                .body()
                .path("value")
                .get(0);
        sandbox.send(
                "POST",
                "/_admin/subscriptions/" + id + "/lifecycle",
                "{\"lifecycleEvent\":\"subscriptionRemoved\"}",
                null);
        webhook.await(r ->
                r.body().path("value").get(0).path("lifecycleEvent").asText().equals("subscriptionRemoved"));

        assertThat(missed.path("lifecycleEvent").asText()).isEqualTo("missed");
        assertThat(missed.path("subscriptionId").asText()).isEqualTo(id);
        assertThat(missed.path("clientState").asText()).isEqualTo("secret-state");
        sandbox.demo("GET", "/subscriptions/" + id, null, 404);
        assertThat(sandbox.send(
                                "POST",
                                "/_admin/subscriptions/" + id + "/lifecycle",
                                "{\"lifecycleEvent\":\"missed\"}",
                                null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void subscriptionAndNotifications_onlyV1Properties() throws Exception {
        GraphMetadata metadata = GraphMetadata.load();
        JsonNode subscription = create("me/messages", "created,updated,deleted", IN_AN_HOUR, true);
        String message = sandbox.demo("GET", "/me/messages?$top=1", null, 200)
                .path("value")
                .get(0)
                .path("id")
                .asText();
        sandbox.demo("PATCH", "/me/messages/" + message, "{\"isRead\":true}", 200);
        JsonNode notification = webhook.await(r -> r.path().equals("/notify")).body();
        sandbox.send(
                "POST",
                "/_admin/subscriptions/" + subscription.path("id").asText() + "/lifecycle",
                "{\"lifecycleEvent\":\"reauthorizationRequired\"}",
                null);
        JsonNode lifecycle = webhook.await(r -> r.path().equals("/lifecycle")).body();

        assertThat(metadata.undeclared(subscription, "subscription")).isEmpty();
        assertThat(metadata.undeclared(
                        sandbox.demo("GET", "/subscriptions", null, 200).path("value"), "Collection(subscription)"))
                .isEmpty();
        assertThat(metadata.undeclared(notification, "changeNotificationCollection"))
                .isEmpty();
        assertThat(metadata.undeclared(lifecycle, "changeNotificationCollection"))
                .isEmpty();
    }

    private JsonNode create(String resource, String changeType, String expiration, boolean lifecycle)
            throws IOException {
        HttpResponse<String> answer = subscribe(resource, changeType, expiration, lifecycle);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> subscribe(String resource, String changeType, String expiration, boolean lifecycle) {
        return sandbox.send(
                "POST",
                "/v1.0/subscriptions",
                body(
                        resource,
                        changeType,
                        webhook.url("/notify"),
                        lifecycle ? webhook.url("/lifecycle") : null,
                        expiration),
                SandboxTenant.DEMO_TOKEN);
    }

    private static String body(String resource, String changeType, String url, String lifecycleUrl, String expiration) {
        return JSON.createObjectNode()
                .put("changeType", changeType)
                .put("notificationUrl", url)
                .put("lifecycleNotificationUrl", lifecycleUrl)
                .put("resource", resource)
                .put("expirationDateTime", expiration)
                .put("clientState", "secret-state")
                .toString()
                .replace(",\"lifecycleNotificationUrl\":null", "");
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private String userId() {
        return sandbox.demo("GET", "/me", null, 200).path("id").asText();
    }
}

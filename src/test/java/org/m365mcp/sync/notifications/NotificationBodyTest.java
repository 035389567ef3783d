package org.m365mcp.sync.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook bodies as Graph sends them (change-notifications-delivery-webhooks, the changeNotification
 * resource) and what is refused.
 */
class NotificationBodyTest {

    /** Graph's documented Outlook example, with the fields this server ignores. */
    private static final String OUTLOOK = """
            {"value":[{"id":"lsgTZMr9KwAAA","subscriptionId":"7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
             "subscriptionExpirationDateTime":"2026-12-10T18:23:45.9356913Z","clientState":"secretClientState",
             "changeType":"created","resource":"Users/{user_guid}/Messages/{long_id}",
             "tenantId":"84bd8158-6d4d-4958-8b9f-9d6445542f95",
             "resourceData":{"@odata.type":"#Microsoft.Graph.Message","@odata.id":"Users/{user_guid}/Messages/{long_id}",
              "@odata.etag":"W/\\"CQAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAUWRHf\\"","id":"{long_id}"}}]}""";

    @Test
    void parse_graphsOutlookNotification_readsSubscriptionStateTypeAndId() throws Exception {
        List<ChangeNotification> read = NotificationBody.parse(bytes(OUTLOOK), false);

        assertThat(read)
                .containsExactly(new ChangeNotification(
                        "7f105c7d-2dc5-4530-97cd-4e7ae6534c07", "secretClientState", "created", null, "lsgTZMr9KwAAA"));
    }

    @Test
    void parse_driveNotificationWithoutResourceDataOrId_accepted() throws Exception {
        String drive = """
                {"value":[{"subscriptionId":"s1","clientState":"c","changeType":"updated","resource":"me/drive/root",
                 "tenantId":"t","subscriptionExpirationDateTime":"2026-12-10T18:23:45Z"}]}""";

        assertThat(NotificationBody.parse(bytes(drive), false))
                .containsExactly(new ChangeNotification("s1", "c", "updated", null, null));
    }

    @Test
    void parse_lifecycleNotificationAtTheLifecycleUrl_readsTheEvent() throws Exception {
        String lifecycle = """
                {"value":[{"subscriptionId":"s1","subscriptionExpirationDateTime":"2026-12-10T18:23:45Z",
                 "tenantId":"t","clientState":"c","lifecycleEvent":"reauthorizationRequired"}]}""";

        List<ChangeNotification> read = NotificationBody.parse(bytes(lifecycle), true);

        assertThat(read).containsExactly(new ChangeNotification("s1", "c", null, "reauthorizationRequired", null));
        assertThat(read.get(0).isLifecycle()).isTrue();
    }

    @Test
    void parse_nullClientStateAndValidationTokens_accepted() throws Exception {
        String body = """
                {"value":[{"subscriptionId":"s1","clientState":null,"changeType":"deleted"}],"validationTokens":["x"]}""";

        assertThat(NotificationBody.parse(bytes(body), false))
                .containsExactly(new ChangeNotification("s1", null, "deleted", null, null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{}",
                "{\"value\":[]}",
                "{\"value\":\"x\"}",
                "{\"value\":[1]}",
                "{\"value\":[{\"changeType\":\"created\"}]}",
                "{\"value\":[{\"subscriptionId\":7,\"changeType\":\"created\"}]}",
                "{\"value\":[{\"subscriptionId\":\"s\",\"changeType\":\"exploded\"}]}",
                "{\"value\":[{\"subscriptionId\":\"s\"}]}",
                "{\"value\":[{\"subscriptionId\":\"s\",\"changeType\":\"created\",\"lifecycleEvent\":\"missed\"}]}",
                "{\"value\":[{\"subscriptionId\":\"s\",\"changeType\":\"created\",\"clientState\":{\"a\":1}}]}",
                "{\"value\":[{\"subscriptionId\":\"s\",\"changeType\":\"created\"}],\"extra\":1}",
                "{\"value\":[{\"subscriptionId\":\"s\",\"changeType\":\"created\"}]} trailing",
                "{\"value\":[{\"subscriptionId\":\"s\",\"subscriptionId\":\"t\",\"changeType\":\"created\"}]}"
            })
    void parse_notGraphsShape_malformed(String body) {
        assertThatThrownBy(() -> NotificationBody.parse(bytes(body), false)).isInstanceOf(MalformedNotification.class);
    }

    @Test
    void parse_aChangeAtTheLifecycleUrl_malformed() {
        String change = "{\"value\":[{\"subscriptionId\":\"s\",\"changeType\":\"created\"}]}";

        assertThatThrownBy(() -> NotificationBody.parse(bytes(change), true)).isInstanceOf(MalformedNotification.class);
    }

    @Test
    void parse_deepNesting_malformedWithoutStackOverflow() {
        String deep = "{\"value\":[{\"subscriptionId\":\"s\",\"changeType\":\"created\",\"resourceData\":"
                + "[".repeat(5000) + "]".repeat(5000) + "}]}";

        assertThatThrownBy(() -> NotificationBody.parse(bytes(deep), false)).isInstanceOf(MalformedNotification.class);
    }

    @Test
    void parse_moreItemsThanTheLimit_malformed() {
        String item = "{\"subscriptionId\":\"s\",\"changeType\":\"created\"}";
        String many = "{\"value\":["
                + String.join(",", java.util.Collections.nCopies(NotificationBody.MAX_ITEMS + 1, item)) + "]}";

        assertThatThrownBy(() -> NotificationBody.parse(bytes(many), false))
                .isInstanceOf(MalformedNotification.class)
                .hasMessageContaining("1 to " + NotificationBody.MAX_ITEMS);
    }

    @Test
    void malformed_messageNeverQuotesTheBody() {
        String secret =
                "{\"value\":[{\"subscriptionId\":\"s\",\"changeType\":\"created\",\"clientState\":[\"leaked-secret\"]}]}";

        assertThatThrownBy(() -> NotificationBody.parse(bytes(secret), false))
                .isInstanceOf(MalformedNotification.class)
                .message()
                .doesNotContain("leaked-secret");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

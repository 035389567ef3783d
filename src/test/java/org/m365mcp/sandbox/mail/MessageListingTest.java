package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageListingTest {

    private static final URI ROOT = URI.create("http://127.0.0.1:8080/m365-mcp/sandbox/v1.0");

    private final Mailbox demo = SandboxTenant.demoMailbox();

    private ObjectNode list(String folder, String rawQuery, Map<String, String> params) {
        URI request = URI.create(ROOT + "/me/mailFolders/" + folder + "/messages" + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
        return MessageListing.list(demo, folder, ODataQuery.parse(params), ROOT, request);
    }

    @Test
    void list_defaults_tenNewestInGraphShape() {
        ObjectNode page = list("inbox", "", Map.of());

        assertThat(page.path("@odata.context").asText())
                .isEqualTo(ROOT + "/$metadata#users('" + demo.userId() + "')/mailFolders('inbox')/messages");
        assertThat(page.path("value")).hasSize(10);
        JsonNode first = page.path("value").get(0);
        assertThat(first.path("from").path("emailAddress").path("address").asText()).endsWith("@contoso.sandbox");
        assertThat(first.path("toRecipients").get(0).path("emailAddress").path("name").asText()).isEqualTo("Adele Vance");
        assertThat(Instant.parse(first.path("receivedDateTime").asText())).isBefore(SandboxTenant.SEED_ANCHOR);
        assertThat(first.path("receivedDateTime").asText()).endsWith("Z");
        assertThat(first.path("flag").path("flagStatus").isTextual()).isTrue();
        assertThat(first.path("parentFolderId").asText()).isEqualTo(demo.folder("inbox").orElseThrow().id());
        for (String field : List.of("id", "subject", "bodyPreview", "isRead", "hasAttachments", "importance",
                "conversationId", "webLink", "categories")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(page.path("@odata.nextLink").asText()).isEqualTo(ROOT + "/me/mailFolders/inbox/messages?$skip=10");
    }

    @Test
    void list_followingNextLinks_visitsEveryMessageOnceNewestFirst() {
        List<String> ids = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        int skip = 0;
        while (true) {
            String raw = "$top=25&$select=subject,receivedDateTime&$skip=" + skip;
            ObjectNode page = list("inbox", raw, Map.of("$top", "25", "$skip", String.valueOf(skip),
                    "$select", "subject,receivedDateTime"));
            page.path("value").forEach(m -> {
                ids.add(m.path("id").asText());
                dates.add(m.path("receivedDateTime").asText());
            });
            if (!page.has("@odata.nextLink")) {
                break;
            }
            String next = page.path("@odata.nextLink").asText();
            assertThat(next).startsWith(ROOT + "/me/mailFolders/inbox/messages?$top=25&$select=subject,receivedDateTime&$skip=");
            skip += 25;
            assertThat(next).endsWith("$skip=" + skip);
        }
        assertThat(ids).hasSize(120).doesNotHaveDuplicates();
        assertThat(dates).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void list_select_keepsOnlyListedFieldsPlusId() {
        ObjectNode page = list("inbox", "$select=subject,from", Map.of("$select", "subject, from"));

        List<String> names = new ArrayList<>();
        page.path("value").get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("@odata.etag", "id", "subject", "from");
        assertThat(page.path("@odata.context").asText()).endsWith("/messages(subject,from)");
    }

    @Test
    void list_unknownSelectProperty_is400() {
        assertThatThrownBy(() -> list("inbox", "", Map.of("$select", "subject,nonsense")))
                .isInstanceOfSatisfying(SandboxGraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("RequestBroker--ParseUri");
                });
    }

    @Test
    void list_topCappedAt1000_andAscendingOrderSupported() {
        ObjectNode page = list("inbox", "", Map.of("$top", "5000", "$orderby", "receivedDateTime asc"));

        assertThat(page.path("value")).hasSize(120);
        assertThat(page.has("@odata.nextLink")).isFalse();
        List<SandboxMessage> inbox = demo.messages(demo.folder("inbox").orElseThrow());
        assertThat(page.path("value").get(0).path("id").asText()).isEqualTo(inbox.get(inbox.size() - 1).id());
    }

    @Test
    void list_folderByOpaqueIdOrAnyCaseName_sameMessages() {
        String inboxId = demo.folder("inbox").orElseThrow().id();

        assertThat(list(inboxId, "", Map.of()).path("value")).isEqualTo(list("Inbox", "", Map.of()).path("value"));
        assertThat(list("SentItems", "", Map.of()).path("value").get(0).path("from").path("emailAddress")
                .path("address").asText()).isEqualTo("adele.vance@contoso.sandbox");
    }

    @Test
    void list_unknownFolder_isItemNotFound() {
        assertThatThrownBy(() -> list("nosuchfolder", "", Map.of()))
                .isInstanceOfSatisfying(SandboxGraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("ErrorItemNotFound");
                    assertThat(e.getMessage()).isEqualTo("The specified object was not found in the store.");
                });
    }

    @Test
    void parse_badTopOrOrderby_is400() {
        assertThatThrownBy(() -> ODataQuery.parse(Map.of("$top", "0"))).isInstanceOf(SandboxGraphException.class);
        assertThatThrownBy(() -> ODataQuery.parse(Map.of("$top", "ten"))).isInstanceOf(SandboxGraphException.class);
        assertThatThrownBy(() -> ODataQuery.parse(Map.of("$skip", "-1"))).isInstanceOf(SandboxGraphException.class);
        assertThatThrownBy(() -> ODataQuery.parse(Map.of("$orderby", "subject desc")))
                .isInstanceOf(SandboxGraphException.class);
    }

    @Test
    void nextLink_replacesEncodedSkip_keepsOtherValuesVerbatim() {
        URI request = URI.create(ROOT + "/me/mailFolders/inbox/messages?%24skip=10&$filter=isRead%20eq%20false"
                + "&%24select=subject%2Cfrom&$top=10");

        assertThat(ODataPage.nextLink(request, 20)).hasToString(ROOT + "/me/mailFolders/inbox/messages?"
                + "$filter=isRead%20eq%20false&$select=subject%2Cfrom&$top=10&$skip=20");
    }
}

package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.graph.GraphException;
import org.m365mcp.graph.GraphResponse;

/** The real client against the sandbox's real JAX-RS application over real HTTP: every verb, paging, redirects. */
class GraphClientAgainstSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARCHIVE = "/v1.0/me/mailFolders/archive/messages";

    private final SandboxServer sandbox = SandboxServer.start();
    private final GraphClient client = sandbox.client(Duration.ofSeconds(5), 0);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private List<String> archiveIds() {
        String archiveId =
                client.get("demo", "/me/mailFolders/archive").path("id").asText();
        return sandbox.tenant.account("demo").orElseThrow().mailbox().allMessages().stream()
                .filter(m -> m.path("parentFolderId").asText().equals(archiveId))
                .map(m -> m.path("id").asText())
                .toList();
    }

    @Test
    void getPaged_inbox_newestMessagesAcrossPages() {
        List<JsonNode> messages = client.getPaged(
                "demo", "/me/mailFolders/inbox/messages?$top=7&$select=subject,from,receivedDateTime", 30);

        String inboxId = client.get("demo", "/me/mailFolders/inbox").path("id").asText();
        List<String> expected = sandbox.tenant.account("demo").orElseThrow().mailbox().allMessages().stream()
                .filter(m -> m.path("parentFolderId").asText().equals(inboxId))
                .limit(30)
                .map(m -> m.path("id").asText())
                .toList();
        assertThat(messages).extracting(m -> m.path("id").asText()).containsExactlyElementsOf(expected);
        assertThat(messages.get(0).has("bodyPreview")).isFalse();
        assertThat(sandbox.state.requests().snapshot())
                .containsEntry("/v1.0/me/mailFolders/inbox/messages", 5L)
                .containsEntry("/v1.0/me/mailFolders/inbox", 1L);
    }

    @Test
    void getPaged_topFiveOverWholeFolder_everyMessageOnceInGraphsOrder() {
        List<String> expected = archiveIds();
        sandbox.state.requests().reset();

        List<JsonNode> messages = client.getPaged("demo", "/me/mailFolders/archive/messages?$top=5&$select=id", 100);

        assertThat(expected).hasSize(25);
        assertThat(messages)
                .extracting(m -> m.path("id").asText())
                .containsExactlyElementsOf(expected)
                .doesNotHaveDuplicates();
        assertThat(sandbox.state.requests().snapshot()).containsEntry(ARCHIVE, 5L);
    }

    @Test
    void getPaged_limitReachedMidway_fetchesOnlyThePagesNeeded() {
        List<String> expected = archiveIds().subList(0, 12);
        sandbox.state.requests().reset();

        List<JsonNode> messages = client.getPaged("demo", "/me/mailFolders/archive/messages?$top=5&$select=id", 12);

        assertThat(messages).extracting(m -> m.path("id").asText()).containsExactlyElementsOf(expected);
        assertThat(sandbox.state.requests().snapshot()).containsEntry(ARCHIVE, 3L);
        assertThat(sandbox.state.requests().total()).isEqualTo(3);
    }

    @Test
    void getPaged_requestHeaders_sentWithEveryPage() {
        GraphClientRequest search = GraphClientRequest.get(
                        "/me/mailFolders/inbox/messages?$top=4&$count=true&$select=id")
                .header("ConsistencyLevel", "eventual")
                .header("Prefer", "outlook.body-content-type=\"text\"");

        assertThat(client.getPaged("demo", search, 10)).hasSize(10);

        List<SandboxServer.Received> pages = sandbox.received("/v1.0/me/mailFolders/inbox/messages");
        assertThat(pages).hasSize(3).allSatisfy(page -> {
            assertThat(page.header("ConsistencyLevel")).contains("eventual");
            assertThat(page.header("Prefer")).contains("outlook.body-content-type=\"text\"");
            assertThat(page.header("Authorization")).contains("Bearer " + SandboxTenant.DEMO_TOKEN);
            assertThat(page.header("Accept")).contains("application/json");
        });
    }

    @Test
    void get_queryValues_percentEncodedOnTheWire_dollarKeptLiteral() {
        client.get("demo", "/me/messages?$filter=isRead eq false and subject eq 'a+b'&$select=id,subject");

        assertThat(sandbox.received("/v1.0/me/messages"))
                .singleElement()
                .extracting(SandboxServer.Received::rawQuery)
                .isEqualTo("$filter=isRead%20eq%20false%20and%20subject%20eq%20'a%2Bb'&$select=id,subject");
    }

    @Test
    void get_unknownFolder_surfacesGraphNotFound() {
        assertThatThrownBy(() -> client.get("demo", "/me/mailFolders/nowhere/messages"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.getMessage())
                            .isEqualTo("Graph returned 404 ErrorItemNotFound: "
                                    + "The specified object was not found in the store.");
                });
    }

    @Test
    void get_unknownMessageId_graphsErrorBodyMapped_notRetried() {
        GraphClient patient = sandbox.client(Duration.ofSeconds(5), 3);

        assertThatThrownBy(() -> patient.get("demo", "/me/messages/AAMkNoSuchMessage"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("ErrorItemNotFound");
                    assertThat(e.getMessage())
                            .isEqualTo("Graph returned 404 ErrorItemNotFound: "
                                    + "The specified object was not found in the store.");
                });
        assertThat(sandbox.state.requests().snapshot()).containsEntry("/v1.0/me/messages/AAMkNoSuchMessage", 1L);
    }

    @Test
    void postPatchDelete_draftCreatedChangedAndDeleted() {
        ObjectNode draft = JSON.createObjectNode().put("subject", "Quarterly numbers");
        draft.putObject("body").put("contentType", "text").put("content", "See attached.");
        draft.putArray("toRecipients")
                .addObject()
                .putObject("emailAddress")
                .put("address", "megan.bowen@contoso.sandbox");

        GraphResponse created = client.send("demo", GraphClientRequest.post("/me/messages", draft));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("isDraft").asBoolean()).isTrue();

        JsonNode patched = client.patch(
                "demo", "/me/messages/" + id, JSON.createObjectNode().put("subject", "Quarterly numbers (final)"));
        assertThat(patched.path("subject").asText()).isEqualTo("Quarterly numbers (final)");
        assertThat(client.get("demo", "/me/messages/" + id)
                        .path("body")
                        .path("content")
                        .asText())
                .isEqualTo("See attached.");

        GraphResponse deleted = client.send("demo", GraphClientRequest.delete("/me/messages/" + id));
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(client.getPaged("demo", "/me/mailFolders/drafts/messages?$select=id", 50))
                .extracting(m -> m.path("id").asText())
                .doesNotContain(id);
    }

    @Test
    void post_actionWithoutBody_202AnsweredAsEmptyJson() {
        String draftId = client.post(
                        "demo",
                        "/me/messages",
                        JSON.createObjectNode()
                                .put("subject", "Hello Megan")
                                .set(
                                        "toRecipients",
                                        JSON.createArrayNode()
                                                .add(JSON.createObjectNode()
                                                        .set(
                                                                "emailAddress",
                                                                JSON.createObjectNode()
                                                                        .put(
                                                                                "address",
                                                                                "megan.bowen@contoso.sandbox")))))
                .path("id")
                .asText();

        JsonNode sent = client.post("demo", "/me/messages/" + draftId + "/send", null);

        assertThat(sent.isEmpty()).isTrue();
        assertThat(client.getPaged("demo2", "/me/mailFolders/inbox/messages?$select=subject", 1))
                .extracting(m -> m.path("subject").asText())
                .containsExactly("Hello Megan");
    }

    @Test
    void putBytes_uploaded_thenContentRedirectGivesDownloadUrl_fetchedWithoutToken() {
        byte[] csv = "quarter,revenue\nQ1,12\n".getBytes(StandardCharsets.UTF_8);

        GraphResponse created = client.send(
                "demo",
                GraphClientRequest.put("/me/drive/root:/Documents/Notes/numbers.csv:/content", csv, "text/csv"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("size").asInt()).isEqualTo(csv.length);

        URI download = client.downloadUrl("demo", "/me/drive/items/" + id + "/content");
        String downloadPath = download.getPath().substring("/sandbox".length());
        assertThat(download.getRawQuery()).startsWith("tempauth=");
        assertThat(sandbox.received(downloadPath)).as("redirect not followed").isEmpty();
        assertThat(sandbox.received("/v1.0/me/drive/items/" + id + "/content"))
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).contains("Bearer " + SandboxTenant.DEMO_TOKEN));

        GraphResponse file = client.getPreAuthenticated(download);

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(csv);
        assertThat(sandbox.received(downloadPath))
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEmpty());
    }

    @Test
    void copy_202Location_monitorPolledWithoutToken_untilCompleted() {
        String source = client.get("demo", "/me/drive/root:/Documents/Projects/Mark 8 launch")
                .path("id")
                .asText();
        String desktop =
                client.get("demo", "/me/drive/root:/Desktop").path("id").asText();
        ObjectNode copy = JSON.createObjectNode().put("name", "Mark 8 copy");
        copy.putObject("parentReference").put("id", desktop);

        GraphResponse accepted =
                client.send("demo", GraphClientRequest.post("/me/drive/items/" + source + "/copy", copy));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().isEmpty()).isTrue();
        URI monitor = accepted.location().orElseThrow();
        GraphResponse first = client.getPreAuthenticated(monitor);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().path("status").asText()).isEqualTo("inProgress");
        GraphResponse done = client.getPreAuthenticated(monitor);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("status").asText()).isEqualTo("completed");
        assertThat(client.get(
                                "demo",
                                "/me/drive/items/"
                                        + done.json().path("resourceId").asText())
                        .path("name")
                        .asText())
                .isEqualTo("Mark 8 copy");
        assertThat(sandbox.received(monitor.getPath().substring("/sandbox".length())))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
    }

    @Test
    void get_redirectWhereJsonExpected_isAnError_notFollowed() {
        String file = client.send(
                        "demo",
                        GraphClientRequest.put(
                                "/me/drive/root:/Desktop/a.txt:/content", new byte[] {'a'}, "text/plain"))
                .json()
                .path("id")
                .asText();

        assertThatThrownBy(() -> client.get("demo", "/me/drive/items/" + file + "/content"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(302);
                    assertThat(e.code()).isEqualTo("UnexpectedRedirect");
                    assertThat(e.getMessage()).doesNotContain("tempauth");
                });
        assertThat(sandbox.received().stream().filter(r -> r.path().startsWith("/download/")))
                .isEmpty();
    }

    @Test
    void send_conditionalGetOfAnUnchangedItem_answers304WithoutBody_notAnError() {
        JsonNode file = client.send(
                        "demo2",
                        GraphClientRequest.put("/me/drive/root:/same.txt:/content", new byte[] {'a'}, "text/plain"))
                .json();

        GraphResponse unchanged = client.send(
                "demo2",
                GraphClientRequest.get("/me/drive/items/" + file.path("id").asText())
                        .header("If-None-Match", file.path("eTag").asText()));

        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void send_patchWithAStaleIfMatch_surfaces412WithGraphsCode() {
        ObjectNode draft = JSON.createObjectNode().put("subject", "Etag draft");
        JsonNode created = client.post("demo2", "/me/messages", draft);
        String path = "/me/messages/" + created.path("id").asText();
        client.patch("demo2", path, JSON.createObjectNode().put("subject", "Changed"));

        assertThatThrownBy(() -> client.send(
                        "demo2",
                        GraphClientRequest.patch(path, JSON.createObjectNode().put("subject", "Lost"))
                                .header("If-Match", created.path("@odata.etag").asText())))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.code()).isEqualTo("ErrorIrresolvableConflict");
                });
        assertThat(sandbox.received("/v1.0" + path))
                .filteredOn(r -> r.method().equals("PATCH"))
                .hasSize(2);
    }
}

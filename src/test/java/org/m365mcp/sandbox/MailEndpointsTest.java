package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mail, mail folders, attachments and inbox rules over HTTP, as Graph answers them. */
class MailEndpointsTest {

    private final SandboxServer sandbox = SandboxServer.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private List<String> subjects(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("value").forEach(m -> out.add(m.path("subject").asText()));
        return out;
    }

    @Test
    void draft_patchSend_movesToSentItems_andDeliversToTheOtherDemoAccount() {
        JsonNode draft = sandbox.demo("POST", "/me/messages", """
                {"subject":"Lunch?","body":{"contentType":"text","content":"Thai at noon?"},
                 "toRecipients":[{"emailAddress":{"address":"megan.bowen@contoso.sandbox"}}]}""", 201);
        String id = draft.path("id").asText();
        assertThat(draft.path("isDraft").asBoolean()).isTrue();
        assertThat(draft.path("parentFolderId").asText())
                .isEqualTo(sandbox.demo("GET", "/me/mailFolders/drafts", null, 200)
                        .path("id")
                        .asText());
        assertThat(draft.path("createdDateTime").asText()).isEqualTo("2026-01-15T09:30:00Z");

        sandbox.demo("PATCH", "/me/messages/" + id, "{\"subject\":\"Lunch tomorrow?\"}", 200);
        assertThat(sandbox.demo("GET", "/me/messages/" + id + "?$select=subject", null, 200)
                        .path("subject")
                        .asText())
                .isEqualTo("Lunch tomorrow?");
        sandbox.demo("POST", "/me/messages/" + id + "/send", null, 202);

        assertThat(sandbox.demo("GET", "/me/messages/" + id, null, 404)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("ErrorItemNotFound");
        JsonNode sent = sandbox.demo("GET", "/me/mailFolders/sentitems/messages?$top=1", null, 200)
                .path("value")
                .get(0);
        assertThat(sent.path("subject").asText()).isEqualTo("Lunch tomorrow?");
        assertThat(sent.path("isDraft").asBoolean()).isFalse();
        HttpResponse<String> megan =
                sandbox.send("GET", "/v1.0/me/mailFolders/inbox/messages?$top=1", null, SandboxTenant.DEMO2_TOKEN);
        assertThat(megan.body())
                .contains("\"subject\":\"Lunch tomorrow?\"")
                .contains("\"isRead\":false")
                .contains("\"address\":\"adele.vance@contoso.sandbox\"");
    }

    @Test
    void replyAndForward_sendAtOnce_withPrefixes() {
        JsonNode original = sandbox.demo("GET", "/me/mailFolders/inbox/messages?$top=1", null, 200)
                .path("value")
                .get(0);
        String id = original.path("id").asText();
        String subject = original.path("subject").asText().replaceFirst("^RE: ", "");

        sandbox.demo("POST", "/me/messages/" + id + "/reply", "{\"comment\":\"Thanks!\"}", 202);
        sandbox.demo("POST", "/me/messages/" + id + "/forward", """
                {"comment":"FYI","toRecipients":[{"emailAddress":{"address":"lee.gu@contoso.sandbox","name":"Lee Gu"}}]}""", 202);
        JsonNode sent = sandbox.demo("GET", "/me/mailFolders/sentitems/messages?$top=2", null, 200);

        assertThat(subjects(sent)).containsExactlyInAnyOrder("RE: " + subject, "FW: " + subject);
        assertThat(sent.toString())
                .contains(original.path("from")
                        .path("emailAddress")
                        .path("address")
                        .asText())
                .contains("lee.gu@contoso.sandbox");
        JsonNode draft = sandbox.demo("POST", "/me/messages/" + id + "/createReplyAll", "{}", 201);
        assertThat(draft.path("isDraft").asBoolean()).isTrue();
        assertThat(draft.path("subject").asText()).isEqualTo("RE: " + subject);
    }

    @Test
    void moveCopyDelete_newIds_oldIdIsNotFound_deleteGoesToDeletedItems() {
        String id = sandbox.demo("GET", "/me/mailFolders/inbox/messages?$top=1", null, 200)
                .path("value")
                .get(0)
                .path("id")
                .asText();
        String archiveId = sandbox.demo("GET", "/me/mailFolders/archive", null, 200)
                .path("id")
                .asText();

        JsonNode copy = sandbox.demo("POST", "/me/messages/" + id + "/copy", "{\"destinationId\":\"drafts\"}", 201);
        JsonNode moved = sandbox.demo("POST", "/me/messages/" + id + "/move", "{\"destinationId\":\"archive\"}", 201);

        assertThat(moved.path("id").asText()).isNotEqualTo(id);
        assertThat(moved.path("parentFolderId").asText()).isEqualTo(archiveId);
        assertThat(copy.path("id").asText()).isNotIn(id, moved.path("id").asText());
        sandbox.demo("GET", "/me/messages/" + id, null, 404);
        assertThat(sandbox.demo("GET", "/me/mailFolders/archive", null, 200)
                        .path("totalItemCount")
                        .asInt())
                .isEqualTo(26);

        sandbox.demo("DELETE", "/me/messages/" + moved.path("id").asText(), null, 204);
        JsonNode deleted = sandbox.demo("GET", "/me/mailFolders/deleteditems", null, 200);
        assertThat(deleted.path("totalItemCount").asInt()).isEqualTo(13);
        assertThat(sandbox.demo("POST", "/me/messages/" + id + "/move", "{}", 400)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("ErrorInvalidRequest");
    }

    @Test
    void permanentDelete_removesForGood_notViaDeletedItems() {
        String id = sandbox.demo("GET", "/me/mailFolders/inbox/messages?$top=1", null, 200)
                .path("value")
                .get(0)
                .path("id")
                .asText();

        sandbox.demo("POST", "/me/messages/" + id + "/permanentDelete", null, 204);

        sandbox.demo("GET", "/me/messages/" + id, null, 404);
        assertThat(sandbox.demo("GET", "/me/mailFolders/deleteditems", null, 200)
                        .path("totalItemCount")
                        .asInt())
                .isEqualTo(12);
        assertThat(sandbox.demo("GET", "/me/mailFolders/inbox", null, 200)
                        .path("totalItemCount")
                        .asInt())
                .isEqualTo(119);
        sandbox.demo("POST", "/me/messages/" + id + "/permanentDelete", null, 404);
    }

    @Test
    void folders_nestedCreateRenameMoveDelete() {
        JsonNode top = sandbox.demo("GET", "/me/mailFolders", null, 200);
        assertThat(top.path("value"))
                .extracting(f -> f.path("displayName").asText())
                .containsExactly("Inbox", "Sent Items", "Drafts", "Deleted Items", "Archive", "Junk Email");
        assertThat(top.path("value").get(0).path("childFolderCount").asInt()).isEqualTo(3);

        JsonNode travel =
                sandbox.demo("POST", "/me/mailFolders/inbox/childFolders", "{\"displayName\":\"Travel\"}", 201);
        String travelId = travel.path("id").asText();
        assertThat(travel.path("parentFolderId").asText())
                .isEqualTo(top.path("value").get(0).path("id").asText());
        assertThat(sandbox.demo("POST", "/me/mailFolders/inbox/childFolders", "{\"displayName\":\"travel\"}", 409)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("ErrorFolderExists");
        JsonNode trips = sandbox.demo(
                "POST", "/me/mailFolders/" + travelId + "/childFolders", "{\"displayName\":\"2026\"}", 201);

        sandbox.demo("PATCH", "/me/mailFolders/" + travelId, "{\"displayName\":\"Trips\"}", 200);
        sandbox.demo("POST", "/me/mailFolders/" + travelId + "/move", "{\"destinationId\":\"archive\"}", 200);
        JsonNode archived = sandbox.demo("GET", "/me/mailFolders/archive/childFolders", null, 200);
        assertThat(archived.path("value"))
                .extracting(f -> f.path("displayName").asText())
                .containsExactly("2025", "Trips");
        assertThat(sandbox.demo("GET", "/me/mailFolders/archive/childFolders/" + travelId + "/childFolders", null, 200)
                        .path("value")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(trips.path("id").asText());
        assertThat(sandbox.demo(
                                "POST",
                                "/me/mailFolders/" + travelId + "/move",
                                "{\"destinationId\":\"" + trips.path("id").asText() + "\"}",
                                400)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("ErrorInvalidRequest");

        sandbox.demo("DELETE", "/me/mailFolders/" + travelId, null, 204);
        sandbox.demo("GET", "/me/mailFolders/" + trips.path("id").asText(), null, 404);
        sandbox.demo("DELETE", "/me/mailFolders/inbox", null, 400);
    }

    @Test
    void attachments_listGetAndRawValue() {
        JsonNode withFile = sandbox.demo(
                        "GET", "/me/mailFolders/inbox/messages?$filter=hasAttachments eq true&$top=1", null, 200)
                .path("value")
                .get(0);
        String id = withFile.path("id").asText();

        JsonNode list = sandbox.demo("GET", "/me/messages/" + id + "/attachments", null, 200);
        JsonNode file = list.path("value").get(0);
        assertThat(file.path("@odata.type").asText()).isEqualTo("#microsoft.graph.fileAttachment");
        JsonNode one = sandbox.demo(
                "GET", "/me/messages/" + id + "/attachments/" + file.path("id").asText(), null, 200);
        assertThat(one.path("contentBytes").asText())
                .isEqualTo(file.path("contentBytes").asText());
        HttpResponse<String> raw = sandbox.send(
                "GET",
                "/v1.0/me/messages/" + id + "/attachments/" + file.path("id").asText() + "/$value",
                null,
                SandboxTenant.DEMO_TOKEN);
        assertThat(raw.body())
                .startsWith("Contoso · " + withFile.path("subject").asText());
        assertThat(raw.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSize(file.path("size").asInt());
    }

    @Test
    void rules_orderedBySequence_createPatchDelete() {
        assertThat(sandbox.demo("GET", "/me/mailFolders/inbox/messageRules", null, 200)
                        .path("value"))
                .extracting(r -> r.path("displayName").asText())
                .containsExactly("Partners to their folder", "File receipts", "Urgent is important");

        JsonNode created = sandbox.demo("POST", "/me/mailFolders/inbox/messageRules", """
                {"displayName":"Boss first","sequence":4,"isEnabled":true,
                 "conditions":{"fromAddresses":[{"emailAddress":{"address":"patti.fernandez@contoso.sandbox"}}]},
                 "actions":{"markImportance":"high"}}""", 201);
        String id = created.path("id").asText();
        sandbox.demo("PATCH", "/me/mailFolders/inbox/messageRules/" + id, "{\"sequence\":0}", 400);
        JsonNode moved = sandbox.demo("PATCH", "/me/mailFolders/inbox/messageRules/" + id, "{\"sequence\":1}", 200);
        assertThat(moved.path("sequence").asInt()).isEqualTo(1);
        JsonNode list = sandbox.demo("GET", "/me/mailFolders/inbox/messageRules", null, 200);
        assertThat(list.path("value").get(0).path("displayName").asText())
                .isIn("Boss first", "Partners to their folder");
        assertThat(sandbox.demo("GET", "/me/mailFolders/inbox/messageRules/" + id, null, 200)
                        .path("actions")
                        .path("markImportance")
                        .asText())
                .isEqualTo("high");
        sandbox.demo("POST", "/me/mailFolders/inbox/messageRules", "{\"displayName\":\"x\",\"sequence\":5}", 400);

        sandbox.demo("DELETE", "/me/mailFolders/inbox/messageRules/" + id, null, 204);
        sandbox.demo("GET", "/me/mailFolders/inbox/messageRules/" + id, null, 404);
    }

    @Test
    void filterSearchAndCount_asGraph() {
        JsonNode unread = sandbox.demo(
                "GET", "/me/mailFolders/inbox/messages?$filter=isRead eq false&$count=true&$top=100", null, 200);
        assertThat(unread.path("value")).allMatch(m -> !m.path("isRead").asBoolean());
        assertThat(unread.path("@odata.count").asInt())
                .isEqualTo(unread.path("value").size())
                .isPositive();

        JsonNode search = sandbox.demo("GET", "/me/messages?$search=\"budget review\"&$top=100", null, 200);
        assertThat(search.path("value"))
                .isNotEmpty()
                .allMatch(m -> (m.path("subject").asText()
                                + m.path("body").path("content").asText())
                        .toLowerCase()
                        .contains("budget review"));
        sandbox.demo("GET", "/me/messages?$search=\"budget\"&$orderby=subject", null, 400);
        HttpResponse<String> eventual = sandbox.send(
                "GET", "/v1.0/me/messages?$search=%22from:megan%22&$top=3", null, SandboxTenant.DEMO_TOKEN);
        assertThat(eventual.statusCode()).isEqualTo(200);
        assertThat(eventual.body()).contains("megan.bowen@contoso.sandbox");
    }

    @Test
    void missingOrUnknownToken_is401InvalidAuthenticationToken() {
        HttpResponse<String> none = sandbox.send("GET", "/v1.0/me/messages", null, null);
        HttpResponse<String> wrong = sandbox.send("GET", "/v1.0/me/messages", null, "nope");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"code\":\"InvalidAuthenticationToken\"");
        assertThat(sandbox.send("GET", "/v1.0/users/demo2/messages", null, SandboxTenant.DEMO_TOKEN)
                        .statusCode())
                .isEqualTo(403);
    }
}

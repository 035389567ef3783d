package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's delta queries over HTTP, as message-delta.md, mailfolder-delta.md, contact-delta.md,
 * event-delta.md and driveitem-delta.md describe them: a first round in pages, then only what changed,
 * whoever changed it, and 410 for a token the sandbox no longer answers.
 */
class DeltaEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEEK = "startDateTime=2026-01-12T00:00:00Z&endDateTime=2026-01-17T00:00:00Z";

    private final SandboxServer sandbox = SandboxServer.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** A delta round followed to its end: every item it answered and the delta link. */
    record Round(List<JsonNode> items, String deltaLink, int pages) {

        List<String> ids() {
            return items.stream().map(i -> i.path("id").asText()).toList();
        }

        JsonNode item(String id) {
            return items.stream()
                    .filter(i -> i.path("id").asText().equals(id))
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no " + id + " in " + ids()));
        }
    }

    @Test
    void messagesDelta_firstRound_everyMessageOfTheFolderInPages_thenADeltaLink() {
        int inbox = get("/me/mailFolders/inbox").path("totalItemCount").asInt();

        Round round = round("/me/mailFolders/inbox/messages/delta", 50);

        assertThat(round.pages()).isEqualTo((inbox + 49) / 50);
        assertThat(round.ids()).hasSize(inbox).doesNotHaveDuplicates();
        assertThat(round.items())
                .allSatisfy(m -> assertThat(m.path("@odata.type").asText()).isEqualTo("#microsoft.graph.message"));
        assertThat(round.deltaLink()).contains("/me/mailFolders/inbox/messages/delta?$deltatoken=");
    }

    @Test
    void messagesDelta_nextRound_onlyWhatChanged_updatedAddedAndRemoved() {
        Round first = round("/me/mailFolders/inbox/messages/delta", 200);
        List<String> inbox = first.ids();
        String read = inbox.get(0);
        String moved = inbox.get(1);
        String deleted = inbox.get(2);
        sandbox.demo("PATCH", "/me/messages/" + read, "{\"isRead\":true,\"subject\":\"Read now\"}", 200);
        String movedTo = sandbox.demo("POST", "/me/messages/" + moved + "/move", "{\"destinationId\":\"archive\"}", 201)
                .path("id")
                .asText();
        sandbox.demo("DELETE", "/me/messages/" + deleted, null, 204);
        // Another client: Megan writes to Adele with her own token, straight on Graph.
        assertThat(sandbox.send("POST", "/v1.0/me/sendMail", """
                {"message":{"subject":"From another client","body":{"contentType":"text","content":"hi"},
                 "toRecipients":[{"emailAddress":{"address":"adele.vance@contoso.sandbox"}}]}}""", SandboxTenant.DEMO2_TOKEN)
                        .statusCode())
                .isEqualTo(202);

        Round next = follow(first.deltaLink(), 200);

        assertThat(next.items()).hasSize(4);
        assertThat(next.item(read).path("subject").asText()).isEqualTo("Read now");
        assertThat(next.item(read).path("isRead").asBoolean()).isTrue();
        assertThat(next.item(moved).path("@removed").path("reason").asText()).isEqualTo("deleted");
        assertThat(next.item(deleted).path("@removed").path("reason").asText()).isEqualTo("deleted");
        assertThat(next.items())
                .anySatisfy(m -> assertThat(m.path("subject").asText()).isEqualTo("From another client"));
        assertThat(next.ids()).doesNotContain(movedTo);
        assertThat(follow(next.deltaLink(), 200).items()).isEmpty();
    }

    @Test
    void messagesDelta_moveBetweenFolders_removedFromOneAddedToTheOther() {
        Round inbox = round("/me/mailFolders/inbox/messages/delta", 200);
        Round archive = round("/me/mailFolders/archive/messages/delta", 200);
        String moved = inbox.ids().get(5);

        String newId = sandbox.demo("POST", "/me/messages/" + moved + "/move", "{\"destinationId\":\"archive\"}", 201)
                .path("id")
                .asText();

        assertThat(follow(inbox.deltaLink(), 200).ids()).containsExactly(moved);
        assertThat(follow(archive.deltaLink(), 200)
                        .item(newId)
                        .path("parentFolderId")
                        .asText())
                .isEqualTo(get("/me/mailFolders/archive").path("id").asText());
    }

    @Test
    void messagesDelta_selectAndChangeType_carriedByTheTokens() {
        Round first = round("/me/mailFolders/inbox/messages/delta?$select=subject,isRead&changeType=created", 40);
        String updated = first.ids().get(0);
        sandbox.demo("PATCH", "/me/messages/" + updated, "{\"isRead\":true}", 200);
        sandbox.send("POST", "/v1.0/me/sendMail", """
                {"message":{"subject":"Created","toRecipients":[{"emailAddress":{"address":"adele.vance@contoso.sandbox"}}]}}""", SandboxTenant.DEMO2_TOKEN);

        Round next = follow(first.deltaLink(), 40);

        assertThat(first.items())
                .allSatisfy(m -> assertThat(fieldNames(m))
                        .containsExactlyInAnyOrder("@odata.type", "@odata.etag", "id", "subject", "isRead"));
        assertThat(next.items()).singleElement().satisfies(m -> {
            assertThat(m.path("subject").asText()).isEqualTo("Created");
            assertThat(fieldNames(m)).doesNotContain("body");
        });
    }

    @Test
    void messagesDelta_preferMaxPageSize_appliedAndSaidSo() {
        HttpResponse<String> answer = sandbox.send(
                "GET",
                "/v1.0/me/mailFolders/inbox/messages/delta",
                null,
                SandboxTenant.DEMO_TOKEN,
                Map.of("Prefer", "odata.maxpagesize=7"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Preference-Applied")).contains("odata.maxpagesize=7");
        assertThat(parse(answer.body()).path("value")).hasSize(7);
        assertThat(parse(answer.body()).path("@odata.nextLink").asText()).contains("$skiptoken=");
    }

    @Test
    void mailFoldersDelta_everyFolderBelowTheRoot_thenCreatedRenamedAndCountsChanged() {
        Round first = round("/me/mailFolders/delta", 100);
        String receipts = StreamSupport.stream(
                        get("/me/mailFolders/inbox/childFolders").path("value").spliterator(), false)
                .filter(f -> f.path("displayName").asText().equals("Receipts"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
        String created = sandbox.demo("POST", "/me/mailFolders/inbox/childFolders", "{\"displayName\":\"Delta\"}", 201)
                .path("id")
                .asText();
        sandbox.demo("PATCH", "/me/mailFolders/" + receipts, "{\"displayName\":\"Bills\"}", 200);

        Round next = follow(first.deltaLink(), 100);

        assertThat(first.ids())
                .contains(get("/me/mailFolders/inbox").path("id").asText(), receipts)
                .doesNotHaveDuplicates();
        assertThat(next.item(created).path("displayName").asText()).isEqualTo("Delta");
        assertThat(next.item(receipts).path("displayName").asText()).isEqualTo("Bills");
        assertThat(next.item(get("/me/mailFolders/inbox").path("id").asText())
                        .path("childFolderCount")
                        .asInt())
                .isEqualTo(get("/me/mailFolders/inbox").path("childFolderCount").asInt());

        sandbox.demo("DELETE", "/me/mailFolders/" + created, null, 204);
        assertThat(follow(next.deltaLink(), 100)
                        .item(created)
                        .path("@removed")
                        .path("reason")
                        .asText())
                .isEqualTo("deleted");
    }

    @Test
    void contactsDelta_addUpdateDelete() {
        Round first = round("/me/contactFolders/contacts/contacts/delta", 100);
        String changed = first.ids().get(0);
        String deleted = first.ids().get(1);
        String added = sandbox.demo("POST", "/me/contacts", "{\"givenName\":\"Delta\",\"surname\":\"Added\"}", 201)
                .path("id")
                .asText();
        sandbox.demo("PATCH", "/me/contacts/" + changed, "{\"jobTitle\":\"Changed\"}", 200);
        sandbox.demo("DELETE", "/me/contacts/" + deleted, null, 204);

        Round next = follow(first.deltaLink(), 100);

        assertThat(first.ids())
                .hasSize(get("/me/contacts?$top=1000").path("value").size());
        assertThat(next.ids()).containsExactlyInAnyOrder(added, changed, deleted);
        assertThat(next.item(added).path("displayName").asText()).isEqualTo("Delta Added");
        assertThat(next.item(changed).path("jobTitle").asText()).isEqualTo("Changed");
        assertThat(next.item(deleted).path("@removed").path("reason").asText()).isEqualTo("deleted");
    }

    @Test
    void calendarViewDelta_windowKept_changesInside_movedOutIsRemoved() {
        Round first = round("/me/calendarView/delta?" + WEEK, 500);
        List<String> inView = ids(get("/me/calendarView?" + WEEK + "&$top=1000"));
        String single = StreamSupport.stream(
                        get("/me/calendarView?" + WEEK + "&$top=1000")
                                .path("value")
                                .spliterator(),
                        false)
                .filter(e -> e.path("type").asText().equals("singleInstance"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
        String created = sandbox.demo("POST", "/me/events", """
                {"subject":"Delta","start":{"dateTime":"2026-01-14T15:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-01-14T16:00:00","timeZone":"UTC"}}""", 201).path("id").asText();
        sandbox.demo("PATCH", "/me/events/" + single, """
                {"start":{"dateTime":"2026-02-20T15:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-02-20T16:00:00","timeZone":"UTC"}}""", 200);

        Round next = follow(first.deltaLink(), 500);

        assertThat(first.ids()).containsExactlyInAnyOrderElementsOf(inView);
        assertThat(first.deltaLink()).doesNotContain("startDateTime");
        assertThat(next.item(created).path("subject").asText()).isEqualTo("Delta");
        assertThat(next.item(single).path("@removed").path("reason").asText()).isEqualTo("deleted");
    }

    @Test
    void calendarViewDelta_withoutTheWindow_400_withSelect_400() {
        assertThat(sandbox.send("GET", "/v1.0/me/calendarView/delta", null, SandboxTenant.DEMO_TOKEN)
                        .statusCode())
                .isEqualTo(400);
        assertThat(sandbox.send(
                                "GET",
                                "/v1.0/me/calendarView/delta?" + WEEK + "&$select=subject",
                                null,
                                SandboxTenant.DEMO_TOKEN)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void driveDelta_firstRound_everyItemParentsFirst_thenRenamedWithItsParents_andDeletedFacet() {
        Round first = round("/me/drive/root/delta", 0);
        String file =
                ids(get("/me/drive/root:/Documents/Finance/2024/Q3:/children")).get(0);
        JsonNode item = get("/me/drive/items/" + file);
        String parent = item.path("parentReference").path("id").asText();
        String root = get("/me/drive/root").path("id").asText();
        String other = ids(get("/me/drive/root:/Desktop:/children")).get(0);
        sandbox.demo("PATCH", "/me/drive/items/" + file, "{\"name\":\"renamed.xlsx\"}", 200);
        sandbox.demo("DELETE", "/me/drive/items/" + other, null, 204);

        Round next = follow(first.deltaLink(), 0);

        assertThat(first.ids()).contains(root, file).doesNotHaveDuplicates();
        assertThat(first.ids().indexOf(parent)).isLessThan(first.ids().indexOf(file));
        assertThat(first.deltaLink()).contains("/me/drive/root/delta?token=");
        assertThat(first.items()).allSatisfy(i -> assertThat(i.has("cTag")).isFalse());
        assertThat(next.item(file).path("name").asText()).isEqualTo("renamed.xlsx");
        assertThat(next.ids()).contains(parent, root);
        assertThat(next.item(other).path("deleted").path("state").asText()).isEqualTo("deleted");
        assertThat(next.item(other).has("name")).isFalse();
    }

    @Test
    void driveDelta_tokenLatest_noItems_aDeltaLinkForWhatComesNext() {
        JsonNode latest = get("/me/drive/root/delta?token=latest");
        String created = sandbox.demo(
                        "POST", "/me/drive/root/children", "{\"name\":\"After latest\",\"folder\":{}}", 201)
                .path("id")
                .asText();

        assertThat(latest.path("value")).isEmpty();
        assertThat(follow(latest.path("@odata.deltaLink").asText(), 0).ids()).contains(created);
    }

    @Test
    void delta_tokensExpiredThroughTheAdminApi_410SyncStateNotFound_withAFreshStartInLocation() {
        Round first = round("/me/mailFolders/inbox/messages/delta?$select=subject", 200);
        assertThat(sandbox.send(
                                "POST",
                                "/_admin/delta/expire",
                                "{\"account\":\"demo\",\"resource\":\"messages\"}",
                                null)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> gone = sandbox.send("GET", path(first.deltaLink()), null, SandboxTenant.DEMO_TOKEN);

        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(parse(gone.body()).path("error").path("code").asText()).isEqualTo("syncStateNotFound");
        assertThat(gone.headers().firstValue("Location"))
                .hasValueSatisfying(
                        l -> assertThat(l).endsWith("/me/mailFolders/inbox/messages/delta?$select=subject"));
        assertThat(round("/me/mailFolders/inbox/messages/delta", 200).ids())
                .hasSize(first.ids().size());
    }

    @Test
    void delta_unknownOrForeignToken_410() {
        Round demo = round("/me/mailFolders/delta", 100);
        HttpResponse<String> garbage =
                sandbox.send("GET", "/v1.0/me/mailFolders/delta?$deltatoken=bm9wZQ", null, SandboxTenant.DEMO_TOKEN);
        HttpResponse<String> foreign = sandbox.send("GET", path(demo.deltaLink()), null, SandboxTenant.DEMO2_TOKEN);
        HttpResponse<String> otherCollection = sandbox.send(
                "GET",
                "/v1.0/me/contactFolders/contacts/contacts/delta?$deltatoken="
                        + demo.deltaLink().split("=", 2)[1],
                null,
                SandboxTenant.DEMO_TOKEN);

        assertThat(List.of(garbage, foreign, otherCollection)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(410);
            assertThat(parse(r.body()).path("error").path("code").asText()).isEqualTo("syncStateNotFound");
        });
    }

    @Test
    void driveDelta_expiredToken_410ResyncRequired() {
        Round first = round("/me/drive/root/delta", 0);
        sandbox.send("POST", "/_admin/delta/expire", "{\"resource\":\"driveItems\"}", null);

        HttpResponse<String> gone = sandbox.send("GET", path(first.deltaLink()), null, SandboxTenant.DEMO_TOKEN);

        assertThat(gone.statusCode()).isEqualTo(410);
        JsonNode error = parse(gone.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("resyncRequired");
        assertThat(error.path("innerError").path("code").asText()).isEqualTo("resyncChangesApplyDifferences");
        assertThat(gone.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/me/drive/root/delta"));
    }

    @Test
    void adminExpire_unknownResource_400() {
        assertThat(sandbox.send("POST", "/_admin/delta/expire", "{\"resource\":\"tasks\"}", null)
                        .statusCode())
                .isEqualTo(400);
    }

    private Round round(String graphPath, int pageSize) {
        return follow(sandbox.graphRoot() + graphPath, pageSize);
    }

    /** Follows {@code link} and every next link, with {@code Prefer: odata.maxpagesize} when {@code pageSize} is positive. */
    private Round follow(String link, int pageSize) {
        List<JsonNode> items = new ArrayList<>();
        int pages = 0;
        String next = link;
        while (true) {
            HttpResponse<String> answer = sandbox.send(
                    "GET",
                    path(next),
                    null,
                    SandboxTenant.DEMO_TOKEN,
                    pageSize > 0 ? Map.of("Prefer", "odata.maxpagesize=" + pageSize) : Map.of());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode page = parse(answer.body());
            pages++;
            page.path("value").forEach(items::add);
            if (page.has("@odata.deltaLink")) {
                assertThat(page.has("@odata.nextLink")).isFalse();
                return new Round(items, page.path("@odata.deltaLink").asText(), pages);
            }
            next = page.path("@odata.nextLink").asText();
            assertThat(next).isNotEmpty();
        }
    }

    /** The part of an absolute sandbox link below {@code /sandbox}. */
    private String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath().substring("/sandbox".length())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private JsonNode get(String graphPath) {
        return sandbox.demo("GET", graphPath, null, 200);
    }

    private static List<String> ids(JsonNode collection) {
        return StreamSupport.stream(collection.path("value").spliterator(), false)
                .map(i -> i.path("id").asText())
                .toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

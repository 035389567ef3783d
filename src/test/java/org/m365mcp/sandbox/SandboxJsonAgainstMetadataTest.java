package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every property the sandbox answers with is one Microsoft's Graph v1.0 metadata declares for that
 * type ({@link GraphMetadata}), at every depth: the sandbox must not invent what a client could
 * then come to rely on.
 */
class SandboxJsonAgainstMetadataTest {

    private static final String WEEK = "startDateTime=2026-01-12T00:00:00Z&endDateTime=2026-01-17T00:00:00Z";

    private final SandboxServer sandbox = SandboxServer.start();
    private final GraphMetadata metadata = GraphMetadata.load();
    private final List<String> undeclared = new ArrayList<>();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void userMailFoldersRulesAndAttachments_onlyV1Properties() {
        check("user", get("/me"));
        JsonNode messages = get("/me/messages?$top=60");
        checkEach("message", messages);
        String withAttachment = first(messages, "hasAttachments");
        check("message", get("/me/messages/" + withAttachment));
        checkEach("attachment", get("/me/messages/" + withAttachment + "/attachments"));
        checkEach("mailFolder", get("/me/mailFolders"));
        checkEach("mailFolder", get("/me/mailFolders/inbox/childFolders"));
        check("mailFolder", get("/me/mailFolders/inbox"));
        checkEach("messageRule", get("/me/mailFolders/inbox/messageRules"));
        check("message", sandbox.demo("POST", "/me/messages", """
                {"subject":"Metadata","body":{"contentType":"html","content":"<p>x</p>"},
                 "toRecipients":[{"emailAddress":{"address":"megan.bowen@contoso.sandbox"}}]}""", 201));

        assertThat(undeclared).isEmpty();
    }

    @Test
    void calendarsEventsScheduleAndSettings_onlyV1Properties() {
        checkEach("calendar", get("/me/calendars"));
        JsonNode events = get("/me/events?$top=100");
        checkEach("event", events);
        checkEach("event", get("/me/calendarView?" + WEEK + "&$top=100"));
        String series = first(events, "recurrence");
        checkEach("event", get("/me/events/" + series + "/instances?" + WEEK));
        check("mailboxSettings", get("/me/mailboxSettings"));
        checkEach("scheduleInformation", sandbox.demo("POST", "/me/calendar/getSchedule", """
                {"schedules":["adele.vance@contoso.sandbox","megan.bowen@contoso.sandbox","lee.gu@contoso.sandbox",
                  "someone@example.com"],
                 "startTime":{"dateTime":"2026-01-12T08:00:00","timeZone":"UTC"},
                 "endTime":{"dateTime":"2026-01-16T18:00:00","timeZone":"UTC"},"availabilityViewInterval":30}""", 200));
        check("event", sandbox.demo("POST", "/me/events", """
                {"subject":"Metadata","start":{"dateTime":"2026-01-20T10:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-01-20T11:00:00","timeZone":"UTC"},
                 "attendees":[{"emailAddress":{"address":"megan.bowen@contoso.sandbox"},"type":"required"}]}""", 201));

        assertThat(undeclared).isEmpty();
    }

    @Test
    void contactsDriveAndSearch_onlyV1Properties() {
        checkEach("contact", get("/me/contacts?$top=100"));
        checkEach("contactFolder", get("/me/contactFolders"));
        check("drive", get("/me/drive"));
        check("driveItem", get("/me/drive/root"));
        JsonNode documents = get("/me/drive/root:/Documents:/children");
        checkEach("driveItem", documents);
        checkEach("driveItem", get("/me/drive/root/children"));
        String file = first(get("/me/drive/root:/Documents/Finance/2024/Q3:/children"), "file");
        check("driveItem", get("/me/drive/items/" + file));
        check(
                "permission",
                sandbox.demo(
                        "POST",
                        "/me/drive/items/" + file + "/createLink",
                        "{\"type\":\"view\",\"scope\":\"organization\"}",
                        201));
        check(
                "uploadSession",
                sandbox.demo("POST", "/me/drive/root:/Documents/metadata.bin:/createUploadSession", "{}", 200));
        for (String type : new String[] {"message", "event", "driveItem"}) {
            checkEach(
                    "searchResponse",
                    sandbox.demo(
                            "POST",
                            "/search/query",
                            "{\"requests\":[{\"entityTypes\":[\"" + type
                                    + "\"],\"query\":{\"queryString\":\"review\"}}]}",
                            200));
        }

        assertThat(undeclared).isEmpty();
    }

    @Test
    void whatWritesAnswer_onlyV1Properties() {
        String message =
                get("/me/messages?$top=1").path("value").get(0).path("id").asText();
        check("message", sandbox.demo("POST", "/me/messages/" + message + "/createReplyAll", "{}", 201));
        check(
                "message",
                sandbox.demo("POST", "/me/messages/" + message + "/copy", "{\"destinationId\":\"drafts\"}", 201));
        check("message", sandbox.demo("PATCH", "/me/messages/" + message, "{\"isRead\":true}", 200));
        check(
                "mailFolder",
                sandbox.demo("POST", "/me/mailFolders/inbox/childFolders", "{\"displayName\":\"Meta\"}", 201));
        check("messageRule", sandbox.demo("POST", "/me/mailFolders/inbox/messageRules", """
                {"displayName":"Meta","sequence":4,"isEnabled":true,
                 "conditions":{"fromAddresses":[{"emailAddress":{"address":"patti.fernandez@contoso.sandbox"}}]},
                 "actions":{"markImportance":"high"}}""", 201));
        check("calendar", sandbox.demo("POST", "/me/calendars", "{\"name\":\"Meta\"}", 201));
        check("contactFolder", sandbox.demo("POST", "/me/contactFolders", "{\"displayName\":\"Meta\"}", 201));
        check("contact", sandbox.demo("POST", "/me/contacts", """
                {"givenName":"Meta","surname":"Data","emailAddresses":[{"address":"meta@example.com","name":"Meta"}],
                 "businessPhones":["+1 555 0100"],"companyName":"Contoso"}""", 201));
        check(
                "driveItem",
                sandbox.demo(
                        "POST",
                        "/me/drive/root:/Desktop:/children",
                        "{\"name\":\"Meta\",\"folder\":{},\"@microsoft.graph.conflictBehavior\":\"rename\"}",
                        201));
        check("driveItem", sandbox.demo("PUT", "/me/drive/root:/Desktop/meta.txt:/content", "bytes", 201));

        assertThat(undeclared).isEmpty();
    }

    @Test
    void deltaAnswers_firstRoundsAndChanges_onlyV1Properties() {
        JsonNode messages = get("/me/mailFolders/inbox/messages/delta");
        JsonNode folders = get("/me/mailFolders/delta");
        JsonNode contacts = get("/me/contactFolders/contacts/contacts/delta");
        JsonNode events = get("/me/calendarView/delta?" + WEEK);
        JsonNode drive = get("/me/drive/root/delta");
        checkEach("message", messages);
        checkEach("mailFolder", folders);
        checkEach("contact", contacts);
        checkEach("event", events);
        checkEach("driveItem", drive);
        String message = messages.path("value").get(0).path("id").asText();
        sandbox.demo(
                "PATCH",
                "/me/messages/" + messages.path("value").get(1).path("id").asText(),
                "{\"isRead\":true}",
                200);
        sandbox.demo("DELETE", "/me/messages/" + message, null, 204);
        sandbox.demo(
                "DELETE",
                "/me/contacts/" + contacts.path("value").get(0).path("id").asText(),
                null,
                204);
        String file = first(get("/me/drive/root:/Documents/Finance/2024/Q3:/children"), "file");
        sandbox.demo("DELETE", "/me/drive/items/" + file, null, 204);

        checkEach("message", get(untilDelta(messages)));
        checkEach("mailFolder", get(untilDelta(folders)));
        checkEach("contact", get(untilDelta(contacts)));
        checkEach("driveItem", get(untilDelta(drive)));

        assertThat(undeclared).isEmpty();
    }

    /** Follows the round's next links to its delta link: the Graph path of that link. */
    private String untilDelta(JsonNode page) {
        JsonNode current = page;
        while (current.has("@odata.nextLink")) {
            current = get(graphPath(current.path("@odata.nextLink").asText()));
        }
        return graphPath(current.path("@odata.deltaLink").asText());
    }

    private String graphPath(String link) {
        return link.substring(sandbox.graphRoot().toString().length());
    }

    private JsonNode get(String path) {
        return sandbox.demo("GET", path, null, 200);
    }

    private void check(String type, JsonNode answer) {
        undeclared.addAll(metadata.undeclared(answer, type));
    }

    private void checkEach(String type, JsonNode collection) {
        assertThat(collection.path("value")).as("a collection of " + type).isNotEmpty();
        undeclared.addAll(metadata.undeclared(collection.path("value"), "Collection(" + type + ")"));
    }

    /** The id of the first item of {@code collection} that has a non-null, non-false {@code property}. */
    private static String first(JsonNode collection, String property) {
        for (JsonNode item : collection.path("value")) {
            JsonNode value = item.path(property);
            if (!value.isMissingNode() && !value.isNull() && !(value.isBoolean() && !value.asBoolean())) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("No item with " + property);
    }
}

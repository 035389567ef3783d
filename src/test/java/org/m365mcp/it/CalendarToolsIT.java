package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The calendar tools over MCP against the sandbox: windows and recurrences in the user's time zone, caching. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarToolsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        client = ItServer.client(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    /** POSTs an event straight to the sandbox's Graph, as another client of the mailbox would; returns its id. */
    private String createEvent(String token, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(ItServer.root(base) + "/sandbox/v1.0/me/events"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body())
                .path("id")
                .asText();
    }

    private static String dailySeries(String subject, String firstDay, String time, String zone, int count) {
        return """
                {"subject":"%s","start":{"dateTime":"%sT%s:00","timeZone":"%s"},
                 "end":{"dateTime":"%sT%s:30","timeZone":"%s"},
                 "recurrence":{"pattern":{"type":"daily","interval":1},
                  "range":{"type":"numbered","startDate":"%s","numberOfOccurrences":%d}}}""".formatted(subject, firstDay, time, zone, firstDay, time.substring(0, 2), zone, firstDay, count);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> answer, String subject) {
        return ((List<Map<String, Object>>) answer.get("events"))
                .stream().filter(e -> subject.equals(e.get("subject"))).toList();
    }

    @Test
    void listEvents_mailboxZoneBerlin_dailySeriesStaysNineLocalAcrossDst() throws Exception {
        String subject = "Berlin stand-up " + UUID.randomUUID();
        String master = createEvent(
                "sandbox-demo2-token", dailySeries(subject, "2026-03-27", "09:00", "W. Europe Standard Time", 5));

        // No time_zone: demo2's mailbox says "W. Europe Standard Time", which must become Europe/Berlin.
        Map<String, Object> answer = structured(call(
                client,
                "calendar_list_events",
                Map.of("account_id", "demo2", "start", "2026-03-28", "end", "2026-03-30")));

        assertThat(answer)
                .containsEntry("time_zone", "Europe/Berlin")
                .containsEntry("start", "2026-03-28T00:00+01:00")
                .containsEntry("end", "2026-03-31T00:00+02:00");
        List<Map<String, Object>> mine = events(answer, subject);
        assertThat(mine)
                .extracting(e -> e.get("start"))
                .containsExactly("2026-03-28T09:00+01:00", "2026-03-29T09:00+02:00", "2026-03-30T09:00+02:00");
        assertThat(mine)
                .extracting(e -> e.get("end"))
                .containsExactly("2026-03-28T09:30+01:00", "2026-03-29T09:30+02:00", "2026-03-30T09:30+02:00");
        assertThat(mine)
                .allSatisfy(e -> assertThat(e)
                        .containsEntry("series_master_id", master)
                        .containsEntry("is_all_day", false)
                        .containsEntry("response", "organizer"));
    }

    @Test
    void listEvents_timeZoneNewYork_windowIsLocalMidnightsAndSeriesKeepsNineAcrossDst() throws Exception {
        String subject = "NY sync " + UUID.randomUUID();
        createEvent("sandbox-demo-token", dailySeries(subject, "2026-03-06", "09:00", "America/New_York", 5));
        // 23:30 New York time the evening before the window: inside a window of UTC days, outside local ones.
        createEvent("sandbox-demo-token", """
                {"subject":"%s","start":{"dateTime":"2026-03-06T23:30:00","timeZone":"Eastern Standard Time"},
                 "end":{"dateTime":"2026-03-06T23:45:00","timeZone":"Eastern Standard Time"}}""".formatted(subject));

        Map<String, Object> answer = structured(call(
                client,
                "calendar_list_events",
                Map.of(
                        "account_id",
                        "demo",
                        "start",
                        "2026-03-07",
                        "end",
                        "2026-03-09",
                        "time_zone",
                        "America/New_York")));

        assertThat(answer)
                .containsEntry("time_zone", "America/New_York")
                .containsEntry("start", "2026-03-07T00:00-05:00")
                .containsEntry("end", "2026-03-10T00:00-04:00");
        assertThat(events(answer, subject))
                .extracting(e -> e.get("start"))
                .containsExactly("2026-03-07T09:00-05:00", "2026-03-08T09:00-04:00", "2026-03-09T09:00-04:00");
    }

    @Test
    void listEvents_secondCallFresh_otherAccountsEntryUntouched() {
        Map<String, Object> args =
                Map.of("account_id", "demo", "start", "2026-05-04", "end", "2026-05-05", "time_zone", "Europe/Paris");
        Map<String, Object> other =
                Map.of("account_id", "demo2", "start", "2026-05-04", "end", "2026-05-05", "time_zone", "Europe/Paris");
        call(
                client,
                "calendar_list_events",
                Map.of(
                        "account_id",
                        "demo",
                        "start",
                        "2026-05-04",
                        "end",
                        "2026-05-05",
                        "time_zone",
                        "Europe/Paris",
                        "force_refresh",
                        true));
        call(client, "calendar_list_events", other);

        assertThat(cacheState(call(client, "calendar_list_events", args))).isEqualTo("fresh");
        assertThat(cacheState(call(client, "calendar_list_events", other))).isEqualTo("fresh");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listCalendars_bothSeededCalendars_secondCallFresh() {
        Map<String, Object> answer = structured(
                call(client, "calendar_list_calendars", Map.of("account_id", "demo2", "force_refresh", true)));

        assertThat((List<Map<String, Object>>) answer.get("calendars"))
                .extracting(c -> c.get("name"))
                .containsExactly("Calendar", "Project Mark 8");
        assertThat(cacheState(call(client, "calendar_list_calendars", Map.of("account_id", "demo2"))))
                .isEqualTo("fresh");
    }

    @Test
    @SuppressWarnings("unchecked")
    void getEvent_inGivenZone_showsAttendeesAndRecurrence_unknownIdIsArgumentError() throws Exception {
        String subject = "Tokyo review " + UUID.randomUUID();
        String id = createEvent("sandbox-demo-token", """
                {"subject":"%s","start":{"dateTime":"2026-07-01T10:00:00","timeZone":"Tokyo Standard Time"},
                 "end":{"dateTime":"2026-07-01T11:00:00","timeZone":"Tokyo Standard Time"},
                 "body":{"contentType":"text","content":"Agenda: numbers"},
                 "attendees":[{"emailAddress":{"address":"megan.bowen@contoso.sandbox","name":"Megan Bowen"},
                               "type":"required"}]}""".formatted(subject));

        Map<String, Object> answer = structured(call(
                client, "calendar_get_event", Map.of("account_id", "demo", "event_id", id, "time_zone", "Asia/Tokyo")));

        assertThat(answer).containsEntry("time_zone", "Asia/Tokyo").containsEntry("body", "Agenda: numbers");
        assertThat((Map<String, Object>) answer.get("event"))
                .containsEntry("start", "2026-07-01T10:00+09:00")
                .containsEntry("attendee_count", 1);
        assertThat((List<Map<String, Object>>) answer.get("attendees"))
                .extracting(a -> a.get("address"))
                .containsExactly("megan.bowen@contoso.sandbox");
        assertThat(cacheState(call(
                        client,
                        "calendar_get_event",
                        Map.of("account_id", "demo", "event_id", id, "time_zone", "Asia/Tokyo"))))
                .isEqualTo("fresh");

        CallToolResult missing = call(
                client,
                "calendar_get_event",
                Map.of("account_id", "demo", "event_id", "AAMkAGNoSuchEvent", "time_zone", "Asia/Tokyo"));
        assertThat(missing.isError()).isTrue();
        assertThat(((TextContent) missing.content().get(0)).text())
                .startsWith("Invalid argument 'event_id'")
                .contains("no event with id");
    }

    @Test
    void listEvents_unknownTimeZone_isArgumentErrorNotUtc() {
        CallToolResult result =
                call(client, "calendar_list_events", Map.of("account_id", "demo", "time_zone", "Mars/Olympus"));

        assertThat(result.isError()).isTrue();
        assertThat(((TextContent) result.content().get(0)).text()).startsWith("Invalid argument 'time_zone'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void createEvent_inBerlin_listMissesThenShowsIt_deleteNeedsConfirmThenGetAndListMiss() {
        String subject = "Planning " + UUID.randomUUID();
        Map<String, Object> window =
                Map.of("account_id", "demo", "start", "2026-10-26", "end", "2026-10-26", "time_zone", "Europe/Berlin");
        Map<String, Object> otherAccount =
                Map.of("account_id", "demo2", "start", "2026-10-26", "end", "2026-10-26", "time_zone", "Europe/Berlin");
        call(client, "calendar_list_events", window);
        call(client, "calendar_list_events", otherAccount);

        Map<String, Object> created = structured(call(
                client,
                "calendar_create_event",
                Map.of(
                        "account_id",
                        "demo",
                        "subject",
                        subject,
                        "start",
                        "2026-10-26T10:00",
                        "end",
                        "2026-10-26T11:00",
                        "time_zone",
                        "Europe/Berlin",
                        "attendees",
                        List.of("Megan Bowen <megan.bowen@contoso.sandbox>"),
                        "location",
                        "Room 1")));
        assertThat(created).containsEntry("start", "2026-10-26T10:00+01:00").containsEntry("action", "created");
        String id = (String) created.get("event_id");

        CallToolResult listed = call(client, "calendar_list_events", window);
        assertThat(cacheState(listed)).isEqualTo("miss");
        assertThat(events(structured(listed), subject))
                .singleElement()
                .satisfies(
                        e -> assertThat(e).containsEntry("location", "Room 1").containsEntry("attendee_count", 1));
        assertThat(cacheState(call(client, "calendar_list_events", otherAccount)))
                .isEqualTo("fresh");
        Map<String, Object> get = Map.of("account_id", "demo", "event_id", id, "time_zone", "Europe/Berlin");
        call(client, "calendar_get_event", get);
        call(client, "calendar_list_events", window);

        CallToolResult unconfirmed =
                call(client, "calendar_delete_event", Map.of("account_id", "demo", "event_id", id));
        assertThat(((TextContent) unconfirmed.content().get(0)).text()).startsWith("Invalid argument 'confirm'");
        structured(
                call(client, "calendar_delete_event", Map.of("account_id", "demo", "event_id", id, "confirm", true)));

        CallToolResult gone = call(client, "calendar_get_event", get);
        assertThat(((TextContent) gone.content().get(0)).text()).startsWith("Invalid argument 'event_id'");
        CallToolResult relisted = call(client, "calendar_list_events", window);
        assertThat(cacheState(relisted)).isEqualTo("miss");
        assertThat(events(structured(relisted), subject)).isEmpty();
    }
}

package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClient;

/** Calendars, events, calendarView, responses and getSchedule over HTTP, as Graph answers them. */
class CalendarEndpointsTest {

    /** The seeded week around {@link SandboxServer#NOW} (Thursday 2026-01-15). */
    private static final String WEEK = "startDateTime=2026-01-12T00:00:00Z&endDateTime=2026-01-17T00:00:00Z";

    private final SandboxServer sandbox = SandboxServer.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private List<String> subjects(JsonNode page) {
        return page.path("value").findValuesAsText("subject");
    }

    @Test
    void calendars_defaultAndProject_createAndDelete() {
        JsonNode list = sandbox.demo("GET", "/me/calendars", null, 200);
        assertThat(list.path("value"))
                .extracting(c -> c.path("name").asText())
                .containsExactly("Calendar", "Project Mark 8");
        assertThat(list.path("value").get(0).path("isDefaultCalendar").asBoolean())
                .isTrue();

        JsonNode created = sandbox.demo("POST", "/me/calendars", "{\"name\":\"Gym\"}", 201);
        sandbox.demo("POST", "/me/calendars", "{\"name\":\"gym\"}", 409);
        sandbox.demo("POST", "/me/calendars/" + created.path("id").asText() + "/events", """
                {"subject":"Swim","start":{"dateTime":"2026-01-16T07:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-01-16T08:00:00","timeZone":"UTC"}}""", 201);
        assertThat(subjects(sandbox.demo(
                        "GET", "/me/calendars/" + created.path("id").asText() + "/calendarView?" + WEEK, null, 200)))
                .containsExactly("Swim");
        sandbox.demo("DELETE", "/me/calendars/" + created.path("id").asText(), null, 204);
        sandbox.demo("GET", "/me/calendars/" + created.path("id").asText(), null, 404);
        sandbox.demo(
                "DELETE",
                "/me/calendars/" + list.path("value").get(0).path("id").asText(),
                null,
                400);
    }

    @Test
    void calendarView_expandsSeries_eventsListsMasters() {
        JsonNode week = sandbox.demo("GET", "/me/calendarView?" + WEEK + "&$top=100", null, 200);

        List<String> subjects = subjects(week);
        assertThat(subjects.stream().filter("Daily stand-up"::equals)).hasSize(5);
        assertThat(subjects.stream().filter("Weekly team sync"::equals)).hasSize(1);
        assertThat(week.path("value"))
                .extracting(e -> e.path("start").path("dateTime").asText())
                .isSorted();
        JsonNode standUp = week.path("value").get(0);
        assertThat(standUp.path("subject").asText()).isEqualTo("Daily stand-up");
        assertThat(standUp.path("start").path("dateTime").asText()).isEqualTo("2026-01-12T09:00:00.0000000");
        assertThat(standUp.path("start").path("timeZone").asText()).isEqualTo("UTC");
        assertThat(standUp.path("type").asText()).isEqualTo("occurrence");
        JsonNode master = sandbox.demo(
                "GET", "/me/events/" + standUp.path("seriesMasterId").asText(), null, 200);
        assertThat(master.path("type").asText()).isEqualTo("seriesMaster");
        assertThat(master.path("recurrence").path("pattern").path("daysOfWeek")).hasSize(5);
        assertThat(sandbox.demo("GET", "/me/events?$top=1000", null, 200).path("value"))
                .noneMatch(e -> e.path("type").asText().equals("occurrence"));
        sandbox.demo("GET", "/me/calendarView", null, 400);
    }

    @Test
    void calendarView_pagedByTheRealClient_sameAsOneBigPage() {
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 0);

        List<JsonNode> paged = client.getPaged("demo", "/me/calendarView?" + WEEK + "&$top=4", 500);

        JsonNode all = sandbox.demo("GET", "/me/calendarView?" + WEEK + "&$top=500", null, 200);
        assertThat(paged).hasSize(all.path("value").size()).hasSizeGreaterThan(8);
        assertThat(paged)
                .extracting(e -> e.path("id").asText())
                .containsExactlyElementsOf(all.path("value").findValuesAsText("id"));
    }

    @Test
    void events_createRecurringPatchDelete_visibleInView() {
        JsonNode created = sandbox.demo("POST", "/me/events", """
                {"subject":"Coaching","start":{"dateTime":"2026-01-13T17:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-01-13T17:30:00","timeZone":"UTC"},
                 "attendees":[{"emailAddress":{"address":"lee.gu@contoso.sandbox","name":"Lee Gu"},"type":"required"}],
                 "recurrence":{"pattern":{"type":"weekly","interval":1,"daysOfWeek":["tuesday"]},
                               "range":{"type":"numbered","startDate":"2026-01-13","numberOfOccurrences":3}}}""", 201);
        String id = created.path("id").asText();
        assertThat(created.path("type").asText()).isEqualTo("seriesMaster");
        assertThat(created.path("isOrganizer").asBoolean()).isTrue();
        assertThat(created.path("attendees")
                        .get(0)
                        .path("status")
                        .path("response")
                        .asText())
                .isEqualTo("none");

        JsonNode instances = sandbox.demo(
                "GET",
                "/me/events/" + id + "/instances?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-03-01T00:00:00Z",
                null,
                200);
        assertThat(instances.path("value"))
                .extracting(e -> e.path("start").path("dateTime").asText())
                .containsExactly(
                        "2026-01-13T17:00:00.0000000", "2026-01-20T17:00:00.0000000", "2026-01-27T17:00:00.0000000");

        sandbox.demo("PATCH", "/me/events/" + id, "{\"subject\":\"Coaching session\"}", 200);
        assertThat(subjects(sandbox.demo("GET", "/me/calendarView?" + WEEK + "&$top=100", null, 200)))
                .contains("Coaching session")
                .doesNotContain("Coaching");
        sandbox.demo(
                "PATCH",
                "/me/events/" + id,
                "{\"end\":{\"dateTime\":\"2026-01-13T16:00:00\",\"timeZone\":\"UTC\"}}",
                400);

        assertThat(sandbox.demo("POST", "/me/events", """
                {"subject":"x","start":{"dateTime":"2026-01-13T17:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-01-13T17:30:00","timeZone":"UTC"},
                 "recurrence":{"pattern":{"type":"weekly","daysOfWeek":["someday"]},"range":{"type":"noEnd"}}}""", 400)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("ErrorInvalidRequest");
        assertThat(sandbox.demo("POST", "/me/events", """
                {"subject":"x","location":"Room 1","start":{"dateTime":"2026-01-13T17:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-01-13T17:30:00","timeZone":"UTC"}}""", 400)
                        .path("error")
                        .path("message")
                        .asText())
                .isEqualTo("'location' must be an object.");

        sandbox.demo("DELETE", "/me/events/" + id, null, 204);
        sandbox.demo("GET", "/me/events/" + id, null, 404);
        assertThat(subjects(sandbox.demo("GET", "/me/calendarView?" + WEEK + "&$top=100", null, 200)))
                .doesNotContain("Coaching session");
    }

    @Test
    void responses_acceptDeclineWithProposal_organizerCannotRespond() {
        JsonNode future = sandbox.demo(
                "GET",
                "/me/calendarView?startDateTime=2026-01-16T00:00:00Z" + "&endDateTime=2026-03-01T00:00:00Z&$top=500",
                null,
                200);
        JsonNode invite = null;
        JsonNode own = null;
        for (JsonNode e : future.path("value")) {
            if (invite == null
                    && e.path("type").asText().equals("singleInstance")
                    && !e.path("isOrganizer").asBoolean()) {
                invite = e;
            }
            if (own == null && e.path("isOrganizer").asBoolean()) {
                own = e;
            }
        }
        String id = invite.path("id").asText();

        sandbox.demo("POST", "/me/events/" + own.path("id").asText() + "/accept", "{}", 400);
        sandbox.demo("POST", "/me/events/" + id + "/accept", """
                {"proposedNewTime":{"start":{"dateTime":"2026-02-02T10:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-02-02T11:00:00","timeZone":"UTC"}}}""", 400);
        sandbox.demo("POST", "/me/events/" + id + "/tentativelyAccept", """
                {"sendResponse":false,
                 "proposedNewTime":{"start":{"dateTime":"2026-02-02T10:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-02-02T11:00:00","timeZone":"UTC"}}}""", 400);
        sandbox.demo("POST", "/me/events/" + id + "/tentativelyAccept", """
                {"comment":"Can we move it?","sendResponse":true,
                 "proposedNewTime":{"start":{"dateTime":"2026-02-02T11:00:00","timeZone":"W. Europe Standard Time"},
                 "end":{"dateTime":"2026-02-02T12:00:00","timeZone":"W. Europe Standard Time"}}}""", 202);

        JsonNode answered = sandbox.demo("GET", "/me/events/" + id, null, 200);
        assertThat(answered.path("responseStatus").path("response").asText()).isEqualTo("tentativelyAccepted");
        assertThat(answered.path("responseStatus").path("time").asText()).isEqualTo("2026-01-15T09:30:00Z");
        assertThat(answered.path("showAs").asText()).isEqualTo("tentative");
        assertThat(answered.path("attendees")
                        .get(0)
                        .path("proposedNewTime")
                        .path("start")
                        .path("dateTime")
                        .asText())
                .isEqualTo("2026-02-02T10:00:00.0000000");
        sandbox.demo("POST", "/me/events/" + id + "/decline", "{\"sendResponse\":false}", 202);
        assertThat(sandbox.demo("GET", "/me/events/" + id, null, 200)
                        .path("responseStatus")
                        .path("response")
                        .asText())
                .isEqualTo("declined");
        sandbox.demo(
                "POST",
                "/me/events/" + id + "/forward",
                "{\"toRecipients\":[{\"emailAddress\":{\"address\":\"lee.gu@contoso.sandbox\"}}]}",
                202);
        sandbox.demo("POST", "/me/events/" + id + "/forward", "{\"toRecipients\":[]}", 400);
    }

    @Test
    void getSchedule_tenantAccountFromItsCalendar_colleagueMadeUp_externalError() {
        JsonNode answer = sandbox.demo("POST", "/me/calendar/getSchedule", """
                {"schedules":["megan.bowen@contoso.sandbox","lee.gu@contoso.sandbox","someone@example.com"],
                 "startTime":{"dateTime":"2026-01-16T08:00:00","timeZone":"UTC"},
                 "endTime":{"dateTime":"2026-01-16T12:00:00","timeZone":"UTC"},
                 "availabilityViewInterval":30}""", 200);

        JsonNode megan = answer.path("value").get(0);
        assertThat(megan.path("scheduleId").asText()).isEqualTo("megan.bowen@contoso.sandbox");
        assertThat(megan.path("availabilityView").asText())
                .hasSize(8)
                .startsWith("002"); // 08:00 and 08:30 free, 09:00 stand-up
        assertThat(megan.path("scheduleItems").findValuesAsText("subject")).contains("Daily stand-up");
        assertThat(megan.path("workingHours").path("startTime").asText()).isEqualTo("08:00:00.0000000");
        assertThat(answer.path("value").get(1).path("availabilityView").asText())
                .hasSize(8)
                .matches("[02]+")
                .contains("2");
        assertThat(answer.path("value")
                        .get(2)
                        .path("error")
                        .path("responseCode")
                        .asText())
                .isEqualTo("ErrorMailRecipientNotFound");
        sandbox.demo("POST", "/me/calendar/getSchedule", "{\"schedules\":[]}", 400);
    }

    @Test
    void events_localTimeInWindowsZone_storedAsUtcAndSeriesKeepsLocalTimeAcrossDst() {
        JsonNode created = sandbox.demo("POST", "/me/events", """
                {"subject":"Berlin daily","start":{"dateTime":"2026-03-27T09:00:00","timeZone":"W. Europe Standard Time"},
                 "end":{"dateTime":"2026-03-27T09:30:00","timeZone":"W. Europe Standard Time"},
                 "recurrence":{"pattern":{"type":"daily","interval":1},
                  "range":{"type":"numbered","startDate":"2026-03-27","numberOfOccurrences":4}}}""", 201);
        assertThat(created.path("originalStartTimeZone").asText()).isEqualTo("W. Europe Standard Time");
        assertThat(created.path("start").path("dateTime").asText()).startsWith("2026-03-27T08:00:00");

        JsonNode view = sandbox.demo(
                "GET",
                "/me/calendarView?startDateTime=2026-03-27T00:00:00Z"
                        + "&endDateTime=2026-03-31T00:00:00Z&$filter=subject eq 'Berlin daily'".replace(" ", "%20"),
                null,
                200);

        assertThat(view.path("value"))
                .extracting(e -> e.path("start").path("dateTime").asText().substring(0, 16))
                .containsExactly("2026-03-27T08:00", "2026-03-28T08:00", "2026-03-29T07:00", "2026-03-30T07:00");
        sandbox.demo("POST", "/me/events", """
                {"subject":"x","start":{"dateTime":"2026-03-27T09:00:00","timeZone":"Mars/Olympus"},
                 "end":{"dateTime":"2026-03-27T09:30:00","timeZone":"UTC"}}""", 400);
    }

    @Test
    void mailboxSettings_timeZoneIsAWindowsName() {
        assertThat(sandbox.demo("GET", "/me/mailboxSettings", null, 200)
                        .path("timeZone")
                        .asText())
                .isEqualTo("Pacific Standard Time");
    }

    @Test
    void getSchedule_windowInItsOwnZone_workingHoursAreTheMailboxs() {
        // 09:00-11:00 in Berlin is 08:00-10:00 UTC: Megan's 09:00 UTC stand-up is in the third half hour.
        JsonNode megan = sandbox.demo("POST", "/me/calendar/getSchedule", """
                {"schedules":["megan.bowen@contoso.sandbox"],
                 "startTime":{"dateTime":"2026-01-16T09:00:00","timeZone":"W. Europe Standard Time"},
                 "endTime":{"dateTime":"2026-01-16T11:00:00","timeZone":"Europe/Berlin"},
                 "availabilityViewInterval":30}""", 200)
                .path("value")
                .get(0);

        assertThat(megan.path("availabilityView").asText()).startsWith("002").hasSize(4);
        assertThat(megan.path("workingHours").path("timeZone").path("name").asText())
                .isEqualTo("W. Europe Standard Time");
        assertThat(sandbox.demo("GET", "/me/mailboxSettings", null, 200)
                        .path("workingHours")
                        .path("daysOfWeek"))
                .hasSize(5);
        sandbox.demo("POST", "/me/calendar/getSchedule", """
                {"schedules":["megan.bowen@contoso.sandbox"],"startTime":"2026-01-16T09:00:00",
                 "endTime":"2026-01-16T11:00:00"}""", 400);
    }

    @Test
    void calendars_unknownColor_is400() {
        assertThat(sandbox.demo("POST", "/me/calendars", "{\"name\":\"Purple\",\"color\":\"purple\"}", 400)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("RequestBodyRead");
    }
}

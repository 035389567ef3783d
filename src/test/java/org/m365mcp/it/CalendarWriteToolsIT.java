package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URL;
import java.time.LocalDate;
import java.util.HashMap;
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

/**
 * The calendar tools that change things, and free/busy, over MCP against the sandbox: updates,
 * responses, proposals, forwards, calendars, recurring series, free/busy and free slots computed
 * from events the tests create, and what each write makes stale (and what it leaves fresh).
 *
 * <p>Each test works on dates of its own in 2027, outside the seeded weeks around today.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarWriteToolsIT {

    private static final String BERLIN = "Europe/Berlin";
    private static final String ADELE = "adele.vance@contoso.sandbox";
    private static final String MEGAN = "megan.bowen@contoso.sandbox";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;

    @BeforeEach
    void connect() {
        client = ItServer.client(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> args, Object... pairs) {
        Map<String, Object> map = new HashMap<>(args);
        map.putAll(args(pairs));
        return map;
    }

    private static String error(CallToolResult result) {
        assertThat(result.isError()).as("a tool error").isTrue();
        return ((TextContent) result.content().get(0)).text();
    }

    private String createEvent(String account, String subject, String start, String end, Object... more) {
        return (String) structured(call(
                        client,
                        "calendar_create_event",
                        with(
                                args(
                                        "account_id",
                                        account,
                                        "subject",
                                        subject,
                                        "start",
                                        start,
                                        "end",
                                        end,
                                        "time_zone",
                                        BERLIN),
                                more)))
                .get("event_id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> answer, String key) {
        return (List<Map<String, Object>>) answer.get(key);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> event(String account, String id) {
        return (Map<String, Object>) getEvent(account, id).get("event");
    }

    private Map<String, Object> getEvent(String account, String id) {
        return structured(
                call(client, "calendar_get_event", args("account_id", account, "event_id", id, "time_zone", BERLIN)));
    }

    /** Seeded meetings others organized in {@code account}'s coming weeks, single ones only. */
    private List<Map<String, Object>> invitations(String account, String me) {
        Map<String, Object> answer = structured(call(
                client,
                "calendar_list_events",
                args(
                        "account_id",
                        account,
                        "start",
                        LocalDate.now().plusDays(1).toString(),
                        "end",
                        LocalDate.now().plusDays(35).toString(),
                        "time_zone",
                        BERLIN,
                        "limit",
                        500,
                        "force_refresh",
                        true)));
        return list(answer, "events").stream()
                .filter(e -> !me.equals(e.get("organizer"))
                        && e.get("series_master_id") == null
                        && !Boolean.TRUE.equals(e.get("is_all_day")))
                .toList();
    }

    @Test
    void updateEvent_newStartKeepsLength_listAndGetMiss_otherAccountFresh() {
        String subject = "Budget " + UUID.randomUUID();
        String id = createEvent("demo", subject, "2027-06-01T10:00", "2027-06-01T10:45", "location", "Room 1");
        Map<String, Object> window =
                args("account_id", "demo", "start", "2027-06-01", "end", "2027-06-01", "time_zone", BERLIN);
        Map<String, Object> otherAccount = with(window, "account_id", "demo2");
        call(client, "calendar_list_events", window);
        call(client, "calendar_list_events", otherAccount);
        getEvent("demo", id);
        assertThat(cacheState(call(client, "calendar_list_events", window))).isEqualTo("fresh");

        Map<String, Object> updated = structured(call(
                client,
                "calendar_update_event",
                args(
                        "account_id",
                        "demo",
                        "event_id",
                        id,
                        "subject",
                        subject + " (moved)",
                        "start",
                        "2027-06-01T14:30",
                        "time_zone",
                        BERLIN,
                        "show_as",
                        "tentative",
                        "attendees",
                        List.of("Megan Bowen <" + MEGAN + ">"),
                        "is_online_meeting",
                        true)));

        assertThat(updated)
                .containsEntry("action", "updated")
                .containsEntry("start", "2027-06-01T14:30+02:00")
                .containsEntry("end", "2027-06-01T15:15+02:00")
                .containsEntry("subject", subject + " (moved)");
        CallToolResult relisted = call(client, "calendar_list_events", window);
        assertThat(cacheState(relisted)).isEqualTo("miss");
        assertThat(list(structured(relisted), "events"))
                .filteredOn(e -> e.get("id").equals(id))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("start", "2027-06-01T14:30+02:00")
                        .containsEntry("show_as", "tentative")
                        .containsEntry("location", "Room 1")
                        .containsEntry("attendee_count", 1)
                        .containsEntry("is_online_meeting", true));
        CallToolResult get =
                call(client, "calendar_get_event", args("account_id", "demo", "event_id", id, "time_zone", BERLIN));
        assertThat(cacheState(get)).isEqualTo("miss");
        assertThat(cacheState(call(client, "calendar_list_events", otherAccount)))
                .isEqualTo("fresh");

        // A new end alone keeps the start; an end before the start is refused before Graph is asked.
        assertThat(structured(call(
                        client,
                        "calendar_update_event",
                        args("account_id", "demo", "event_id", id, "end", "2027-06-01T16:00", "time_zone", BERLIN))))
                .containsEntry("start", "2027-06-01T14:30+02:00")
                .containsEntry("end", "2027-06-01T16:00+02:00");
        assertThat(error(call(
                        client,
                        "calendar_update_event",
                        args("account_id", "demo", "event_id", id, "end", "2027-06-01T09:00", "time_zone", BERLIN))))
                .startsWith("Invalid argument 'end'");
        assertThat(error(call(client, "calendar_update_event", args("account_id", "demo", "event_id", id))))
                .contains("nothing to change");
        assertThat(error(call(
                        client,
                        "calendar_update_event",
                        args("account_id", "demo", "event_id", id, "show_as", "away"))))
                .startsWith("Invalid argument 'show_as'");
        assertThat(error(call(
                        client,
                        "calendar_update_event",
                        args("account_id", "demo", "event_id", "AAMkAGNoSuchEvent", "subject", "x"))))
                .startsWith("Invalid argument 'event_id'");
    }

    @Test
    void respondEvent_declineWithoutSending_responseStatusChangesInSandbox_ownMeetingRefused() {
        Map<String, Object> invitation = invitations("demo2", MEGAN).get(0);
        String id = (String) invitation.get("id");
        getEvent("demo2", id);

        Map<String, Object> answer = structured(call(
                client,
                "calendar_respond_event",
                args(
                        "account_id",
                        "demo2",
                        "event_id",
                        id,
                        "response",
                        "decline",
                        "comment",
                        "On holiday",
                        "send_response",
                        false)));

        assertThat(answer).containsEntry("action", "declined").containsEntry("response_sent", false);
        CallToolResult get =
                call(client, "calendar_get_event", args("account_id", "demo2", "event_id", id, "time_zone", BERLIN));
        assertThat(cacheState(get)).isEqualTo("miss");
        assertThat(event("demo2", id)).containsEntry("response", "declined").containsEntry("show_as", "free");

        structured(call(
                client,
                "calendar_respond_event",
                args("account_id", "demo2", "event_id", id, "response", "Tentative")));
        assertThat(event("demo2", id)).containsEntry("response", "tentativelyAccepted");

        String own = createEvent("demo2", "Own " + UUID.randomUUID(), "2027-06-02T10:00", "2027-06-02T11:00");
        assertThat(error(call(
                        client,
                        "calendar_respond_event",
                        args("account_id", "demo2", "event_id", own, "response", "accept"))))
                .contains("organizer");
        assertThat(error(call(
                        client,
                        "calendar_respond_event",
                        args("account_id", "demo2", "event_id", own, "response", "maybe"))))
                .startsWith("Invalid argument 'response'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void proposeNewTime_tentativeWithBerlinTimes_visibleOnTheEvent_badTimesRefused() {
        Map<String, Object> invitation = invitations("demo", ADELE).get(1);
        String id = (String) invitation.get("id");

        Map<String, Object> answer = structured(call(
                client,
                "calendar_propose_new_time",
                args(
                        "account_id",
                        "demo",
                        "event_id",
                        id,
                        "start",
                        "2027-03-29T09:00",
                        "end",
                        "2027-03-29T09:30",
                        "time_zone",
                        BERLIN,
                        "comment",
                        "Mornings suit me better")));

        assertThat(answer)
                .containsEntry("action", "tentativelyAccepted")
                .containsEntry("response_sent", true)
                .containsEntry("proposed_start", "2027-03-29T09:00+02:00")
                .containsEntry("proposed_end", "2027-03-29T09:30+02:00");
        Map<String, Object> detail = getEvent("demo", id);
        assertThat((Map<String, Object>) detail.get("event")).containsEntry("response", "tentativelyAccepted");
        assertThat(list(detail, "attendees"))
                .filteredOn(a -> ADELE.equals(a.get("address")))
                .singleElement()
                .satisfies(a -> assertThat(a)
                        .containsEntry("proposed_start", "2027-03-29T09:00+02:00")
                        .containsEntry("proposed_end", "2027-03-29T09:30+02:00"));

        assertThat(error(call(
                        client,
                        "calendar_propose_new_time",
                        args(
                                "account_id",
                                "demo",
                                "event_id",
                                id,
                                "start",
                                "2027-03-29T10:00",
                                "end",
                                "2027-03-29T09:30",
                                "time_zone",
                                BERLIN))))
                .startsWith("Invalid argument 'end'");
        assertThat(error(call(
                        client,
                        "calendar_propose_new_time",
                        args(
                                "account_id",
                                "demo",
                                "event_id",
                                id,
                                "start",
                                "2027-03-29T10:00",
                                "end",
                                "2027-03-29T11:00",
                                "response",
                                "accept"))))
                .startsWith("Invalid argument 'response'");
    }

    @Test
    void forwardEvent_recipientsChecked_thenForwarded() {
        String id = createEvent("demo", "Forwarded " + UUID.randomUUID(), "2027-06-03T10:00", "2027-06-03T11:00");

        assertThat(error(call(
                        client,
                        "calendar_forward_event",
                        args(
                                "account_id",
                                "demo",
                                "event_id",
                                id,
                                "to",
                                List.of("lee.gu@contoso.sandbox", "not an address")))))
                .startsWith("Invalid argument 'to'")
                .contains("not an address");
        assertThat(error(call(
                        client, "calendar_forward_event", args("account_id", "demo", "event_id", id, "to", List.of()))))
                .startsWith("Invalid argument 'to'");
        assertThat(error(call(
                        client,
                        "calendar_forward_event",
                        args(
                                "account_id",
                                "demo",
                                "event_id",
                                "AAMkAGNoSuchEvent",
                                "to",
                                List.of("lee.gu@contoso.sandbox")))))
                .startsWith("Invalid argument 'event_id'");

        assertThat(structured(call(
                        client,
                        "calendar_forward_event",
                        args(
                                "account_id",
                                "demo",
                                "event_id",
                                id,
                                "to",
                                List.of("Lee Gu <lee.gu@contoso.sandbox>"),
                                "comment",
                                "FYI"))))
                .containsEntry("action", "forwarded")
                .containsEntry("forwarded_to", List.of("lee.gu@contoso.sandbox"));
    }

    @Test
    void createAndDeleteCalendar_listMissesEachTime_defaultCalendarRefused() {
        String name = "IT calendar " + UUID.randomUUID();
        Map<String, Object> lists = args("account_id", "demo");
        call(client, "calendar_list_calendars", with(lists, "force_refresh", true));
        call(client, "calendar_list_calendars", args("account_id", "demo2", "force_refresh", true));

        Map<String, Object> created = structured(call(
                client, "calendar_create_calendar", args("account_id", "demo", "name", name, "color", "lightteal")));
        assertThat(created).containsEntry("action", "created").containsEntry("color", "lightTeal");
        String id = (String) created.get("calendar_id");
        CallToolResult listed = call(client, "calendar_list_calendars", lists);
        assertThat(cacheState(listed)).isEqualTo("miss");
        assertThat(list(structured(listed), "calendars"))
                .extracting(c -> c.get("name"))
                .contains(name);
        assertThat(cacheState(call(client, "calendar_list_calendars", args("account_id", "demo2"))))
                .isEqualTo("fresh");
        assertThat(error(call(client, "calendar_create_calendar", args("account_id", "demo", "name", name))))
                .startsWith("Invalid argument 'name'")
                .contains("exists");
        assertThat(error(call(
                        client,
                        "calendar_create_calendar",
                        args("account_id", "demo", "name", "x", "color", "purple"))))
                .startsWith("Invalid argument 'color'");
        String eventInIt =
                createEvent("demo", "In the new calendar", "2027-06-04T10:00", "2027-06-04T11:00", "calendar_id", id);

        assertThat(error(call(client, "calendar_delete_calendar", args("account_id", "demo", "calendar_id", id))))
                .startsWith("Invalid argument 'confirm'");
        structured(call(
                client, "calendar_delete_calendar", args("account_id", "demo", "calendar_id", id, "confirm", true)));
        CallToolResult relisted = call(client, "calendar_list_calendars", lists);
        assertThat(cacheState(relisted)).isEqualTo("miss");
        assertThat(list(structured(relisted), "calendars"))
                .extracting(c -> c.get("name"))
                .doesNotContain(name);
        assertThat(error(call(client, "calendar_get_event", args("account_id", "demo", "event_id", eventInIt))))
                .startsWith("Invalid argument 'event_id'");

        String defaultId = (String) list(structured(relisted), "calendars").stream()
                .filter(c -> Boolean.TRUE.equals(c.get("is_default")))
                .findFirst()
                .orElseThrow()
                .get("id");
        assertThat(error(call(
                        client,
                        "calendar_delete_calendar",
                        args("account_id", "demo", "calendar_id", defaultId, "confirm", true))))
                .startsWith("Invalid argument 'calendar_id'")
                .contains("default calendar");
        assertThat(list(structured(call(client, "calendar_list_calendars", lists)), "calendars"))
                .extracting(c -> c.get("id"))
                .contains(defaultId);
    }

    @Test
    void createEvent_secondTuesdayMonthly_expandedInTheView_badRecurrenceRefused() {
        String subject = "Steering " + UUID.randomUUID();
        Map<String, Object> created = structured(call(
                client,
                "calendar_create_event",
                args(
                        "account_id",
                        "demo",
                        "subject",
                        subject,
                        "start",
                        "2027-07-13T10:00",
                        "end",
                        "2027-07-13T11:00",
                        "time_zone",
                        BERLIN,
                        "recurrence",
                        "relativeMonthly",
                        "recurrence_occurrences",
                        3)));
        assertThat(created).containsEntry("recurrence", "relativeMonthly");

        Map<String, Object> listed = structured(call(
                client,
                "calendar_list_events",
                args(
                        "account_id",
                        "demo",
                        "start",
                        "2027-07-01",
                        "end",
                        "2027-10-31",
                        "time_zone",
                        BERLIN,
                        "limit",
                        500)));

        assertThat(list(listed, "events"))
                .filteredOn(e -> subject.equals(e.get("subject")))
                .extracting(e -> e.get("start"))
                .containsExactly("2027-07-13T10:00+02:00", "2027-08-10T10:00+02:00", "2027-09-14T10:00+02:00");
        assertThat(error(call(
                        client,
                        "calendar_create_event",
                        args(
                                "account_id",
                                "demo",
                                "subject",
                                subject,
                                "start",
                                "2027-07-13T10:00",
                                "end",
                                "2027-07-13T11:00",
                                "time_zone",
                                BERLIN,
                                "recurrence",
                                "weekly",
                                "recurrence_days_of_week",
                                List.of("someday")))))
                .startsWith("Invalid argument 'recurrence_days_of_week'");
        assertThat(error(call(
                        client,
                        "calendar_create_event",
                        args(
                                "account_id",
                                "demo",
                                "subject",
                                subject,
                                "start",
                                "2027-07-13T10:00",
                                "end",
                                "2027-07-13T11:00",
                                "time_zone",
                                BERLIN,
                                "recurrence_occurrences",
                                3))))
                .startsWith("Invalid argument 'recurrence_occurrences'");
    }

    @Test
    void freeBusy_fromCreatedEvents_exactBusyAndView_cachedUntilAnEventChanges() {
        createEvent("demo", "Adele busy", "2027-06-08T10:00", "2027-06-08T11:00");
        createEvent("demo2", "Megan busy", "2027-06-08T13:00", "2027-06-08T14:30");
        createEvent("demo2", "Megan maybe", "2027-06-08T15:00", "2027-06-08T15:30", "show_as", "tentative");
        Map<String, Object> request = args(
                "account_id",
                "demo",
                "addresses",
                List.of(MEGAN, ADELE, "someone@example.com"),
                "start",
                "2027-06-08T09:00",
                "end",
                "2027-06-08T17:00",
                "time_zone",
                BERLIN,
                "interval_minutes",
                60);

        CallToolResult first = call(client, "calendar_get_free_busy", with(request, "force_refresh", true));

        Map<String, Object> answer = structured(first);
        assertThat(answer)
                .containsEntry("start", "2027-06-08T09:00+02:00")
                .containsEntry("end", "2027-06-08T17:00+02:00");
        List<Map<String, Object>> schedules = list(answer, "schedules");
        assertThat(schedules).extracting(s -> s.get("address")).containsExactly(MEGAN, ADELE, "someone@example.com");
        assertThat(schedules.get(0)).containsEntry("availability_view", "00002210");
        assertThat(list(schedules.get(0), "busy"))
                .containsExactly(
                        Map.of(
                                "start",
                                "2027-06-08T13:00+02:00",
                                "end",
                                "2027-06-08T14:30+02:00",
                                "status",
                                "busy",
                                "subject",
                                "Megan busy"),
                        Map.of(
                                "start",
                                "2027-06-08T15:00+02:00",
                                "end",
                                "2027-06-08T15:30+02:00",
                                "status",
                                "tentative",
                                "subject",
                                "Megan maybe"));
        assertThat(schedules.get(0).get("working_hours"))
                .isEqualTo(Map.of(
                        "days",
                        List.of("monday", "tuesday", "wednesday", "thursday", "friday"),
                        "start",
                        "08:00",
                        "end",
                        "17:00",
                        "time_zone",
                        BERLIN));
        assertThat(schedules.get(1)).containsEntry("availability_view", "02000000");
        assertThat(schedules.get(2)).containsKey("error");

        Map<String, Object> otherAccount = with(request, "account_id", "demo2");
        call(client, "calendar_get_free_busy", with(otherAccount, "force_refresh", true));
        assertThat(cacheState(call(client, "calendar_get_free_busy", request))).isEqualTo("fresh");

        createEvent("demo", "Adele later", "2027-06-08T16:00", "2027-06-08T17:00");
        CallToolResult after = call(client, "calendar_get_free_busy", request);
        assertThat(cacheState(after)).isEqualTo("miss");
        assertThat(list(structured(after), "schedules").get(1)).containsEntry("availability_view", "02000002");
        assertThat(cacheState(call(client, "calendar_get_free_busy", otherAccount)))
                .isEqualTo("fresh");
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkAvailability_exactFreeSlots_tentativeAndWorkingHoursOptions() {
        createEvent("demo", "Adele busy", "2027-06-15T10:00", "2027-06-15T11:00");
        createEvent("demo2", "Megan busy", "2027-06-15T13:00", "2027-06-15T14:30");
        createEvent("demo2", "Megan maybe", "2027-06-15T15:00", "2027-06-15T15:30", "show_as", "tentative");
        Map<String, Object> request = args(
                "account_id",
                "demo",
                "attendees",
                List.of("Megan <" + MEGAN + ">"),
                "start",
                "2027-06-15T09:00",
                "end",
                "2027-06-15T17:00",
                "time_zone",
                BERLIN,
                "duration_minutes",
                60,
                "working_hours_only",
                false,
                "force_refresh",
                true);

        Map<String, Object> answer = structured(call(client, "calendar_check_availability", request));

        assertThat((List<String>) answer.get("checked")).containsExactly(ADELE, MEGAN);
        assertThat(list(answer, "slots"))
                .containsExactly(
                        Map.of("start", "2027-06-15T09:00+02:00", "end", "2027-06-15T10:00+02:00", "minutes", 60),
                        Map.of("start", "2027-06-15T11:00+02:00", "end", "2027-06-15T13:00+02:00", "minutes", 120),
                        Map.of("start", "2027-06-15T15:30+02:00", "end", "2027-06-15T17:00+02:00", "minutes", 90));
        assertThat(list(
                        structured(
                                call(client, "calendar_check_availability", with(request, "tentative_is_busy", false))),
                        "slots"))
                .last()
                .isEqualTo(Map.of("start", "2027-06-15T14:30+02:00", "end", "2027-06-15T17:00+02:00", "minutes", 150));

        // Adele works 08:00-17:00 Pacific (17:00-02:00 in Berlin), Megan 08:00-17:00 Berlin: never both.
        Map<String, Object> wholeDay = with(
                request,
                "start",
                "2027-06-15",
                "end",
                "2027-06-15",
                "working_hours_only",
                true,
                "attendees",
                List.of(MEGAN, "someone@example.com"));
        Map<String, Object> both = structured(call(client, "calendar_check_availability", wholeDay));
        assertThat(both).containsEntry("count", 0);
        assertThat((List<String>) both.get("not_checked"))
                .singleElement()
                .asString()
                .startsWith("someone@example.com: ");
        assertThat(list(
                        structured(call(client, "calendar_check_availability", with(wholeDay, "include_me", false))),
                        "slots"))
                .containsExactly(
                        Map.of("start", "2027-06-15T08:00+02:00", "end", "2027-06-15T13:00+02:00", "minutes", 300),
                        Map.of("start", "2027-06-15T15:30+02:00", "end", "2027-06-15T17:00+02:00", "minutes", 90));

        Map<String, Object> cached = with(request, "force_refresh", false);
        assertThat(cacheState(call(client, "calendar_check_availability", cached)))
                .isEqualTo("fresh");
        createEvent("demo", "Adele lunch", "2027-06-15T12:00", "2027-06-15T13:00");
        CallToolResult after = call(client, "calendar_check_availability", cached);
        assertThat(cacheState(after)).isEqualTo("miss");
        assertThat(list(structured(after), "slots"))
                .extracting(s -> s.get("start"))
                .containsExactly("2027-06-15T09:00+02:00", "2027-06-15T11:00+02:00", "2027-06-15T15:30+02:00");
    }
}

package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;
import org.m365mcp.tools.IfMatch;
import org.m365mcp.tools.NotFound;

/**
 * Calendar tools that create, change and delete events.
 *
 * <ul>
 *   <li>Times are given local to the user's zone ({@code time_zone} or the mailbox's) and sent to
 *       Graph with that zone, so a series keeps its local time across DST changes.
 *   <li>Invalidation per SPEC §3: create → every {@code calendar_list_events} of the account;
 *       update and delete → those and the event's {@code calendar_get_event}. Each also drops the
 *       account's {@code search_events} and free/busy answers, which show the same events.
 *   <li>{@code calendar_update_event} takes the {@code etag} {@code calendar_get_event} returned and
 *       sends it as {@code If-Match} ({@link IfMatch}): an event changed meanwhile is left as it is.
 * </ul>
 */
@ApplicationScoped
public class CalendarWriteTools {

    static final String ACCOUNT = "Account id from account_list";
    static final String EVENT = "Event id from calendar_list_events";
    static final String ZONE = "IANA time zone, e.g. Europe/Berlin; default the mailbox's";
    static final String SHOW_AS = "free, tentative, busy, oof or workingElsewhere";

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Inject
    CalendarTools reads;

    @McpTool(
            name = "calendar_create_event",
            description = "Create an event or a recurring series (times local to time_zone); attendees get an"
                    + " invitation.")
    @InvalidatesCache({
        @Invalidate(operation = "calendar_list_events"),
        @Invalidate(operation = "search_events"),
        @Invalidate(operation = "calendar_get_free_busy"),
        @Invalidate(operation = "calendar_check_availability")
    })
    public EventChanged calendarCreateEvent(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam("Subject") String subject,
            @ToolParam("Start, local date-time such as 2026-03-30T09:00") String start,
            @ToolParam("End, local date-time") String end,
            @ToolParam(value = ZONE, defaultValue = "") String timeZone,
            @ToolParam(value = "Attendees: name@example.com or Name <name@example.com>", defaultValue = "")
                    List<String> attendees,
            @ToolParam(value = "Location", defaultValue = "") String location,
            @ToolParam(value = "Body text", defaultValue = "") String body,
            @ToolParam(value = "Create a Teams meeting link", defaultValue = "false") boolean isOnlineMeeting,
            @ToolParam(value = "Show as: " + SHOW_AS + "; default busy", defaultValue = "") String showAs,
            @ToolParam(value = "Calendar id from calendar_list_calendars; default the main calendar", defaultValue = "")
                    String calendarId,
            @ToolParam(
                            value = "Repeat: daily, weekly, absoluteMonthly (same day of month), relativeMonthly (e.g."
                                    + " 2nd Tuesday), absoluteYearly or relativeYearly; default none",
                            defaultValue = "")
                    String recurrence,
            @ToolParam(
                            value = "Every how many days/weeks/months/years; default 1",
                            defaultValue = "",
                            min = 1,
                            max = RecurrenceArgument.MAX_INTERVAL)
                    Integer recurrenceInterval,
            @ToolParam(
                            value = "Weekdays (monday…) for weekly/relative patterns; default the start's",
                            defaultValue = "")
                    List<String> recurrenceDaysOfWeek,
            @ToolParam(
                            value = "Week of the month for relative patterns: first, second, third, fourth, last;"
                                    + " default the start's",
                            defaultValue = "")
                    String recurrenceIndex,
            @ToolParam(value = "Last day of the series (local date); or use recurrence_occurrences", defaultValue = "")
                    String recurrenceEndDate,
            @ToolParam(
                            value = "Number of occurrences; neither this nor an end date: no end",
                            defaultValue = "",
                            min = 1,
                            max = RecurrenceArgument.MAX_OCCURRENCES)
                    Integer recurrenceOccurrences) {
        String account = accounts.require(accountId).id();
        String calendar = CalendarArguments.optionalCalendarId("calendar_id", calendarId);
        EventFields.subject(subject);
        ZoneId zone = reads.zone(account, timeZone);
        Instant from = CalendarArguments.instant("start", start, zone, false);
        Instant to = CalendarArguments.instant("end", end, zone, false);
        ObjectNode event = EventFields.of(
                subject,
                attendees == null ? List.of() : attendees,
                location,
                body,
                isOnlineMeeting ? Boolean.TRUE : null,
                showAs,
                null);
        EventFields.times(event, from, to, zone);
        ObjectNode series = RecurrenceArgument.of(
                recurrence,
                recurrenceInterval,
                recurrenceDaysOfWeek,
                recurrenceIndex,
                recurrenceEndDate,
                recurrenceOccurrences,
                from.atZone(zone).toLocalDate());
        if (series != null) {
            event.set("recurrence", series);
        }
        JsonNode created = NotFound.addressed(
                "calendar_id",
                CalendarTools.NO_CALENDAR,
                calendar,
                () -> graph.post(account, (calendar == null ? "/me" : "/me/calendars/" + calendar) + "/events", event));
        return EventChanged.of(accountId, "created", created, zone);
    }

    @McpTool(
            name = "calendar_update_event",
            idempotent = true,
            description = "Change an event: subject, times (local to time_zone; a new start alone keeps the length),"
                    + " location, body, attendees, Teams link, show as. Empty arguments stay as they are.")
    @InvalidatesCache({
        @Invalidate(operation = "calendar_list_events"),
        @Invalidate(operation = "calendar_get_event", param = "event_id"),
        @Invalidate(operation = "search_events"),
        @Invalidate(operation = "calendar_get_free_busy"),
        @Invalidate(operation = "calendar_check_availability")
    })
    public EventChanged calendarUpdateEvent(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(EVENT) String eventId,
            @ToolParam(value = "New subject", defaultValue = "") String subject,
            @ToolParam(value = "New start, local date-time", defaultValue = "") String start,
            @ToolParam(value = "New end, local date-time", defaultValue = "") String end,
            @ToolParam(value = ZONE, defaultValue = "") String timeZone,
            @ToolParam(value = "Attendees replacing the current ones", defaultValue = "") List<String> attendees,
            @ToolParam(value = "New location", defaultValue = "") String location,
            @ToolParam(value = "New body text", defaultValue = "") String body,
            @ToolParam(value = "Teams meeting link on (true) or off (false)", defaultValue = "")
                    Boolean isOnlineMeeting,
            @ToolParam(value = "Show as: " + SHOW_AS, defaultValue = "") String showAs,
            @ToolParam(value = "Importance: low, normal or high", defaultValue = "") String importance,
            @ToolParam(value = "etag from calendar_get_event: refused if the event changed since", defaultValue = "")
                    String etag) {
        String account = accounts.require(accountId).id();
        String id = CalendarArguments.eventId("event_id", eventId);
        IfMatch ifMatch = IfMatch.of(etag, "event", "calendar_get_event");
        ObjectNode patch = EventFields.of(subject, attendees, location, body, isOnlineMeeting, showAs, importance);
        ZoneId zone = reads.zone(account, timeZone);
        if (!EventFields.isBlank(start) || !EventFields.isBlank(end)) {
            Instant from = EventFields.isBlank(start) ? null : CalendarArguments.instant("start", start, zone, false);
            Instant to = EventFields.isBlank(end) ? null : CalendarArguments.instant("end", end, zone, false);
            JsonNode current = existing(account, id);
            Instant currentStart = EventTimes.instant(current.path("start"));
            Instant currentEnd = EventTimes.instant(current.path("end"));
            if (from == null) {
                from = currentStart;
            } else if (to == null) {
                to = from.plus(Duration.between(currentStart, currentEnd));
            }
            EventFields.times(patch, from, to == null ? currentEnd : to, zone);
        }
        if (patch.isEmpty()) {
            throw new ToolArgumentException("event_id", "nothing to change: give at least one field");
        }
        return EventChanged.of(
                accountId,
                "updated",
                NotFound.addressed(
                        "event_id",
                        CalendarTools.NO_EVENT,
                        id,
                        () -> ifMatch.patch(graph, account, "/me/events/" + id, patch)),
                zone);
    }

    @McpTool(
            name = "calendar_delete_event",
            destructive = true,
            description = "Delete an event (a series master deletes the whole series). Needs confirm: true.")
    @InvalidatesCache({
        @Invalidate(operation = "calendar_list_events"),
        @Invalidate(operation = "calendar_get_event", param = "event_id"),
        @Invalidate(operation = "search_events"),
        @Invalidate(operation = "calendar_get_free_busy"),
        @Invalidate(operation = "calendar_check_availability")
    })
    public EventChanged calendarDeleteEvent(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(EVENT) String eventId,
            @ToolParam(value = "Must be true: the event is deleted", defaultValue = "false") boolean confirm) {
        String account = accounts.require(accountId).id();
        String id = CalendarArguments.eventId("event_id", eventId);
        Confirmation.require(confirm, "deletes the event (and, for a series master, every occurrence)");
        NotFound.addressed("event_id", CalendarTools.NO_EVENT, id, () -> graph.delete(account, "/me/events/" + id));
        return new EventChanged(accountId, id, "deleted", null, null, null, null, null, null);
    }

    /** The event's current start and end, for a change of only one of them. */
    private JsonNode existing(String account, String id) {
        return NotFound.addressed(
                "event_id",
                CalendarTools.NO_EVENT,
                id,
                () -> graph.send(account, GraphClientRequest.get("/me/events/" + id + "?$select=start,end"))
                        .json());
    }
}

package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;
import org.m365mcp.tools.mail.MailArguments;

/**
 * Calendar tools that create and delete events.
 *
 * <ul>
 *   <li>Times are given local to the user's zone ({@code time_zone} or the mailbox's) and sent to
 *       Graph with that zone, so a series keeps its local time across DST changes.
 *   <li>Invalidation per SPEC §3: create → every {@code calendar_list_events} of the account;
 *       delete → those and the event's {@code calendar_get_event}.
 * </ul>
 */
@ApplicationScoped
public class CalendarWriteTools {

    static final String ACCOUNT = "Account id from account_list";
    static final String ZONE = "IANA time zone, e.g. Europe/Berlin; default the mailbox's";

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Inject
    CalendarTools reads;

    @McpTool(name = "calendar_create_event",
            description = "Create an event (times local to time_zone); attendees get an invitation.")
    @InvalidatesCache(@Invalidate(operation = "calendar_list_events"))
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
            @ToolParam(value = "Calendar id from calendar_list_calendars; default the main calendar",
                    defaultValue = "") String calendarId) {
        String account = accounts.require(accountId).id();
        String calendar = CalendarArguments.optionalCalendarId("calendar_id", calendarId);
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw new ToolArgumentException("subject", "must be 1 to 255 characters");
        }
        ZoneId zone = reads.zone(account, timeZone);
        Instant from = CalendarArguments.instant("start", start, zone, false);
        Instant to = CalendarArguments.instant("end", end, zone, false);
        if (!from.isBefore(to)) {
            throw new ToolArgumentException("end", "must be after start");
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("subject", subject.strip());
        event.set("start", dateTimeTimeZone(from, zone));
        event.set("end", dateTimeTimeZone(to, zone));
        ArrayNode invited = MailArguments.recipients("attendees", attendees);
        invited.forEach(a -> ((ObjectNode) a).put("type", "required"));
        event.set("attendees", invited);
        if (location != null && !location.isBlank()) {
            event.putObject("location").put("displayName", location.strip());
        }
        if (body != null && !body.isBlank()) {
            event.putObject("body").put("contentType", "text").put("content", body);
        }
        if (isOnlineMeeting) {
            event.put("isOnlineMeeting", true).put("onlineMeetingProvider", "teamsForBusiness");
        }
        JsonNode created;
        try {
            created = graph.post(account, (calendar == null ? "/me" : "/me/calendars/" + calendar) + "/events", event);
        } catch (GraphException e) {
            throw e.isNotFound() && calendar != null
                    ? new ToolArgumentException("calendar_id", "no calendar with id '" + calendar + "'") : e;
        }
        EventSummary summary = EventSummary.of(created, zone);
        return new EventChanged(accountId, summary.id(), "created", summary.subject(), summary.start(), summary.end(),
                zone.getId());
    }

    @McpTool(name = "calendar_delete_event", destructive = true,
            description = "Delete an event (a series master deletes the whole series). Needs confirm: true.")
    @InvalidatesCache({@Invalidate(operation = "calendar_list_events"),
            @Invalidate(operation = "calendar_get_event", param = "event_id")})
    public EventChanged calendarDeleteEvent(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam("Event id from calendar_list_events") String eventId,
            @ToolParam(value = "Must be true: the event is deleted", defaultValue = "false") boolean confirm) {
        String account = accounts.require(accountId).id();
        String id = CalendarArguments.eventId("event_id", eventId);
        Confirmation.require(confirm, "deletes the event (and, for a series master, every occurrence)");
        try {
            graph.delete(account, "/me/events/" + id);
        } catch (GraphException e) {
            throw e.isNotFound() ? CalendarTools.noEvent(id) : e;
        }
        return new EventChanged(accountId, id, "deleted", null, null, null, null);
    }

    private static ObjectNode dateTimeTimeZone(Instant at, ZoneId zone) {
        return JsonNodeFactory.instance.objectNode().put("dateTime", LocalDateTime.ofInstant(at, zone).toString())
                .put("timeZone", zone.getId());
    }
}

package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.cache.annotation.CacheResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.graph.TimeZones;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.NotFound;

/**
 * Calendar tools that read: calendars, the events of a window, one event.
 *
 * <ul>
 *   <li>Times are shown in the user's zone: the {@code time_zone} argument, else the mailbox's
 *       setting (a Windows name, mapped to IANA); never silently UTC — an unknown mailbox zone is a
 *       tool error asking for {@code time_zone}.
 *   <li>Listings go through calendarView, so recurring series come expanded into occurrences.
 *   <li>Reads are cached per account and arguments; a Graph 404 for a given id is a tool error.
 * </ul>
 */
@ApplicationScoped
public class CalendarTools {

    static final int DEFAULT_DAYS = 7;
    private static final int PAGE_SIZE = 100;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    /** Longest body part {@code calendar_get_event} returns at once; {@code body_offset} reads the rest. */
    @Inject
    @ConfigProperty(name = "m365.mcp.answers.max-body-chars")
    int maxBodyChars;

    @McpTool(
            name = "calendar_list_calendars",
            readOnly = true,
            idempotent = true,
            description = "List the user's calendars with ids for calendar_list_events.")
    @CacheResult(cacheName = "calendar_list_calendars")
    public CalendarListAnswer calendarListCalendars(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        List<CalendarSummary> calendars =
                graph.getPaged(account, "/me/calendars?$select=" + CalendarSummary.FIELDS, 500).stream()
                        .map(CalendarSummary::of)
                        .toList();
        return new CalendarListAnswer(accountId, calendars.size(), calendars, null);
    }

    @McpTool(
            name = "calendar_list_events",
            readOnly = true,
            idempotent = true,
            description = "List events (recurring ones expanded) between start and end, in the user's time zone.")
    @CacheResult(cacheName = "calendar_list_events")
    public EventListAnswer calendarListEvents(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "From: a date (local midnight) or local date-time; default today", defaultValue = "")
                    String start,
            @ToolParam(
                            value = "To: a date (through that whole day) or local date-time; default start + 7 days",
                            defaultValue = "")
                    String end,
            @ToolParam(value = "IANA time zone, e.g. Europe/Berlin; default the mailbox's", defaultValue = "")
                    String timeZone,
            @ToolParam(value = "Calendar id from calendar_list_calendars; default the main calendar", defaultValue = "")
                    String calendarId,
            @ToolParam(value = "Most events to return", defaultValue = "50", min = 1, max = 500) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        String calendar = CalendarArguments.optionalCalendarId("calendar_id", calendarId);
        ZoneId zone = zone(account, timeZone);
        Instant from = EventFields.isBlank(start)
                ? java.time.LocalDate.now(zone).atStartOfDay(zone).toInstant()
                : CalendarArguments.instant("start", start, zone, false);
        Instant to = EventFields.isBlank(end)
                ? from.atZone(zone).plusDays(DEFAULT_DAYS).toInstant()
                : CalendarArguments.instant("end", end, zone, true);
        if (!from.isBefore(to)) {
            throw new ToolArgumentException("end", "must be after start");
        }
        String path = (calendar == null ? "/me" : "/me/calendars/" + calendar) + "/calendarView?startDateTime=" + from
                + "&endDateTime=" + to + "&$select=" + EventSummary.FIELDS + "&$orderby=start/dateTime&$top="
                + Math.min(limit + 1, PAGE_SIZE);
        List<JsonNode> found = NotFound.addressed(
                "calendar_id",
                NO_CALENDAR,
                calendar,
                () -> graph.getPaged(
                        account, GraphClientRequest.get(path).header("Prefer", preferZone(zone)), limit + 1));
        List<EventSummary> events = found.stream()
                .limit(limit)
                .map(event -> EventSummary.of(event, zone))
                .toList();
        return new EventListAnswer(
                accountId,
                zone.getId(),
                LOCAL.format(from.atZone(zone)),
                LOCAL.format(to.atZone(zone)),
                calendar,
                events.size(),
                events,
                found.size() > limit,
                null);
    }

    @McpTool(
            name = "calendar_get_event",
            readOnly = true,
            idempotent = true,
            description = "Get one event: times in the user's zone, attendees and responses, body (a long one in parts,"
                    + " see body_note), recurrence.")
    @CacheResult(cacheName = "calendar_get_event")
    public EventDetail calendarGetEvent(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Event id from calendar_list_events") String eventId,
            @ToolParam(value = "IANA time zone, e.g. Europe/Berlin; default the mailbox's", defaultValue = "")
                    String timeZone,
            @ToolParam(
                            value = "Body character to start at (next_body_offset of the previous part)",
                            defaultValue = "0",
                            min = 0,
                            max = Integer.MAX_VALUE)
                    int bodyOffset,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        String id = CalendarArguments.eventId("event_id", eventId);
        ZoneId zone = zone(account, timeZone);
        GraphClientRequest request = GraphClientRequest.get("/me/events/" + id)
                .header("Prefer", preferZone(zone) + ", outlook.body-content-type=\"text\"");
        return EventDetail.of(
                accountId,
                NotFound.addressed(
                        "event_id",
                        NO_EVENT,
                        id,
                        () -> graph.send(account, request).json()),
                zone,
                bodyOffset,
                maxBodyChars);
    }

    /** The zone named by the argument, else the mailbox's; a mailbox zone nobody can map is a tool error. */
    ZoneId zone(String account, String timeZone) {
        if (!EventFields.isBlank(timeZone)) {
            return CalendarArguments.zone("time_zone", timeZone);
        }
        String mailboxZone = graph.get(account, "/me/mailboxSettings?$select=timeZone")
                .path("timeZone")
                .asText("");
        return TimeZones.of(mailboxZone)
                .orElseThrow(() -> new ToolArgumentException(
                        "time_zone",
                        "is needed: the mailbox's time zone '" + mailboxZone + "' is not one this server knows;"
                                + " give an IANA zone such as Europe/Berlin"));
    }

    static String preferZone(ZoneId zone) {
        return "outlook.timezone=\"" + zone.getId() + "\"";
    }

    /** The words of a tool error for an unknown {@code event_id} ({@link NotFound}). */
    static final String NO_EVENT = "no event with id";

    /** The words of a tool error for an unknown {@code calendar_id} ({@link NotFound}). */
    static final String NO_CALENDAR = "no calendar with id";
}

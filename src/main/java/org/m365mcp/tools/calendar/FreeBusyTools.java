package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.cache.annotation.CacheResult;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Recipients;

/**
 * Free/busy of people over a window ({@code POST /me/calendar/getSchedule}), and the times all of
 * them are free for a meeting, computed from their schedule items.
 *
 * <ul>
 *   <li>The window is local to the user's zone, like every time in the answers; at most
 *       {@link #MAX_DAYS} days and {@link #MAX_PEOPLE} addresses (Graph's own limit is higher; the
 *       answers would not be compact).
 *   <li>Cached per account and arguments with short TTLs (microprofile-config.properties): other
 *       people's calendars change without this server seeing it.
 * </ul>
 */
@ApplicationScoped
public class FreeBusyTools {

    static final int MAX_DAYS = 31;
    static final int MAX_PEOPLE = 20;
    /** The view's resolution when check_availability has to fall back on it (no scheduleItems shared). */
    private static final int CHECK_INTERVAL = 15;

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Inject
    CalendarTools reads;

    @McpTool(
            name = "calendar_get_free_busy",
            readOnly = true,
            idempotent = true,
            description = "Free/busy of people (and rooms) between start and end: busy times, availability view,"
                    + " working hours; in the user's time zone.")
    @CacheResult(cacheName = "calendar_get_free_busy")
    public FreeBusyAnswer calendarGetFreeBusy(
            @ToolParam(CalendarWriteTools.ACCOUNT) String accountId,
            @ToolParam("Addresses: name@example.com or Name <name@example.com>") List<String> addresses,
            @ToolParam("From: a date (local midnight) or local date-time") String start,
            @ToolParam("To: a date (through that whole day) or local date-time") String end,
            @ToolParam(value = CalendarWriteTools.ZONE, defaultValue = "") String timeZone,
            @ToolParam(value = "Minutes per digit of the availability view", defaultValue = "30", min = 5, max = 1440)
                    int intervalMinutes,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        List<String> people = addresses("addresses", addresses, null);
        ZoneId zone = reads.zone(account, timeZone);
        Availability.Slot window = window(start, end, zone);
        List<ScheduleInfo> schedules = schedules(account, people, window, zone, intervalMinutes);
        return new FreeBusyAnswer(
                accountId,
                zone.getId(),
                EventTimes.show(window.start(), zone),
                EventTimes.show(window.end(), zone),
                intervalMinutes,
                schedules.stream().map(s -> FreeBusyAnswer.Person.of(s, zone)).toList(),
                null);
    }

    @McpTool(
            name = "calendar_check_availability",
            readOnly = true,
            idempotent = true,
            description = "Find when all attendees (and you) are free for a meeting of the given length between"
                    + " start and end, optionally only within everyone's working hours.")
    @CacheResult(cacheName = "calendar_check_availability")
    public AvailabilityAnswer calendarCheckAvailability(
            @ToolParam(CalendarWriteTools.ACCOUNT) String accountId,
            @ToolParam("Attendees: name@example.com or Name <name@example.com>") List<String> attendees,
            @ToolParam("From: a date (local midnight) or local date-time") String start,
            @ToolParam("To: a date (through that whole day) or local date-time") String end,
            @ToolParam(value = "Meeting length in minutes", defaultValue = "30", min = 5, max = 1440)
                    int durationMinutes,
            @ToolParam(value = CalendarWriteTools.ZONE, defaultValue = "") String timeZone,
            @ToolParam(value = "Include your own calendar", defaultValue = "true") boolean includeMe,
            @ToolParam(value = "Only within everyone's working hours", defaultValue = "true") boolean workingHoursOnly,
            @ToolParam(value = "Count tentative meetings as busy", defaultValue = "true") boolean tentativeIsBusy,
            @ToolParam(value = "Most slots to return", defaultValue = "20", min = 1, max = 200) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        var signedIn = accounts.require(accountId);
        String account = signedIn.id();
        List<String> people = addresses("attendees", attendees, includeMe ? signedIn.username() : null);
        ZoneId zone = reads.zone(account, timeZone);
        Availability.Slot window = window(start, end, zone);
        Duration length = Duration.ofMinutes(durationMinutes);
        List<String> checked = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        List<Availability.Slot> busy = new ArrayList<>();
        List<List<Availability.Slot>> hours = new ArrayList<>();
        for (ScheduleInfo info : schedules(account, people, window, zone, CHECK_INTERVAL)) {
            if (info.error() != null) {
                notChecked.add(info.address() + ": " + info.error());
                continue;
            }
            checked.add(info.address());
            info.items().stream()
                    .filter(i -> blocks(i.status(), tentativeIsBusy))
                    .map(i -> new Availability.Slot(i.start(), i.end()))
                    .forEach(busy::add);
            ScheduleInfo.WorkingHours wh = info.workingHours();
            if (workingHoursOnly && wh != null) {
                hours.add(Availability.workingHours(wh.days(), wh.start(), wh.end(), wh.zone(), window));
            }
        }
        List<Availability.Slot> free = checked.isEmpty() ? List.of() : Availability.free(window, length, busy, hours);
        List<AvailabilityAnswer.FreeSlot> slots = free.stream()
                .limit(limit)
                .map(s -> new AvailabilityAnswer.FreeSlot(
                        EventTimes.show(s.start(), zone),
                        EventTimes.show(s.end(), zone),
                        s.length().toMinutes()))
                .toList();
        return new AvailabilityAnswer(
                accountId,
                zone.getId(),
                EventTimes.show(window.start(), zone),
                EventTimes.show(window.end(), zone),
                durationMinutes,
                checked,
                notChecked,
                workingHoursOnly,
                slots.size(),
                slots,
                free.size() > limit,
                null);
    }

    /** Busy, out of office and unknown block a meeting; tentative when asked; free and working elsewhere do not. */
    static boolean blocks(String status, boolean tentativeIsBusy) {
        return switch (status) {
            case "free", "workingElsewhere" -> false;
            case "tentative" -> tentativeIsBusy;
            default -> true;
        };
    }

    private List<ScheduleInfo> schedules(
            String account, List<String> people, Availability.Slot window, ZoneId zone, int intervalMinutes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(
                "schedules",
                JsonNodeFactory.instance
                        .arrayNode()
                        .addAll(people.stream()
                                .map(JsonNodeFactory.instance::textNode)
                                .toList()));
        body.set("startTime", EventFields.dateTimeTimeZone(window.start(), zone));
        body.set("endTime", EventFields.dateTimeTimeZone(window.end(), zone));
        body.put("availabilityViewInterval", intervalMinutes);
        JsonNode answer = graph.send(
                        account,
                        GraphClientRequest.post("/me/calendar/getSchedule", body)
                                .header("Prefer", CalendarTools.preferZone(zone)))
                .json();
        List<ScheduleInfo> schedules = new ArrayList<>();
        answer.path("value").forEach(info -> schedules.add(ScheduleInfo.of(info, window.start(), intervalMinutes)));
        return schedules;
    }

    private static Availability.Slot window(String start, String end, ZoneId zone) {
        Instant from = CalendarArguments.instant("start", start, zone, false);
        Instant to = CalendarArguments.instant("end", end, zone, true);
        if (!from.isBefore(to)) {
            throw new ToolArgumentException("end", "must be after start");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new ToolArgumentException("end", "must be at most " + MAX_DAYS + " days after start");
        }
        return new Availability.Slot(from, to);
    }

    /** The checked addresses, lower case, each once; {@code me} (when not null) first. */
    private static List<String> addresses(String argument, List<String> given, String me) {
        Set<String> all = new LinkedHashSet<>();
        if (me != null) {
            all.add(me.toLowerCase(Locale.ROOT));
        }
        Recipients.addresses(Recipients.recipients(argument, given)).forEach(a -> all.add(a.toLowerCase(Locale.ROOT)));
        if (all.isEmpty()) {
            throw new ToolArgumentException(argument, "is empty: give at least one address");
        }
        if (all.size() > MAX_PEOPLE) {
            throw new ToolArgumentException(argument, "has " + all.size() + " addresses; at most " + MAX_PEOPLE);
        }
        return List.copyOf(all);
    }
}

package org.m365mcp.tools.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * Checks the calendar tools' ids, time zones and date windows.
 *
 * <ul>
 *   <li>Ids may hold nothing that could change a Graph URL's path or query.
 *   <li>A date is local midnight in the zone; as the end of a window it is the end of that day
 *       (the next local midnight), so {@code start=end=2026-03-29} is that whole local day.
 *   <li>A date-time without an offset is local to the zone; one with an offset is that instant.
 * </ul>
 */
final class CalendarArguments {

    private static final Pattern ID = Pattern.compile("(?=.*[A-Za-z0-9])[A-Za-z0-9_=+\\-.]{1,512}");

    private CalendarArguments() {}

    /** {@code id} when it looks like a Graph event id. */
    static String eventId(String argument, String id) {
        return id(argument, id, "an event id from calendar_list_events");
    }

    /** Null for an empty value (the default calendar), else a checked calendar id. */
    static String optionalCalendarId(String argument, String id) {
        return id == null || id.isBlank()
                ? null
                : id(argument, id.trim(), "a calendar id from calendar_list_calendars");
    }

    private static String id(String argument, String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ToolArgumentException(argument, "must be " + what + ", got \"" + abbreviate(id) + "\"");
        }
        return id;
    }

    /** The IANA zone named by {@code name}. */
    static ZoneId zone(String argument, String name) {
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new ToolArgumentException(
                    argument, "must be an IANA time zone such as Europe/Berlin, got \"" + abbreviate(name) + "\"");
        }
    }

    /**
     * A window bound: {@code 2026-03-29} (local midnight; with {@code endOfDay} the next one),
     * {@code 2026-03-29T09:00} (local) or {@code 2026-03-29T09:00+02:00}.
     */
    static Instant instant(String argument, String text, ZoneId zone, boolean endOfDay) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ToolArgumentException(
                    argument,
                    "must be a date (2026-03-29) or date-time (2026-03-29T09:00)," + " got \"" + abbreviate(value)
                            + "\"");
        }
    }

    static String abbreviate(String value) {
        return value == null ? "null" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}

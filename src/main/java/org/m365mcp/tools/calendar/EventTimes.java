package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.m365mcp.graph.TimeZones;

/**
 * Graph's {@code dateTimeTimeZone} shown in the user's zone, whatever zone Graph answered in
 * (it honours {@code Prefer: outlook.timezone}, but a proxy or emulator may answer UTC).
 *
 * <ul>
 *   <li>A timed event's times are {@code 2026-03-29T09:00+02:00}: local time and offset, so DST is visible.
 *   <li>An all-day event's are dates ({@code 2026-03-29}): they are days, not instants, in every zone.
 *   <li>Null for an absent or unreadable time; stateless.
 * </ul>
 */
final class EventTimes {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    private EventTimes() {
    }

    static String show(JsonNode time, boolean allDay, ZoneId zone) {
        String text = time.path("dateTime").asText("");
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.length() > 26 ? text.substring(0, 26) : text);
            if (allDay) {
                return local.toLocalDate().toString();
            }
            ZoneId given = TimeZones.of(time.path("timeZone").asText("UTC")).orElse(ZoneOffset.UTC);
            return LOCAL.format(local.atZone(given).withZoneSameInstant(zone));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

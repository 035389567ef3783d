package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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

    private EventTimes() {}

    static String show(JsonNode time, boolean allDay, ZoneId zone) {
        LocalDateTime local = local(time);
        if (local == null) {
            return null;
        }
        return allDay
                ? local.toLocalDate().toString()
                : show(local.atZone(given(time)).toInstant(), zone);
    }

    /** {@code at} as {@code 2026-03-29T09:00+02:00} in {@code zone}. */
    static String show(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    /** The instant of a timed {@code dateTimeTimeZone}; null when absent or unreadable. */
    static Instant instant(JsonNode time) {
        LocalDateTime local = local(time);
        return local == null ? null : local.atZone(given(time)).toInstant();
    }

    private static LocalDateTime local(JsonNode time) {
        String text = time.path("dateTime").asText("");
        try {
            return text.isEmpty() ? null : LocalDateTime.parse(text.length() > 26 ? text.substring(0, 26) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneId given(JsonNode time) {
        return TimeZones.of(time.path("timeZone").asText("UTC")).orElse(ZoneOffset.UTC);
    }
}

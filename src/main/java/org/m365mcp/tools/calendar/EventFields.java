package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.tools.Recipients;

/**
 * The event properties {@code calendar_create_event} and {@code calendar_update_event} share, as
 * Graph's {@code event} JSON: only what was given is set, so the same body serves a POST and a PATCH.
 *
 * <ul>
 *   <li>Null or blank arguments are left out; every set value is checked, errors name the argument.
 *   <li>Times go to Graph as local {@code dateTimeTimeZone}s in the user's zone, so a series keeps
 *       its local time across DST changes.
 *   <li>Stateless.
 * </ul>
 */
final class EventFields {

    static final List<String> SHOW_AS = List.of("free", "tentative", "busy", "oof", "workingElsewhere");
    static final List<String> IMPORTANCE = List.of("low", "normal", "high");

    private EventFields() {}

    /** The given fields of an event; {@code attendees} (when not null) replace the current ones. */
    static ObjectNode of(
            String subject,
            List<String> attendees,
            String location,
            String body,
            Boolean isOnlineMeeting,
            String showAs,
            String importance) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        if (!isBlank(subject)) {
            event.put("subject", subject(subject));
        }
        if (attendees != null) {
            ArrayNode invited = Recipients.recipients("attendees", attendees);
            invited.forEach(a -> ((ObjectNode) a).put("type", "required"));
            event.set("attendees", invited);
        }
        if (!isBlank(location)) {
            event.putObject("location").put("displayName", location.strip());
        }
        if (!isBlank(body)) {
            event.putObject("body").put("contentType", "text").put("content", body);
        }
        if (isOnlineMeeting != null) {
            event.put("isOnlineMeeting", isOnlineMeeting);
            if (isOnlineMeeting) {
                event.put("onlineMeetingProvider", "teamsForBusiness");
            }
        }
        if (!isBlank(showAs)) {
            event.put("showAs", oneOf("show_as", showAs, SHOW_AS));
        }
        if (!isBlank(importance)) {
            event.put("importance", oneOf("importance", importance, IMPORTANCE));
        }
        return event;
    }

    static String subject(String subject) {
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw new ToolArgumentException("subject", "must be 1 to 255 characters");
        }
        return subject.strip();
    }

    /** Sets {@code start} and {@code end}, local to {@code zone}. */
    static void times(ObjectNode event, Instant start, Instant end, ZoneId zone) {
        if (!start.isBefore(end)) {
            throw new ToolArgumentException("end", "must be after start");
        }
        event.set("start", dateTimeTimeZone(start, zone));
        event.set("end", dateTimeTimeZone(end, zone));
    }

    /** Graph's {@code dateTimeTimeZone}: the local time of {@code at} in {@code zone}, and the zone's IANA name. */
    static ObjectNode dateTimeTimeZone(Instant at, ZoneId zone) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("dateTime", LocalDateTime.ofInstant(at, zone).toString())
                .put("timeZone", zone.getId());
    }

    private static String oneOf(String argument, String value, List<String> allowed) {
        return allowed.stream()
                .filter(a -> a.equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new ToolArgumentException(
                        argument,
                        "must be one of " + String.join(", ", allowed) + ", got \""
                                + CalendarArguments.abbreviate(value) + "\""));
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

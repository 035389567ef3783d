package org.m365mcp.sandbox.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.m365mcp.graph.TimeZones;
import org.m365mcp.sandbox.common.Entities;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * Builds and edits events in Graph v1.0's {@code microsoft.graph.event} JSON shape.
 *
 * <ul>
 *   <li>Times are served as {@code dateTimeTimeZone} in UTC ({@code "2026-01-15T09:00:00.0000000"},
 *       {@code "UTC"}); a request's local time is read in its {@code timeZone} (IANA or Windows name,
 *       UTC when absent), which is kept as {@code originalStartTimeZone}/{@code originalEndTimeZone}
 *       and is the zone a recurrence keeps its local time in.
 *   <li>Only properties Graph lets a client write may be set ({@link #WRITABLE}); {@code end} must
 *       follow {@code start}.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
final class EventJson {

    static final Set<String> WRITABLE = Set.of(
            "subject",
            "body",
            "start",
            "end",
            "location",
            "locations",
            "attendees",
            "isAllDay",
            "showAs",
            "importance",
            "sensitivity",
            "categories",
            "recurrence",
            "isOnlineMeeting",
            "onlineMeetingProvider",
            "allowNewTimeProposals",
            "reminderMinutesBeforeStart",
            "isReminderOn",
            "responseRequested",
            "hideAttendees",
            "isCancelled");

    private EventJson() {}

    /** A new event from a POST body (or a seeder's equivalent), organized by {@code organizer}. */
    static ObjectNode create(
            String id, String calendarId, Recipient organizer, boolean isOrganizer, Instant now, ObjectNode request) {
        if (!request.has("start") || !request.has("end")) {
            throw SandboxGraphException.invalidRequest("An event needs 'start' and 'end'.");
        }
        ObjectNode node = Json.object();
        node.put("@odata.etag", "W/\"" + id.substring(6, 26) + "\"");
        node.put("id", id);
        node.put("createdDateTime", now.toString());
        node.put("lastModifiedDateTime", now.toString());
        node.put("changeKey", id.substring(6, 26));
        node.putArray("categories");
        node.putNull("transactionId");
        node.put("originalStartTimeZone", "UTC");
        node.put("originalEndTimeZone", "UTC");
        node.put(
                "iCalUId",
                "040000008200E00074C5B7101A82E008"
                        + Integer.toHexString(id.hashCode()).toUpperCase());
        node.put("reminderMinutesBeforeStart", 15);
        node.put("isReminderOn", true);
        node.put("hasAttachments", false);
        node.put("subject", "");
        node.put("bodyPreview", "");
        node.put("importance", "normal");
        node.put("sensitivity", "normal");
        node.put("isAllDay", false);
        node.put("isCancelled", false);
        node.put("isOrganizer", isOrganizer);
        node.put("responseRequested", true);
        node.putNull("seriesMasterId");
        node.put("showAs", "busy");
        node.put("type", "singleInstance");
        node.put(
                "webLink",
                "https://outlook.office365.com/owa/?itemid=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                        + "&exvsurl=1&path=/calendar/item");
        node.putNull("onlineMeetingUrl");
        node.put("isOnlineMeeting", false);
        node.put("onlineMeetingProvider", "unknown");
        node.put("allowNewTimeProposals", true);
        node.put("hideAttendees", false);
        node.putObject("responseStatus")
                .put("response", isOrganizer ? "organizer" : "notResponded")
                .put("time", "0001-01-01T00:00:00Z");
        node.putObject("body").put("contentType", "text").put("content", "");
        node.putObject("location").put("displayName", "").put("locationType", "default");
        node.putArray("locations");
        node.putNull("recurrence");
        node.putArray("attendees");
        node.set("organizer", organizer.toJson());
        node.putNull("onlineMeeting");
        node.put("calendarId", calendarId);
        apply(node, request, now);
        return node;
    }

    /** Applies a PATCH (or POST body): validated, times normalised to UTC, preview and change key renewed. */
    static void apply(ObjectNode event, ObjectNode patch, Instant now) {
        ObjectNode clean = Entities.writable(patch, WRITABLE, "an event");
        for (String time : java.util.List.of("start", "end")) {
            if (clean.has(time)) {
                JsonNode given = clean.get(time);
                clean.set(time, Json.dateTimeTimeZone(zoned(given)));
                clean.put(
                        time.equals("start") ? "originalStartTimeZone" : "originalEndTimeZone",
                        given.path("timeZone").asText("UTC"));
            }
        }
        if (clean.has("attendees")) {
            ArrayNode attendees = Json.array();
            for (JsonNode a : clean.get("attendees")) {
                Recipient who = Recipient.fromJson(a);
                ObjectNode attendee = who.toJson();
                attendee.put("type", a.path("type").asText("required"));
                attendee.putObject("status").put("response", "none").put("time", "0001-01-01T00:00:00Z");
                attendees.add(attendee);
            }
            clean.set("attendees", attendees);
        }
        for (String object : java.util.List.of("location", "body", "recurrence")) {
            if (clean.has(object)
                    && !clean.get(object).isObject()
                    && !clean.get(object).isNull()) {
                throw SandboxGraphException.invalidRequest("'" + object + "' must be an object.");
            }
        }
        if (clean.has("location") && !clean.get("location").has("locationType")) {
            ((ObjectNode) clean.get("location")).put("locationType", "default");
        }
        Json.merge(event, clean);
        if (!start(event).isBefore(end(event))) {
            throw SandboxGraphException.invalidRequest("The event's end must be after its start.");
        }
        event.put(
                "bodyPreview",
                Entities.preview(event.path("body").path("content").asText("")));
        Entities.touch(event, now);
    }

    /** The zone the event's start was given in (its series keeps that local time). */
    static ZoneId startZone(JsonNode event) {
        return TimeZones.of(event.path("originalStartTimeZone").asText("UTC")).orElse(ZoneOffset.UTC);
    }

    /**
     * A request's {@code dateTimeTimeZone} as an instant: its local {@code dateTime} read in its
     * {@code timeZone} (IANA or Windows name; UTC when absent), as Graph reads every time it is given.
     */
    static Instant zoned(JsonNode given) {
        String zoneName = given.path("timeZone").asText("UTC");
        ZoneId zone = TimeZones.of(zoneName)
                .orElseThrow(() -> new SandboxGraphException(
                        400,
                        "TimeZoneNotSupportedException",
                        "A valid TimeZone value must be specified. The following"
                                + " TimeZone value is not supported: '" + zoneName + "'."));
        return instant(given, zone);
    }

    private static Instant instant(JsonNode node, ZoneId zone) {
        String text = node.isObject() ? node.path("dateTime").asText("") : node.asText("");
        if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return Json.parseInstant(text);
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw SandboxGraphException.invalidRequest("Cannot convert the literal '" + text + "' to a date-time.");
        }
    }

    static Instant start(JsonNode event) {
        return Json.instant(event.path("start"));
    }

    static Instant end(JsonNode event) {
        return Json.instant(event.path("end"));
    }

    /** The event as Graph shows it: without the sandbox's own {@code calendarId} bookkeeping. */
    static ObjectNode visible(ObjectNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("calendarId");
        return copy;
    }
}

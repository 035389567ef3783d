package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;

/**
 * One event in a listing: what an assistant needs to talk about it, and its id for calendar_get_event.
 *
 * @param start          local date-time with offset in the answer's zone, or a date for an all-day event
 * @param organizer      the organizer's address
 * @param response       the user's own response: organizer, accepted, tentativelyAccepted, declined, notResponded…
 * @param seriesMasterId the series this occurrence belongs to; null for a single event
 */
public record EventSummary(
        String id,
        String subject,
        String start,
        String end,
        boolean isAllDay,
        String location,
        String organizer,
        int attendeeCount,
        String response,
        String showAs,
        boolean isOnlineMeeting,
        boolean isCancelled,
        String seriesMasterId) {

    /** The fields {@link #of} reads, for {@code $select}. */
    static final String FIELDS = "id,subject,start,end,isAllDay,location,organizer,attendees,responseStatus,showAs,"
            + "isOnlineMeeting,isCancelled,seriesMasterId,type";

    static EventSummary of(JsonNode event, ZoneId zone) {
        boolean allDay = event.path("isAllDay").asBoolean(false);
        return new EventSummary(
                event.path("id").asText(),
                event.path("subject").asText(""),
                EventTimes.show(event.path("start"), allDay, zone),
                EventTimes.show(event.path("end"), allDay, zone),
                allDay,
                blankToNull(event.path("location").path("displayName").asText("")),
                blankToNull(event.path("organizer")
                        .path("emailAddress")
                        .path("address")
                        .asText("")),
                event.path("attendees").size(),
                blankToNull(event.path("responseStatus").path("response").asText("")),
                blankToNull(event.path("showAs").asText("")),
                event.path("isOnlineMeeting").asBoolean(false),
                event.path("isCancelled").asBoolean(false),
                blankToNull(event.path("seriesMasterId").asText("")));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;

/**
 * The answer of a calendar write: the event's id for follow-up calls and what it now is.
 *
 * @param start      local date-time with offset in {@code timeZone}; null after a delete
 * @param recurrence the series' pattern type (weekly…); null for a single event
 * @param etag       the event's {@code @odata.etag} after the write, for a next change's {@code etag}; null after a
 *                   delete
 */
public record EventChanged(
        String accountId,
        String eventId,
        String action,
        String subject,
        String start,
        String end,
        String recurrence,
        String timeZone,
        String etag) {

    /** What Graph answered to a POST or PATCH, shown in {@code zone}. */
    static EventChanged of(String accountId, String action, JsonNode event, ZoneId zone) {
        EventSummary summary = EventSummary.of(event, zone);
        return new EventChanged(
                accountId,
                summary.id(),
                action,
                summary.subject(),
                summary.start(),
                summary.end(),
                EventSummary.blankToNull(
                        event.path("recurrence").path("pattern").path("type").asText("")),
                zone.getId(),
                event.path("@odata.etag").asText(null));
    }
}

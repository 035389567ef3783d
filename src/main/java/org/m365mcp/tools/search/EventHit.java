package org.m365mcp.tools.search;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event found by {@code search_events}: when, what, where, who organizes, and the id for the
 * calendar tools. Times are Graph's {@code dateTime} in the event's {@code timeZone}; absent values are null.
 *
 * @param summary Graph's hit summary, the matched words in context
 */
public record EventHit(
        String id,
        String subject,
        String start,
        String end,
        String timeZone,
        Boolean isAllDay,
        String location,
        String organizer,
        String summary) {

    /** The Graph properties {@link #of} reads, for the search request's {@code fields}. */
    static final String[] FIELDS = {"id", "subject", "start", "end", "isAllDay", "location", "organizer"};

    static EventHit of(JsonNode hit) {
        JsonNode event = hit.path("resource");
        JsonNode organizer = event.path("organizer").path("emailAddress");
        return new EventHit(
                event.path("id").asText(hit.path("hitId").asText()),
                text(event.path("subject")),
                text(event.path("start").path("dateTime")),
                text(event.path("end").path("dateTime")),
                text(event.path("start").path("timeZone")),
                event.path("isAllDay").isBoolean() ? event.path("isAllDay").asBoolean() : null,
                text(event.path("location").path("displayName")),
                organizer.isMissingNode()
                        ? null
                        : text(organizer.path("name")) != null
                                ? text(organizer.path("name"))
                                : text(organizer.path("address")),
                text(hit.path("summary")));
    }

    private static String text(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}

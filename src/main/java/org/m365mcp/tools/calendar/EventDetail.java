package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code calendar_get_event}: the summary's fields plus body, attendees and recurrence.
 *
 * @param timeZone   the IANA zone the times are shown in
 * @param recurrence the series' pattern type (daily, weekly, absoluteMonthly…); null when not a series master
 * @param body       the text body, at most {@link #BODY_CHARS} characters
 * @param cache      which cache state served it; null in the form that is stored
 */
public record EventDetail(String accountId, String timeZone, EventSummary event, String type, String recurrence,
        String body, List<Attendee> attendees, String onlineMeetingUrl, String webLink, CacheInfo cache)
        implements CacheStamped<EventDetail> {

    static final int BODY_CHARS = 20_000;

    /**
     * One attendee: address, name, required/optional/resource, their response and the new time they
     * proposed (local with offset, null when none).
     */
    public record Attendee(String address, String name, String type, String response, String proposedStart,
            String proposedEnd) {
    }

    public EventDetail {
        attendees = List.copyOf(attendees);
    }

    static EventDetail of(String accountId, JsonNode event, ZoneId zone) {
        List<Attendee> attendees = new ArrayList<>();
        for (JsonNode a : event.path("attendees")) {
            attendees.add(new Attendee(a.path("emailAddress").path("address").asText(),
                    EventSummary.blankToNull(a.path("emailAddress").path("name").asText("")),
                    EventSummary.blankToNull(a.path("type").asText("")),
                    EventSummary.blankToNull(a.path("status").path("response").asText("")),
                    EventTimes.show(a.path("proposedNewTime").path("start"), false, zone),
                    EventTimes.show(a.path("proposedNewTime").path("end"), false, zone)));
        }
        String body = event.path("body").path("content").asText("");
        return new EventDetail(accountId, zone.getId(), EventSummary.of(event, zone),
                EventSummary.blankToNull(event.path("type").asText("")),
                EventSummary.blankToNull(event.path("recurrence").path("pattern").path("type").asText("")),
                EventSummary.blankToNull(body.length() > BODY_CHARS ? body.substring(0, BODY_CHARS) : body), attendees,
                EventSummary.blankToNull(event.path("onlineMeeting").path("joinUrl").asText(
                        event.path("onlineMeetingUrl").asText(""))),
                EventSummary.blankToNull(event.path("webLink").asText("")), null);
    }

    @Override
    public EventDetail withCache(CacheInfo info) {
        return new EventDetail(accountId, timeZone, event, type, recurrence, body, attendees, onlineMeetingUrl, webLink,
                info);
    }
}

package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;
import org.m365mcp.tools.BodyPart;

/**
 * The answer of {@code calendar_get_event}: the summary's fields plus body, attendees and recurrence.
 *
 * @param timeZone   the IANA zone the times are shown in
 * @param etag       Graph's {@code @odata.etag} of the event as read, the {@code etag} {@code calendar_update_event}
 *                   may send; null when Graph sent none
 * @param recurrence the series' pattern type (daily, weekly, absoluteMonthly…); null when not a series master
 * @param body       the text body, at most {@code m365.mcp.answers.max-body-chars} characters from {@code body_offset}
 * @param nextBodyOffset the {@code body_offset} of the body's next part; null when nothing follows
 * @param bodyNote   how much of the body is shown, how much follows and how to read it; null when all of it is shown
 * @param cache      which cache state served it; null in the form that is stored
 */
public record EventDetail(
        String accountId,
        String timeZone,
        EventSummary event,
        String etag,
        String type,
        String recurrence,
        String body,
        Integer nextBodyOffset,
        String bodyNote,
        List<Attendee> attendees,
        String onlineMeetingUrl,
        String webLink,
        CacheInfo cache)
        implements CacheStamped<EventDetail> {

    /**
     * One attendee: address, name, required/optional/resource, their response and the new time they
     * proposed (local with offset, null when none).
     */
    public record Attendee(
            String address, String name, String type, String response, String proposedStart, String proposedEnd) {}

    public EventDetail {
        attendees = List.copyOf(attendees);
    }

    static EventDetail of(String accountId, JsonNode event, ZoneId zone, int bodyOffset, int maxBodyChars) {
        List<Attendee> attendees = new ArrayList<>();
        for (JsonNode a : event.path("attendees")) {
            attendees.add(new Attendee(
                    a.path("emailAddress").path("address").asText(),
                    EventSummary.blankToNull(a.path("emailAddress").path("name").asText("")),
                    EventSummary.blankToNull(a.path("type").asText("")),
                    EventSummary.blankToNull(a.path("status").path("response").asText("")),
                    EventTimes.show(a.path("proposedNewTime").path("start"), false, zone),
                    EventTimes.show(a.path("proposedNewTime").path("end"), false, zone)));
        }
        BodyPart body = BodyPart.of(
                event.path("body").path("content").asText(""),
                bodyOffset,
                maxBodyChars,
                "calendar_get_event",
                BodyPart.BODY);
        return new EventDetail(
                accountId,
                zone.getId(),
                EventSummary.of(event, zone),
                event.path("@odata.etag").asText(null),
                EventSummary.blankToNull(event.path("type").asText("")),
                EventSummary.blankToNull(
                        event.path("recurrence").path("pattern").path("type").asText("")),
                EventSummary.blankToNull(body.text()),
                body.nextOffset(),
                body.note(),
                attendees,
                EventSummary.blankToNull(event.path("onlineMeeting")
                        .path("joinUrl")
                        .asText(event.path("onlineMeetingUrl").asText(""))),
                EventSummary.blankToNull(event.path("webLink").asText("")),
                null);
    }

    @Override
    public EventDetail withCache(CacheInfo info) {
        return new EventDetail(
                accountId,
                timeZone,
                event,
                etag,
                type,
                recurrence,
                body,
                nextBodyOffset,
                bodyNote,
                attendees,
                onlineMeetingUrl,
                webLink,
                info);
    }
}

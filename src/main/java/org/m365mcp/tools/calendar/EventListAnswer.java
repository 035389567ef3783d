package org.m365mcp.tools.calendar;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code calendar_list_events}.
 *
 * @param timeZone   the IANA zone every time here is shown in
 * @param start      the window's first instant, local with offset
 * @param end        the window's end (exclusive), local with offset
 * @param calendarId the calendar listed; null for the default calendar
 * @param truncated  true when the window holds more than {@code limit} events
 * @param cache      which cache state served it; null in the form that is stored
 */
public record EventListAnswer(
        String accountId,
        String timeZone,
        String start,
        String end,
        String calendarId,
        int count,
        List<EventSummary> events,
        boolean truncated,
        CacheInfo cache)
        implements CacheStamped<EventListAnswer> {

    public EventListAnswer {
        events = List.copyOf(events);
    }

    @Override
    public EventListAnswer withCache(CacheInfo info) {
        return new EventListAnswer(accountId, timeZone, start, end, calendarId, count, events, truncated, info);
    }
}

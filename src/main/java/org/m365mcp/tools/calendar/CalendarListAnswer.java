package org.m365mcp.tools.calendar;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code calendar_list_calendars}.
 *
 * @param cache which cache state served it; null in the form that is stored
 */
public record CalendarListAnswer(String accountId, int count, List<CalendarSummary> calendars, CacheInfo cache)
        implements CacheStamped<CalendarListAnswer> {

    public CalendarListAnswer {
        calendars = List.copyOf(calendars);
    }

    @Override
    public CalendarListAnswer withCache(CacheInfo info) {
        return new CalendarListAnswer(accountId, count, calendars, info);
    }
}

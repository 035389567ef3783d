package org.m365mcp.tools.calendar;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code calendar_check_availability}: when everyone checked is free for the meeting.
 *
 * @param checked          the addresses whose calendars were taken into account
 * @param notChecked       addresses Graph had no free/busy for, with its reason; they may be busy
 * @param workingHoursOnly whether slots were kept inside everyone's working hours
 * @param slots            free stretches of at least the duration, in time order, local with offset
 * @param truncated        true when there were more than {@code limit} slots
 * @param cache            which cache state served it; null in the form that is stored
 */
public record AvailabilityAnswer(
        String accountId,
        String timeZone,
        String start,
        String end,
        int durationMinutes,
        List<String> checked,
        List<String> notChecked,
        boolean workingHoursOnly,
        int count,
        List<FreeSlot> slots,
        boolean truncated,
        CacheInfo cache)
        implements CacheStamped<AvailabilityAnswer> {

    public AvailabilityAnswer {
        checked = List.copyOf(checked);
        notChecked = List.copyOf(notChecked);
        slots = List.copyOf(slots);
    }

    /** A free stretch: any meeting of the duration fits between start and end. */
    public record FreeSlot(String start, String end, long minutes) {}

    @Override
    public AvailabilityAnswer withCache(CacheInfo info) {
        return new AvailabilityAnswer(
                accountId,
                timeZone,
                start,
                end,
                durationMinutes,
                checked,
                notChecked,
                workingHoursOnly,
                count,
                slots,
                truncated,
                info);
    }
}

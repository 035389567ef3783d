package org.m365mcp.tools.calendar;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code calendar_get_free_busy}: per address, the busy times and the availability view.
 *
 * @param timeZone the IANA zone every time here is shown in
 * @param cache    which cache state served it; null in the form that is stored
 */
public record FreeBusyAnswer(
        String accountId,
        String timeZone,
        String start,
        String end,
        int intervalMinutes,
        List<Person> schedules,
        CacheInfo cache)
        implements CacheStamped<FreeBusyAnswer> {

    public FreeBusyAnswer {
        schedules = List.copyOf(schedules);
    }

    /**
     * One address.
     *
     * @param availabilityView one digit per interval from the window's start: 0 free, 1 tentative,
     *                         2 busy, 3 out of office, 4 working elsewhere
     * @param error            why there is no information (unknown address); then the rest is empty
     */
    public record Person(String address, String availabilityView, List<Busy> busy, Hours workingHours, String error) {

        static Person of(ScheduleInfo info, ZoneId zone) {
            if (info.error() != null) {
                return new Person(info.address(), null, List.of(), null, info.error());
            }
            List<Busy> busy = info.items().stream()
                    .filter(i -> !i.status().equals("free"))
                    .map(i -> new Busy(
                            EventTimes.show(i.start(), zone), EventTimes.show(i.end(), zone), i.status(), i.subject()))
                    .toList();
            ScheduleInfo.WorkingHours hours = info.workingHours();
            return new Person(
                    info.address(),
                    info.availabilityView(),
                    busy,
                    hours == null
                            ? null
                            : new Hours(
                                    hours.days().stream()
                                            .map(d -> d.name().toLowerCase(Locale.ROOT))
                                            .toList(),
                                    hours.start().toString(),
                                    hours.end().toString(),
                                    hours.zone().getId()),
                    null);
        }
    }

    /** A busy time, local with offset; {@code subject} only when the calendar shares it. */
    public record Busy(String start, String end, String status, String subject) {}

    /** Working days and hours, local to their own {@code timeZone}. */
    public record Hours(List<String> days, String start, String end, String timeZone) {}

    @Override
    public FreeBusyAnswer withCache(CacheInfo info) {
        return new FreeBusyAnswer(accountId, timeZone, start, end, intervalMinutes, schedules, info);
    }
}

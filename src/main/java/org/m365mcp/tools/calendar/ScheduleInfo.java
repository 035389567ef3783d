package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.m365mcp.graph.TimeZones;

/**
 * One person's {@code scheduleInformation} from getSchedule, read into instants.
 *
 * <ul>
 *   <li>{@code items} are the scheduleItems, or, when Graph sends none but an availabilityView (a
 *       calendar shared as free/busy only), slots rebuilt from the view's digits.
 *   <li>{@code workingHours} is null when Graph gave none or in a zone nobody can map.
 *   <li>{@code error} is Graph's per-schedule message (an unknown address); then nothing else is set.
 * </ul>
 */
record ScheduleInfo(
        String address, String availabilityView, List<Item> items, WorkingHours workingHours, String error) {

    /** availabilityView's digits: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere. */
    private static final List<String> VIEW_STATUS = List.of("free", "tentative", "busy", "oof", "workingElsewhere");

    /** A busy (or tentative…) time: status is free, tentative, busy, oof, workingElsewhere or unknown. */
    record Item(Instant start, Instant end, String status, String subject) {}

    /** Working days and hours, local to {@code zone}. */
    record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {}

    static ScheduleInfo of(JsonNode info, Instant windowStart, int intervalMinutes) {
        String address = info.path("scheduleId").asText();
        if (info.path("error").isObject()) {
            return new ScheduleInfo(
                    address,
                    null,
                    List.of(),
                    null,
                    info.path("error").path("message").asText("no free/busy information"));
        }
        String view = info.path("availabilityView").asText("");
        List<Item> items = new ArrayList<>();
        for (JsonNode item : info.path("scheduleItems")) {
            Instant start = EventTimes.instant(item.path("start"));
            Instant end = EventTimes.instant(item.path("end"));
            if (start != null && end != null && start.isBefore(end)) {
                items.add(new Item(
                        start,
                        end,
                        item.path("status").asText("busy"),
                        EventSummary.blankToNull(item.path("subject").asText(""))));
            }
        }
        if (!info.has("scheduleItems")) {
            items.addAll(fromView(view, windowStart, intervalMinutes));
        }
        return new ScheduleInfo(address, view, List.copyOf(items), workingHours(info.path("workingHours")), null);
    }

    /** The view's non-free digits as items, one per interval. */
    private static List<Item> fromView(String view, Instant windowStart, int intervalMinutes) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < view.length(); i++) {
            int digit = view.charAt(i) - '0';
            if (digit > 0 && digit < VIEW_STATUS.size()) {
                Instant start = windowStart.plus(Duration.ofMinutes((long) i * intervalMinutes));
                items.add(
                        new Item(start, start.plus(Duration.ofMinutes(intervalMinutes)), VIEW_STATUS.get(digit), null));
            }
        }
        return items;
    }

    private static WorkingHours workingHours(JsonNode hours) {
        if (!hours.isObject()) {
            return null;
        }
        try {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            hours.path("daysOfWeek")
                    .forEach(d -> days.add(DayOfWeek.valueOf(d.asText().toUpperCase(Locale.ROOT))));
            LocalTime start = LocalTime.parse(trim(hours.path("startTime").asText()));
            LocalTime end = LocalTime.parse(trim(hours.path("endTime").asText()));
            return TimeZones.of(hours.path("timeZone").path("name").asText(""))
                    .map(zone -> new WorkingHours(days, start, end, zone))
                    .orElse(null);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 08:00:00.0000000} → {@code 08:00:00}. */
    private static String trim(String time) {
        return time.length() > 8 ? time.substring(0, 8) : time;
    }
}

package org.m365mcp.tools.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The free time of several people: a window minus everyone's busy time, within everyone's working
 * hours when asked, keeping the gaps long enough for a meeting.
 *
 * <ul>
 *   <li>Intervals are half-open {@code [start, end)}: a meeting ending at 10:00 leaves 10:00 free.
 *   <li>Pure and stateless; the answer is in time order and its slots never touch or overlap.
 * </ul>
 */
final class Availability {

    /** A time interval {@code [start, end)}. */
    record Slot(Instant start, Instant end) {

        Slot {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("empty slot " + start + " - " + end);
            }
        }

        Duration length() {
            return Duration.between(start, end);
        }
    }

    private Availability() {}

    /**
     * The gaps of at least {@code length} in {@code window} where nobody is {@code busy} and every
     * list of {@code allowed} slots (one per person whose working hours count) allows.
     */
    static List<Slot> free(Slot window, Duration length, List<Slot> busy, List<List<Slot>> allowed) {
        List<Slot> open = subtract(List.of(window), busy);
        for (List<Slot> hours : allowed) {
            open = intersect(open, hours);
        }
        return open.stream().filter(s -> s.length().compareTo(length) >= 0).toList();
    }

    /**
     * Working hours as slots within {@code window}: {@code start} to {@code end} local to {@code zone}
     * on each of {@code days} (an end not after the start runs past midnight).
     */
    static List<Slot> workingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone, Slot window) {
        List<Slot> hours = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(window.end(), zone);
        for (LocalDate day = LocalDate.ofInstant(window.start(), zone).minusDays(1);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant from = day.atTime(start).atZone(zone).toInstant();
            Instant to = (end.isAfter(start) ? day : day.plusDays(1))
                    .atTime(end)
                    .atZone(zone)
                    .toInstant();
            Instant clippedFrom = from.isAfter(window.start()) ? from : window.start();
            Instant clippedTo = to.isBefore(window.end()) ? to : window.end();
            if (clippedFrom.isBefore(clippedTo)) {
                hours.add(new Slot(clippedFrom, clippedTo));
            }
        }
        return hours;
    }

    private static List<Slot> subtract(List<Slot> from, List<Slot> busy) {
        List<Slot> sorted =
                busy.stream().sorted(Comparator.comparing(Slot::start)).toList();
        List<Slot> out = new ArrayList<>();
        for (Slot slot : from) {
            Instant cursor = slot.start();
            for (Slot b : sorted) {
                if (!b.end().isAfter(cursor) || !b.start().isBefore(slot.end())) {
                    continue;
                }
                if (b.start().isAfter(cursor)) {
                    out.add(new Slot(cursor, b.start()));
                }
                cursor = b.end().isAfter(cursor) ? b.end() : cursor;
                if (!cursor.isBefore(slot.end())) {
                    break;
                }
            }
            if (cursor.isBefore(slot.end())) {
                out.add(new Slot(cursor, slot.end()));
            }
        }
        return out;
    }

    private static List<Slot> intersect(List<Slot> a, List<Slot> b) {
        List<Slot> out = new ArrayList<>();
        for (Slot x : a) {
            for (Slot y : b) {
                Instant start = x.start().isAfter(y.start()) ? x.start() : y.start();
                Instant end = x.end().isBefore(y.end()) ? x.end() : y.end();
                if (start.isBefore(end)) {
                    out.add(new Slot(start, end));
                }
            }
        }
        out.sort(Comparator.comparing(Slot::start));
        return out;
    }
}

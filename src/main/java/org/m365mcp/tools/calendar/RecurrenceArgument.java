package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * The {@code recurrence*} arguments of {@code calendar_create_event} as Graph's {@code patternedRecurrence}.
 *
 * <ul>
 *   <li>{@code recurrence} is the pattern type; what the type needs and was not given comes from the
 *       first day: the weekday (weekly, relative), its week of the month ({@code index}: the 2nd
 *       Tuesday…; a fifth one is {@code last}), the day of month and month.
 *   <li>The range ends on {@code recurrence_end_date} (a local date, on or after the first day) or
 *       after {@code recurrence_occurrences}; neither is a series without end; both is an error.
 *   <li>Every wrong or stray value is a {@link ToolArgumentException} naming its argument. Stateless.
 * </ul>
 */
final class RecurrenceArgument {

    static final List<String> TYPES =
            List.of("daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly");
    static final int MAX_INTERVAL = 99;
    static final int MAX_OCCURRENCES = 999;
    private static final List<String> INDEXES = List.of("first", "second", "third", "fourth", "last");

    private RecurrenceArgument() {}

    /**
     * Graph's {@code patternedRecurrence}, or null when {@code type} is blank (then every other
     * recurrence argument must be empty too).
     *
     * @param interval    every how many days, weeks, months or years; null for 1
     * @param firstDay    the series' first day, local to the event's start zone
     */
    static ObjectNode of(
            String type,
            Integer interval,
            List<String> daysOfWeek,
            String index,
            String endDate,
            Integer occurrences,
            LocalDate firstDay) {
        boolean none = type == null || type.isBlank();
        if (none) {
            rejectStray(interval != null, "recurrence_interval");
            rejectStray(daysOfWeek != null && !daysOfWeek.isEmpty(), "recurrence_days_of_week");
            rejectStray(index != null && !index.isBlank(), "recurrence_index");
            rejectStray(endDate != null && !endDate.isBlank(), "recurrence_end_date");
            rejectStray(occurrences != null, "recurrence_occurrences");
            return null;
        }
        String kind = TYPES.stream()
                .filter(t -> t.equalsIgnoreCase(type.strip()))
                .findFirst()
                .orElseThrow(() -> new ToolArgumentException(
                        "recurrence",
                        "must be one of " + String.join(", ", TYPES) + ", got \"" + CalendarArguments.abbreviate(type)
                                + "\""));
        int every = interval == null ? 1 : interval;
        if (every < 1 || every > MAX_INTERVAL) {
            throw new ToolArgumentException("recurrence_interval", "must be 1 to " + MAX_INTERVAL + ", got " + every);
        }
        ObjectNode recurrence = JsonNodeFactory.instance.objectNode();
        ObjectNode pattern = recurrence.putObject("pattern").put("type", kind).put("interval", every);
        boolean byWeekday = kind.equals("weekly") || kind.startsWith("relative");
        if (byWeekday) {
            pattern.set(
                    "daysOfWeek",
                    JsonNodeFactory.instance
                            .arrayNode()
                            .addAll(days(daysOfWeek, firstDay).stream()
                                    .map(JsonNodeFactory.instance::textNode)
                                    .toList()));
        } else {
            rejectStray(daysOfWeek != null && !daysOfWeek.isEmpty(), "recurrence_days_of_week");
        }
        if (kind.startsWith("relative")) {
            pattern.put("index", index == null || index.isBlank() ? indexOf(firstDay) : index(index));
        } else {
            rejectStray(index != null && !index.isBlank(), "recurrence_index");
        }
        if (kind.startsWith("absolute")) {
            pattern.put("dayOfMonth", firstDay.getDayOfMonth());
        }
        if (kind.endsWith("Yearly")) {
            pattern.put("month", firstDay.getMonthValue());
        }
        recurrence.set("range", range(endDate, occurrences, firstDay));
        return recurrence;
    }

    private static ObjectNode range(String endDate, Integer occurrences, LocalDate firstDay) {
        // No recurrenceTimeZone: Graph then uses the event's start zone, the same zone firstDay is local to.
        ObjectNode range = JsonNodeFactory.instance.objectNode().put("startDate", firstDay.toString());
        boolean ends = endDate != null && !endDate.isBlank();
        if (ends && occurrences != null) {
            throw new ToolArgumentException(
                    "recurrence_occurrences", "give either recurrence_end_date or recurrence_occurrences, not both");
        }
        if (ends) {
            LocalDate last;
            try {
                last = LocalDate.parse(endDate.strip());
            } catch (DateTimeParseException e) {
                throw new ToolArgumentException(
                        "recurrence_end_date",
                        "must be a date such as 2026-12-31, got \"" + CalendarArguments.abbreviate(endDate) + "\"");
            }
            if (last.isBefore(firstDay)) {
                throw new ToolArgumentException("recurrence_end_date", "must not be before the first day " + firstDay);
            }
            return range.put("type", "endDate").put("endDate", last.toString());
        }
        if (occurrences != null) {
            if (occurrences < 1 || occurrences > MAX_OCCURRENCES) {
                throw new ToolArgumentException(
                        "recurrence_occurrences", "must be 1 to " + MAX_OCCURRENCES + ", got " + occurrences);
            }
            return range.put("type", "numbered").put("numberOfOccurrences", occurrences);
        }
        return range.put("type", "noEnd");
    }

    private static List<String> days(List<String> given, LocalDate firstDay) {
        if (given == null || given.isEmpty()) {
            return List.of(name(firstDay.getDayOfWeek()));
        }
        Set<String> days = new LinkedHashSet<>();
        for (String day : given) {
            try {
                days.add(name(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ToolArgumentException(
                        "recurrence_days_of_week",
                        "must be weekday names such as monday," + " got \"" + CalendarArguments.abbreviate(day) + "\"");
            }
        }
        return new ArrayList<>(days);
    }

    private static String index(String index) {
        String value = index.strip().toLowerCase(Locale.ROOT);
        if (!INDEXES.contains(value)) {
            throw new ToolArgumentException(
                    "recurrence_index",
                    "must be one of " + String.join(", ", INDEXES) + ", got \"" + CalendarArguments.abbreviate(index)
                            + "\"");
        }
        return value;
    }

    /** Which of its month's weekdays {@code day} is: first to fourth, and the fifth as {@code last} (as Outlook offers). */
    static String indexOf(LocalDate day) {
        return INDEXES.get((day.getDayOfMonth() - 1) / 7);
    }

    private static String name(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    private static void rejectStray(boolean given, String argument) {
        if (given) {
            throw new ToolArgumentException(argument, "does not apply here: set recurrence to a pattern that uses it");
        }
    }
}

package org.m365mcp.sandbox.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * Expands Graph's {@code patternedRecurrence} into occurrence start times: every pattern type of
 * Graph v1.0 ({@code daily}, {@code weekly}, {@code absoluteMonthly}, {@code relativeMonthly},
 * {@code absoluteYearly}, {@code relativeYearly}) with {@code interval}, and the ranges
 * {@code endDate}, {@code numbered} and {@code noEnd}. Like Exchange, occurrences keep the series'
 * local time in its start time zone across a DST change.
 *
 * <ul>
 *   <li>As Graph documents the pattern: {@code daysOfWeek} is required for weekly and relative
 *       patterns, {@code dayOfMonth} for absolute ones, {@code month} for yearly ones, {@code index}
 *       (first…fourth, last; default first) picks the week of a relative one, and a weekly interval
 *       counts weeks beginning on {@code firstDayOfWeek} (default sunday). A missing one is a 400.
 *   <li>At most {@link #MAX_OCCURRENCES}; a {@code noEnd} series stops a year after its start
 *       (a yearly one after {@link #MAX_YEARS} years).
 *   <li>Stateless and thread-safe.
 * </ul>
 */
final class Recurrence {

    static final int MAX_OCCURRENCES = 400;
    static final int MAX_YEARS = 10;

    private static final List<String> INDEXES = List.of("first", "second", "third", "fourth", "last");

    private Recurrence() {}

    /**
     * The occurrences of the series {@code master} as stored: a copy of the master each, with its own
     * id (derived from the master's id and its start, so the same series expands to the same ids),
     * type {@code occurrence}, the master's id and length, no recurrence.
     */
    static List<ObjectNode> occurrences(ObjectNode master, String accountId) {
        String id = master.path("id").asText();
        Instant start = EventJson.start(master);
        Duration length = Duration.between(start, EventJson.end(master));
        List<ObjectNode> occurrences = new ArrayList<>();
        for (Instant at : expand(master.get("recurrence"), start, EventJson.startZone(master))) {
            ObjectNode occurrence = master.deepCopy();
            occurrence.put("id", SandboxIds.item("event", accountId, id + "/" + at));
            occurrence.put("type", "occurrence");
            occurrence.put("seriesMasterId", id);
            occurrence.putNull("recurrence");
            occurrence.set("start", Json.dateTimeTimeZone(at));
            occurrence.set("end", Json.dateTimeTimeZone(at.plus(length)));
            occurrences.add(occurrence);
        }
        return occurrences;
    }

    /** Occurrence starts of a series whose first start is {@code firstStart}, at its local time in {@code zone}. */
    static List<Instant> expand(JsonNode recurrence, Instant firstStart, ZoneId zone) {
        try {
            return expandValid(recurrence, firstStart, zone);
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw SandboxGraphException.invalidRequest("Invalid recurrence: " + e.getMessage());
        }
    }

    private static List<Instant> expandValid(JsonNode recurrence, Instant firstStart, ZoneId zone) {
        JsonNode pattern = recurrence.path("pattern");
        JsonNode range = recurrence.path("range");
        String type = pattern.path("type").asText("");
        int interval = Math.max(1, pattern.path("interval").asInt(1));
        Set<DayOfWeek> days = days(type, pattern);
        LocalTime time = LocalTime.ofInstant(firstStart, zone);
        LocalDate from = range.hasNonNull("startDate")
                ? LocalDate.parse(range.get("startDate").asText())
                : LocalDate.ofInstant(firstStart, zone);
        String rangeType = range.path("type").asText("noEnd");
        LocalDate until = switch (rangeType) {
            case "endDate" -> LocalDate.parse(range.path("endDate").asText());
            case "numbered", "noEnd" -> from.plusYears(type.endsWith("Yearly") ? MAX_YEARS : 1);
            default -> throw SandboxGraphException.invalidRequest("Unsupported recurrence range '" + rangeType + "'.");
        };
        int limit = rangeType.equals("numbered")
                ? Math.min(
                        MAX_OCCURRENCES,
                        Math.max(1, range.path("numberOfOccurrences").asInt(1)))
                : MAX_OCCURRENCES;
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(until) && starts.size() < limit; day = day.plusDays(1)) {
            if (matches(type, interval, days, pattern, from, day)) {
                starts.add(day.atTime(time).atZone(zone).toInstant());
            }
        }
        return starts;
    }

    private static Set<DayOfWeek> days(String type, JsonNode pattern) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        pattern.path("daysOfWeek")
                .forEach(d -> days.add(DayOfWeek.valueOf(d.asText().toUpperCase(Locale.ROOT))));
        if (days.isEmpty() && (type.equals("weekly") || type.startsWith("relative"))) {
            throw SandboxGraphException.invalidRequest(
                    "Invalid recurrence: 'daysOfWeek' is required for a " + type + " pattern.");
        }
        return days;
    }

    private static boolean matches(
            String type, int interval, Set<DayOfWeek> days, JsonNode pattern, LocalDate from, LocalDate day) {
        return switch (type) {
            case "daily" -> ChronoUnit.DAYS.between(from, day) % interval == 0;
            case "weekly" -> {
                DayOfWeek first = DayOfWeek.valueOf(
                        pattern.path("firstDayOfWeek").asText("sunday").toUpperCase(Locale.ROOT));
                LocalDate week0 = from.with(TemporalAdjusters.previousOrSame(first));
                long weeks = ChronoUnit.WEEKS.between(week0, day.with(TemporalAdjusters.previousOrSame(first)));
                yield weeks % interval == 0 && days.contains(day.getDayOfWeek());
            }
            case "absoluteMonthly" ->
                day.getDayOfMonth() == required(pattern, "dayOfMonth", type) && monthsApart(from, day) % interval == 0;
            case "relativeMonthly" -> relativeDay(days, pattern, day) && monthsApart(from, day) % interval == 0;
            case "absoluteYearly" ->
                day.getMonthValue() == required(pattern, "month", type)
                        && day.getDayOfMonth() == required(pattern, "dayOfMonth", type)
                        && (day.getYear() - from.getYear()) % interval == 0;
            case "relativeYearly" ->
                day.getMonthValue() == required(pattern, "month", type)
                        && relativeDay(days, pattern, day)
                        && (day.getYear() - from.getYear()) % interval == 0;
            default ->
                throw SandboxGraphException.invalidRequest("Invalid recurrence: unknown pattern type '" + type + "'.");
        };
    }

    private static long monthsApart(LocalDate from, LocalDate day) {
        return ChronoUnit.MONTHS.between(from.withDayOfMonth(1), day.withDayOfMonth(1));
    }

    /** The {@code index} week's day of {@code daysOfWeek} in {@code day}'s month: "the second Tuesday". */
    private static boolean relativeDay(Set<DayOfWeek> days, JsonNode pattern, LocalDate day) {
        if (!days.contains(day.getDayOfWeek())) {
            return false;
        }
        String index = pattern.path("index").asText("first");
        int ordinal = INDEXES.indexOf(index);
        if (ordinal < 0) {
            throw SandboxGraphException.invalidRequest("Invalid recurrence: unknown index '" + index + "'.");
        }
        if (index.equals("last")) {
            return day.plusWeeks(1).getMonthValue() != day.getMonthValue();
        }
        return (day.getDayOfMonth() - 1) / 7 == ordinal;
    }

    private static int required(JsonNode pattern, String field, String type) {
        int value = pattern.path(field).asInt(0);
        if (value < 1) {
            throw SandboxGraphException.invalidRequest(
                    "Invalid recurrence: '" + field + "' is required for a " + type + " pattern.");
        }
        return value;
    }
}

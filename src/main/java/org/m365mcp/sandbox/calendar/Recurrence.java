package org.m365mcp.sandbox.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
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
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * Expands Graph's {@code patternedRecurrence} into occurrence start times: {@code daily} and
 * {@code weekly} patterns (with {@code interval} and {@code daysOfWeek}), and {@code absoluteMonthly}
 * on {@code dayOfMonth}; ranges {@code endDate}, {@code numbered} and {@code noEnd}.
 * Like Exchange, occurrences keep the series' local time in its start time zone across a DST change.
 *
 * <ul>
 *   <li>At most {@link #MAX_OCCURRENCES}; a {@code noEnd} series stops a year after its start.
 *   <li>Other pattern types are a 400, so nobody believes the sandbox expanded them.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
final class Recurrence {

    static final int MAX_OCCURRENCES = 400;

    private Recurrence() {
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
        LocalTime time = LocalTime.ofInstant(firstStart, zone);
        LocalDate from = range.hasNonNull("startDate") ? LocalDate.parse(range.get("startDate").asText())
                : LocalDate.ofInstant(firstStart, zone);
        String rangeType = range.path("type").asText("noEnd");
        LocalDate until = switch (rangeType) {
            case "endDate" -> LocalDate.parse(range.path("endDate").asText());
            case "numbered", "noEnd" -> from.plusYears(1);
            default -> throw SandboxGraphException.invalidRequest("Unsupported recurrence range '" + rangeType + "'.");
        };
        int limit = rangeType.equals("numbered")
                ? Math.min(MAX_OCCURRENCES, Math.max(1, range.path("numberOfOccurrences").asInt(1))) : MAX_OCCURRENCES;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        pattern.path("daysOfWeek").forEach(d -> days.add(DayOfWeek.valueOf(d.asText().toUpperCase(Locale.ROOT))));
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(until) && starts.size() < limit; day = day.plusDays(1)) {
            if (matches(type, interval, days, pattern, from, day)) {
                starts.add(day.atTime(time).atZone(zone).toInstant());
            }
        }
        return starts;
    }

    private static boolean matches(String type, int interval, Set<DayOfWeek> days, JsonNode pattern, LocalDate from,
            LocalDate day) {
        return switch (type) {
            case "daily" -> ChronoUnit.DAYS.between(from, day) % interval == 0;
            case "weekly" -> {
                LocalDate week0 = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
                long weeks = ChronoUnit.WEEKS.between(week0, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)));
                yield weeks % interval == 0 && (days.isEmpty() ? day.getDayOfWeek() == from.getDayOfWeek()
                        : days.contains(day.getDayOfWeek()));
            }
            case "absoluteMonthly" -> day.getDayOfMonth() == pattern.path("dayOfMonth").asInt(from.getDayOfMonth())
                    && ChronoUnit.MONTHS.between(from.withDayOfMonth(1), day.withDayOfMonth(1)) % interval == 0;
            default -> throw SandboxGraphException.invalidRequest("The sandbox expands daily, weekly and absoluteMonthly"
                    + " recurrences only, not '" + type + "'.");
        };
    }
}

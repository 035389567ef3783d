package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.graph.TimeZones;

/**
 * A stretch of time [from, to) that a cached calendar answer covers or an event takes, read from the
 * texts the calendar answers show or from Graph's {@code dateTimeTimeZone}.
 *
 * <ul>
 *   <li>Read wide, never narrow: the answers show minutes, so a time shown is widened by a minute; a
 *       date (an all-day event) is a day in some zone, so from 14 h before its midnight in UTC to 12 h
 *       after the end's; a time in a zone not known is widened by the same.</li>
 *   <li>Immutable.</li>
 * </ul>
 */
record TimeRange(Instant from, Instant to) {

    private static final Duration SHOWN = Duration.ofMinutes(1);
    private static final Duration EARLIEST_ZONE = Duration.ofHours(14);
    private static final Duration LATEST_ZONE = Duration.ofHours(12);

    TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
    }

    /** True when the two share an instant. */
    boolean overlaps(TimeRange other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }

    /** True when {@code other} lies wholly inside this one. */
    boolean contains(TimeRange other) {
        return !other.from.isBefore(from) && !other.to.isAfter(to);
    }

    /**
     * The range between two times as an answer shows them ({@code 2026-03-29T09:00+02:00}, or a date
     * {@code 2026-03-29}); empty when either is missing or unreadable.
     */
    static Optional<TimeRange> shown(JsonNode start, JsonNode end) {
        Optional<Instant> from = shownTime(start.asText(""), false);
        Optional<Instant> to = shownTime(end.asText(""), true);
        return from.isPresent() && to.isPresent() && !to.get().isBefore(from.get())
                ? Optional.of(new TimeRange(from.get(), to.get()))
                : Optional.empty();
    }

    /** An event's time as Graph sends it ({@code start} / {@code end} as {@code dateTimeTimeZone}). */
    static Optional<TimeRange> ofGraph(JsonNode start, JsonNode end, boolean allDay) {
        Optional<Instant> from = graphTime(start, allDay, false);
        Optional<Instant> to = graphTime(end, allDay, true);
        return from.isPresent() && to.isPresent() && !to.get().isBefore(from.get())
                ? Optional.of(new TimeRange(from.get(), to.get()))
                : Optional.empty();
    }

    private static Optional<Instant> shownTime(String text, boolean end) {
        try {
            if (text.length() == 10) {
                Instant midnight =
                        LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                return Optional.of(end ? midnight.plus(LATEST_ZONE) : midnight.minus(EARLIEST_ZONE));
            }
            Instant at = OffsetDateTime.parse(text).toInstant();
            return Optional.of(end ? at.plus(SHOWN) : at.minus(SHOWN));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> graphTime(JsonNode time, boolean allDay, boolean end) {
        String text = time.path("dateTime").asText("");
        try {
            LocalDateTime local = LocalDateTime.parse(text.length() > 26 ? text.substring(0, 26) : text);
            Optional<Instant> zoned = TimeZones.of(time.path("timeZone").asText(""))
                    .map(zone -> local.atZone(zone).toInstant());
            if (zoned.isPresent() && !allDay) {
                return zoned;
            }
            Instant utc = local.toInstant(ZoneOffset.UTC);
            return Optional.of(end ? utc.plus(LATEST_ZONE) : utc.minus(EARLIEST_ZONE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

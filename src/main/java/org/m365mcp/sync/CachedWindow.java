package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cached calendar answer that covers a stretch of time: a {@code calendar_list_events} window, a
 * {@code calendar_get_free_busy} or a {@code calendar_check_availability} answer, as the change
 * mapping sees it.
 *
 * @param operation the cached operation
 * @param key       the entry's key text
 * @param range     the time it covers, read from the answer's {@code start} and {@code end}; empty when
 *                  unreadable (then any change may touch it)
 * @param events    the events a window lists, by id, with their times; empty for the others
 * @param complete  true when the answer lists every event of its range (a window not truncated): an event
 *                  it does not list was not in it
 */
record CachedWindow(
        String operation,
        String key,
        Optional<TimeRange> range,
        Map<String, List<TimeRange>> events,
        boolean complete) {

    /** The operation of the event windows, which list their events. */
    static final String EVENTS = "calendar_list_events";

    /** The cached answers that cover a stretch of the account's time. */
    static final List<String> OPERATIONS = List.of(EVENTS, "calendar_get_free_busy", "calendar_check_availability");

    CachedWindow {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(range, "range");
        events = Map.copyOf(events);
    }

    /** The answer {@code answer} (as cached: snake case) of {@code operation}, under {@code key}. */
    static CachedWindow read(String operation, String key, JsonNode answer) {
        Optional<TimeRange> range = TimeRange.shown(answer.path("start"), answer.path("end"));
        if (!operation.equals(EVENTS)) {
            return new CachedWindow(operation, key, range, Map.of(), false);
        }
        Map<String, List<TimeRange>> events = new LinkedHashMap<>();
        boolean readable = answer.path("events").isArray();
        for (JsonNode event : answer.path("events")) {
            Optional<TimeRange> time = TimeRange.shown(event.path("start"), event.path("end"));
            readable &= time.isPresent();
            for (String id : List.of(
                    event.path("id").asText(""), event.path("series_master_id").asText(""))) {
                if (!id.isEmpty()) { // listed even when its time is unreadable: the window is dropped for it
                    List<TimeRange> times = events.computeIfAbsent(id, any -> new ArrayList<>());
                    time.ifPresent(times::add);
                }
            }
        }
        boolean complete = readable && !answer.path("truncated").asBoolean(true);
        return new CachedWindow(operation, key, range, events, complete);
    }

    /** True when this answer lists {@code eventId} (or occurrences of the series {@code eventId}). */
    boolean lists(String eventId) {
        return events.containsKey(eventId);
    }
}

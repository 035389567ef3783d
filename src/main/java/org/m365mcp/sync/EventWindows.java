package org.m365mcp.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which cached calendar answers a changed event touches (issue 16 item 2): those that hold its old
 * time or its new one, and no other.
 *
 * <ul>
 *   <li>Its new time is the change's {@code start}/{@code end}. A removed event (deleted, or moved out of
 *       the synced window: Graph tells the two apart no more than it says where it went) may now be
 *       anywhere outside the synced window, so every answer reaching out of it is touched.</li>
 *   <li>Its old time is where the cache last saw it: the windows that list it, and its cached
 *       {@code calendar_get_event}. A window that lists it is touched whatever its range.</li>
 *   <li>When the old time is known nowhere (a new event, or one never read), a complete window that
 *       does not list it did not hold it; an answer that cannot tell (a truncated window, free/busy,
 *       availability) is touched.</li>
 *   <li>An answer whose range cannot be read, a change whose time cannot, and a series master (whose
 *       occurrences are many times) touch all.</li>
 *   <li>Pure; immutable.</li>
 * </ul>
 *
 * @param windows the cached answers that cover a stretch of time
 * @param known   event times known from cached {@code calendar_get_event} answers, by event id
 * @param synced  the window the calendar's delta follows; empty when not known (then a removal touches all)
 */
record EventWindows(List<CachedWindow> windows, Map<String, List<TimeRange>> known, Optional<TimeRange> synced) {

    EventWindows {
        windows = List.copyOf(windows);
        known = Map.copyOf(known);
        Objects.requireNonNull(synced, "synced");
    }

    /** Nothing cached. */
    static final EventWindows NONE = new EventWindows(List.of(), Map.of(), Optional.empty());

    /** The cached answers {@code change} makes stale, each as an exact-key invalidation. */
    Set<Invalidation> stale(DeltaChange change) {
        String id = change.id();
        List<TimeRange> old = new ArrayList<>(known.getOrDefault(id, List.of()));
        windows.forEach(window -> old.addAll(window.events().getOrDefault(id, List.of())));
        boolean oldKnown = !old.isEmpty();
        boolean everywhere = "seriesMaster".equals(change.item().path("type").asText(""));
        List<TimeRange> touched = new ArrayList<>(old);
        if (change.removed()) {
            everywhere |= synced.isEmpty();
        } else {
            Optional<TimeRange> now = TimeRange.ofGraph(
                    change.item().path("start"),
                    change.item().path("end"),
                    change.item().path("isAllDay").asBoolean(false));
            now.ifPresent(touched::add);
            everywhere |= now.isEmpty();
        }
        Set<Invalidation> stale = new LinkedHashSet<>();
        for (CachedWindow window : windows) {
            if (everywhere || touches(window, id, touched, oldKnown, change.removed())) {
                stale.add(Invalidation.entry(window.operation(), window.key()));
            }
        }
        return stale;
    }

    private boolean touches(
            CachedWindow window, String id, List<TimeRange> touched, boolean oldKnown, boolean removed) {
        if (window.range().isEmpty() || window.lists(id) || (!oldKnown && !window.complete())) {
            return true;
        }
        TimeRange range = window.range().get();
        if (removed && !synced.get().contains(range)) {
            return true;
        }
        return touched.stream().anyMatch(range::overlaps);
    }
}

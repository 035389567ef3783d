package org.m365mcp.tools.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.cache.annotation.CacheResult;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.tools.search.EventSearchTools;

/** What each calendar write declares stale (SPEC §3), read from its annotations: "op" whole, "op(param)" per value. */
class CalendarInvalidationsTest {

    private static final Set<String> FREE_BUSY = Set.of("calendar_get_free_busy", "calendar_check_availability");

    private static Map<String, Set<String>> declared() {
        return Stream.of(CalendarWriteTools.class, EventResponseTools.class, CalendarFolderTools.class)
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(m -> m.isAnnotationPresent(InvalidatesCache.class))
                .collect(Collectors.toMap(
                        m -> m.getAnnotation(McpTool.class).name(),
                        m -> Arrays.stream(
                                        m.getAnnotation(InvalidatesCache.class).value())
                                .map(CalendarInvalidationsTest::shown)
                                .collect(Collectors.toSet())));
    }

    @Test
    void eventWrites_declareSpecSection3sInvalidations_andTheFreeBusyOfTheirAccount() {
        Map<String, Set<String>> declared = declared();

        assertThat(declared.get("calendar_create_event"))
                .contains("calendar_list_events", "search_events")
                .containsAll(FREE_BUSY)
                .noneMatch(i -> i.startsWith("calendar_get_event"));
        Stream.of("calendar_update_event", "calendar_delete_event")
                .forEach(tool -> assertThat(declared.get(tool))
                        .as(tool)
                        .contains("calendar_list_events", "calendar_get_event(event_id)", "search_events")
                        .containsAll(FREE_BUSY));
        Stream.of("calendar_respond_event", "calendar_propose_new_time")
                .forEach(tool -> assertThat(declared.get(tool))
                        .as(tool)
                        .contains("calendar_list_events", "calendar_get_event(event_id)")
                        .containsAll(FREE_BUSY));
        assertThat(declared).doesNotContainKey("calendar_forward_event");
    }

    @Test
    void calendarWrites_invalidateTheCalendarList_deleteAlsoItsEvents() {
        Map<String, Set<String>> declared = declared();

        assertThat(declared.get("calendar_create_calendar")).containsExactly("calendar_list_calendars");
        assertThat(declared.get("calendar_delete_calendar"))
                .contains("calendar_list_calendars", "calendar_list_events", "calendar_get_event", "search_events")
                .containsAll(FREE_BUSY);
    }

    @Test
    void invalidations_nameCachedReads() {
        Set<String> cached = Stream.of(CalendarTools.class, FreeBusyTools.class, EventSearchTools.class)
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(m -> m.isAnnotationPresent(CacheResult.class))
                .map(m -> m.getAnnotation(CacheResult.class).cacheName())
                .collect(Collectors.toSet());

        assertThat(declared().values().stream().flatMap(Set::stream).map(i -> i.replaceAll("\\(.*", "")))
                .allMatch(cached::contains);
    }

    private static String shown(Invalidate invalidate) {
        return invalidate.operation() + (invalidate.param().isEmpty() ? "" : "(" + invalidate.param() + ")");
    }
}

package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which cached calendar answers a changed event touches: those that hold its old or new time. */
class EventWindowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TimeRange SYNCED =
            new TimeRange(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-12-01T00:00:00Z"));

    static CachedWindow window(String key, String day, String... events) throws Exception {
        return window(key, day, false, events);
    }

    static CachedWindow window(String key, String day, boolean truncated, String... events) throws Exception {
        StringBuilder listed = new StringBuilder();
        for (String event : events) {
            String[] idAndHour = event.split("@");
            listed.append(listed.length() == 0 ? "" : ",")
                    .append("{\"id\":\"" + idAndHour[0] + "\",\"start\":\"" + day + "T" + idAndHour[1]
                            + ":00+00:00\",\"end\":\"" + day + "T" + idAndHour[1] + ":30+00:00\"}");
        }
        return CachedWindow.read(
                "calendar_list_events",
                key,
                JSON.readTree("{\"start\":\"" + day + "T00:00+00:00\",\"end\":\"" + day + "T23:59+00:00\","
                        + "\"events\":[" + listed + "],\"truncated\":" + truncated + "}"));
    }

    static CachedWindow freeBusy(String key, String day) throws Exception {
        return CachedWindow.read(
                "calendar_get_free_busy",
                key,
                JSON.readTree("{\"start\":\"" + day + "T08:00+01:00\",\"end\":\"" + day + "T18:00+01:00\"}"));
    }

    static DeltaChange changed(String id, String day, String hour) throws Exception {
        return DeltaChange.of(JSON.readTree("{\"id\":\"" + id
                + "\",\"type\":\"singleInstance\",\"start\":{\"dateTime\":\""
                + day + "T" + hour + ":00:00.0000000\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + day + "T"
                + hour + ":30:00.0000000\",\"timeZone\":\"UTC\"}}"));
    }

    static DeltaChange removed(String id) throws Exception {
        return DeltaChange.of(JSON.readTree("{\"id\":\"" + id + "\",\"@removed\":{\"reason\":\"deleted\"}}"));
    }

    private static List<String> keys(EventWindows windows, DeltaChange change) {
        return windows.stale(change).stream().map(Invalidation::key).toList();
    }

    @Test
    void stale_movedEvent_dropsTheWindowOfItsOldTimeAndOfItsNew_notAnother() throws Exception {
        EventWindows windows = new EventWindows(
                List.of(
                        window("old", "2026-12-10", "e1@10"),
                        window("new", "2026-12-12", "e2@09"),
                        window("other", "2026-12-14")),
                Map.of(),
                Optional.of(SYNCED));

        assertThat(keys(windows, changed("e1", "2026-12-12", "10"))).containsExactlyInAnyOrder("old", "new");
    }

    @Test
    void stale_eventKnownNowhere_dropsWhatHoldsItsNewTime_andWhatCannotTell_notACompleteWindowElsewhere()
            throws Exception {
        EventWindows windows = new EventWindows(
                List.of(
                        window("new", "2026-12-12"),
                        window("truncated", "2026-12-14", true),
                        window("complete", "2026-12-15", "e2@09"),
                        freeBusy("busy", "2026-12-16")),
                Map.of(),
                Optional.of(SYNCED));

        assertThat(keys(windows, changed("e1", "2026-12-12", "10")))
                .containsExactlyInAnyOrder("new", "truncated", "busy");
    }

    @Test
    void stale_oldTimeKnownFromACachedGet_dropsTheFreeBusyOfThatTimeOnly() throws Exception {
        EventWindows windows = new EventWindows(
                List.of(freeBusy("then", "2026-12-10"), freeBusy("later", "2026-12-20")),
                Map.of(
                        "e1",
                        List.of(new TimeRange(
                                Instant.parse("2026-12-10T10:00:00Z"), Instant.parse("2026-12-10T11:00:00Z")))),
                Optional.of(SYNCED));

        assertThat(keys(windows, changed("e1", "2026-12-12", "10"))).containsExactly("then");
    }

    @Test
    void stale_removedEvent_dropsTheWindowsListingIt_andThoseReachingOutOfTheSyncedWindow() throws Exception {
        EventWindows windows = new EventWindows(
                List.of(
                        window("listing", "2026-12-10", "e1@10"),
                        window("inside", "2026-12-12"),
                        window("outside", "2028-01-05")),
                Map.of(),
                Optional.of(SYNCED));

        assertThat(keys(windows, removed("e1"))).containsExactlyInAnyOrder("listing", "outside");
    }

    @Test
    void stale_removedWithoutTheSyncedWindow_orASeriesMaster_orAnUnreadableTime_dropsAll() throws Exception {
        List<CachedWindow> cached = List.of(window("a", "2026-12-10"), window("b", "2026-12-20"));

        assertThat(keys(new EventWindows(cached, Map.of(), Optional.empty()), removed("e1")))
                .containsExactlyInAnyOrder("a", "b");
        EventWindows windows = new EventWindows(cached, Map.of(), Optional.of(SYNCED));
        assertThat(keys(windows, DeltaChange.of(JSON.readTree("{\"id\":\"s1\",\"type\":\"seriesMaster\"}"))))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(keys(windows, DeltaChange.of(JSON.readTree("{\"id\":\"e1\",\"start\":{\"dateTime\":\"soon\"}}"))))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void stale_aWindowWhoseRangeCannotBeRead_isAlwaysDropped() throws Exception {
        EventWindows windows = new EventWindows(
                List.of(CachedWindow.read("calendar_list_events", "odd", JSON.readTree("{\"events\":[]}"))),
                Map.of(),
                Optional.of(SYNCED));

        assertThat(keys(windows, changed("e1", "2026-12-12", "10"))).containsExactly("odd");
    }

    @Test
    void stale_aWindowListingTheEventWithAnUnreadableTime_isDropped_thoughItsOldTimeIsKnownElsewhere()
            throws Exception {
        CachedWindow odd = CachedWindow.read(
                "calendar_list_events",
                "odd",
                JSON.readTree("{\"start\":\"2026-12-20T00:00+00:00\",\"end\":\"2026-12-21T00:00+00:00\","
                        + "\"events\":[{\"id\":\"e1\",\"start\":\"whenever\"}],\"truncated\":false}"));
        EventWindows windows =
                new EventWindows(List.of(odd, window("listing", "2026-12-10", "e1@10")), Map.of(), Optional.of(SYNCED));

        assertThat(keys(windows, changed("e1", "2026-12-12", "10"))).containsExactlyInAnyOrder("odd", "listing");
    }

    @Test
    void stale_anAllDayEvent_isTakenAsItsDaysInAnyZone() throws Exception {
        EventWindows windows = new EventWindows(
                List.of(window("dayBefore", "2026-12-11"), window("weekLater", "2026-12-19")),
                Map.of(),
                Optional.of(SYNCED));
        DeltaChange allDay = DeltaChange.of(JSON.readTree("{\"id\":\"e1\",\"isAllDay\":true,"
                + "\"start\":{\"dateTime\":\"2026-12-12T00:00:00.0000000\",\"timeZone\":\"Pacific/Kiritimati\"},"
                + "\"end\":{\"dateTime\":\"2026-12-13T00:00:00.0000000\",\"timeZone\":\"Pacific/Kiritimati\"}}"));

        assertThat(keys(windows, allDay)).containsExactly("dayBefore");
    }
}

package org.m365mcp.tools.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mcp.tools.calendar.Availability.Slot;

class AvailabilityTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Slot slot(String start, String end) {
        return new Slot(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void free_busyTimesOverlappingAndTouching_leaveOnlyTheGapsLongEnough() {
        Slot window = slot("2027-06-08T08:00:00Z", "2027-06-08T16:00:00Z");
        List<Slot> busy = List.of(
                slot("2027-06-08T09:00:00Z", "2027-06-08T10:00:00Z"),
                slot("2027-06-08T09:30:00Z", "2027-06-08T11:00:00Z"), // overlaps the first
                slot("2027-06-08T11:00:00Z", "2027-06-08T11:30:00Z"), // touches the second
                slot("2027-06-08T12:00:00Z", "2027-06-08T12:45:00Z"), // leaves a 30-minute gap before it
                slot("2027-06-08T15:00:00Z", "2027-06-08T17:00:00Z")); // runs past the window

        assertThat(Availability.free(window, Duration.ofMinutes(45), busy, List.of()))
                .containsExactly(
                        slot("2027-06-08T08:00:00Z", "2027-06-08T09:00:00Z"),
                        slot("2027-06-08T12:45:00Z", "2027-06-08T15:00:00Z"));
        assertThat(Availability.free(window, Duration.ofMinutes(30), busy, List.of()))
                .contains(slot("2027-06-08T11:30:00Z", "2027-06-08T12:00:00Z"));
    }

    @Test
    void free_nothingBusy_isTheWholeWindow_everythingBusy_isNothing() {
        Slot window = slot("2027-06-08T08:00:00Z", "2027-06-08T09:00:00Z");

        assertThat(Availability.free(window, Duration.ofMinutes(60), List.of(), List.of()))
                .containsExactly(window);
        assertThat(Availability.free(
                        window,
                        Duration.ofMinutes(5),
                        List.of(slot("2027-06-08T07:00:00Z", "2027-06-08T10:00:00Z")),
                        List.of()))
                .isEmpty();
    }

    @Test
    void free_withinBerlinAndNewYorkWorkingHours_isTheirOverlap() {
        // Tuesday 2027-06-08, both on summer time: Berlin 09-17 is 07-15 UTC, New York 09-17 is 13-21 UTC.
        Slot window = slot("2027-06-07T22:00:00Z", "2027-06-08T22:00:00Z");
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        List<Slot> berlin =
                Availability.workingHours(weekdays, LocalTime.of(9, 0), LocalTime.of(17, 0), BERLIN, window);
        List<Slot> newYork =
                Availability.workingHours(weekdays, LocalTime.of(9, 0), LocalTime.of(17, 0), NEW_YORK, window);

        assertThat(berlin).containsExactly(slot("2027-06-08T07:00:00Z", "2027-06-08T15:00:00Z"));
        // New York's Monday ends at 21:00 UTC Monday, before the window; its Tuesday runs past it.
        assertThat(newYork).containsExactly(slot("2027-06-08T13:00:00Z", "2027-06-08T21:00:00Z"));
        assertThat(Availability.free(
                        window,
                        Duration.ofMinutes(30),
                        List.of(slot("2027-06-08T13:30:00Z", "2027-06-08T14:00:00Z")),
                        List.of(berlin, newYork)))
                .containsExactly(
                        slot("2027-06-08T13:00:00Z", "2027-06-08T13:30:00Z"),
                        slot("2027-06-08T14:00:00Z", "2027-06-08T15:00:00Z"));
    }

    @Test
    void workingHours_weekendAndAcrossDstChange_localHoursKept() {
        // Berlin's clocks go forward on Sunday 2027-03-28; Saturday and Sunday are not working days.
        Slot window = slot("2027-03-26T00:00:00Z", "2027-03-30T00:00:00Z");
        List<Slot> hours = Availability.workingHours(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                BERLIN,
                window);

        assertThat(hours)
                .containsExactly(
                        slot("2027-03-26T07:00:00Z", "2027-03-26T16:00:00Z"),
                        slot("2027-03-29T06:00:00Z", "2027-03-29T15:00:00Z"));
    }

    @Test
    void scheduleInfo_withoutItems_busyTimesFromTheAvailabilityView() throws Exception {
        ScheduleInfo info =
                ScheduleInfo.of(new ObjectMapper().readTree("""
                {"scheduleId":"room@contoso.sandbox","availabilityView":"0210",
                 "workingHours":{"daysOfWeek":["monday"],"startTime":"08:00:00.0000000","endTime":"17:00:00.0000000",
                  "timeZone":{"name":"W. Europe Standard Time"}}}"""), Instant.parse("2027-06-08T08:00:00Z"), 30);

        assertThat(info.items()).extracting(ScheduleInfo.Item::status).containsExactly("busy", "tentative");
        assertThat(info.items().get(0).start()).isEqualTo(Instant.parse("2027-06-08T08:30:00Z"));
        assertThat(info.workingHours().zone()).isEqualTo(BERLIN);
        assertThat(FreeBusyTools.blocks("tentative", false)).isFalse();
        assertThat(FreeBusyTools.blocks("workingElsewhere", true)).isFalse();
        assertThat(FreeBusyTools.blocks("oof", false)).isTrue();
    }
}

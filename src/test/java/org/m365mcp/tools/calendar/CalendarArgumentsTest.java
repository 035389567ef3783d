package org.m365mcp.tools.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.ToolArgumentException;

class CalendarArgumentsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void instant_datesAroundBerlinDstChange_areLocalMidnights() {
        // 2026-03-29: clocks go from 02:00 CET to 03:00 CEST, so that day is 23 hours long.
        assertThat(CalendarArguments.instant("start", "2026-03-29", BERLIN, false))
                .hasToString("2026-03-28T23:00:00Z");
        assertThat(CalendarArguments.instant("end", "2026-03-29", BERLIN, true)).hasToString("2026-03-29T22:00:00Z");
    }

    @Test
    void instant_localAndOffsetDateTimes_readInZoneOrAsGiven() {
        assertThat(CalendarArguments.instant("start", "2026-03-30T09:00", BERLIN, false))
                .hasToString("2026-03-30T07:00:00Z");
        assertThat(CalendarArguments.instant("start", "2026-03-30T09:00+05:30", BERLIN, false))
                .hasToString("2026-03-30T03:30:00Z");
    }

    @Test
    void instant_garbage_namesTheArgument() {
        assertThatThrownBy(() -> CalendarArguments.instant("end", "next tuesday", BERLIN, true))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'end'");
    }

    @Test
    void zone_unknownName_isAnArgumentError() {
        assertThatThrownBy(() -> CalendarArguments.zone("time_zone", "Mars/Olympus"))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("IANA");
        assertThat(CalendarArguments.zone("time_zone", "America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void eventId_withPathCharacters_isRejected() {
        assertThatThrownBy(() -> CalendarArguments.eventId("event_id", "abc/../messages"))
                .isInstanceOf(ToolArgumentException.class);
        assertThat(CalendarArguments.optionalCalendarId("calendar_id", " ")).isNull();
    }

    @Test
    void eventTimes_utcFromGraph_shownLocalWithOffsetOnBothSidesOfDst() throws Exception {
        var mapper = new ObjectMapper();
        var before = mapper.readTree("{\"dateTime\":\"2026-03-07T14:00:00.0000000\",\"timeZone\":\"UTC\"}");
        var after = mapper.readTree("{\"dateTime\":\"2026-03-09T13:00:00.0000000\",\"timeZone\":\"UTC\"}");
        ZoneId newYork = ZoneId.of("America/New_York");

        assertThat(EventTimes.show(before, false, newYork)).isEqualTo("2026-03-07T09:00-05:00");
        assertThat(EventTimes.show(after, false, newYork)).isEqualTo("2026-03-09T09:00-04:00");
        assertThat(EventTimes.show(
                        mapper.readTree(
                                "{\"dateTime\":\"2026-03-09T09:00:00\",\"timeZone\":" + "\"Eastern Standard Time\"}"),
                        false,
                        newYork))
                .isEqualTo("2026-03-09T09:00-04:00");
        assertThat(EventTimes.show(before, true, newYork)).isEqualTo("2026-03-07");
    }
}

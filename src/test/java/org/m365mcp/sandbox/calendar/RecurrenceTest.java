package org.m365mcp.sandbox.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mcp.sandbox.common.SandboxGraphException;

class RecurrenceTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z"); // a Monday

    private static List<String> expand(String json) throws Exception {
        JsonNode recurrence = new ObjectMapper().readTree(json);
        return Recurrence.expand(recurrence, START, java.time.ZoneOffset.UTC).stream()
                .map(Instant::toString)
                .toList();
    }

    @Test
    void expand_weeklyOnTwoDays_untilEndDate() throws Exception {
        assertThat(expand("""
                {"pattern":{"type":"weekly","interval":1,"daysOfWeek":["monday","thursday"]},
                 "range":{"type":"endDate","startDate":"2026-01-05","endDate":"2026-01-15"}}"""))
                .containsExactly(
                        "2026-01-05T09:00:00Z", "2026-01-08T09:00:00Z", "2026-01-12T09:00:00Z", "2026-01-15T09:00:00Z");
    }

    @Test
    void expand_everyOtherWeek_numbered() throws Exception {
        assertThat(expand("""
                {"pattern":{"type":"weekly","interval":2,"daysOfWeek":["wednesday"]},
                 "range":{"type":"numbered","startDate":"2026-01-05","numberOfOccurrences":3}}""")).containsExactly("2026-01-07T09:00:00Z", "2026-01-21T09:00:00Z", "2026-02-04T09:00:00Z");
    }

    @Test
    void expand_dailyEveryThirdDay_andMonthlyOnTheTenth() throws Exception {
        assertThat(expand("""
                {"pattern":{"type":"daily","interval":3},"range":{"type":"numbered","startDate":"2026-01-05","numberOfOccurrences":3}}""")).containsExactly("2026-01-05T09:00:00Z", "2026-01-08T09:00:00Z", "2026-01-11T09:00:00Z");
        assertThat(expand("""
                {"pattern":{"type":"absoluteMonthly","interval":1,"dayOfMonth":10},
                 "range":{"type":"endDate","startDate":"2026-01-05","endDate":"2026-03-31"}}""")).containsExactly("2026-01-10T09:00:00Z", "2026-02-10T09:00:00Z", "2026-03-10T09:00:00Z");
    }

    @Test
    void expand_noEnd_stopsAtTheCap_relativePatternWithoutDaysIs400() throws Exception {
        assertThat(expand("""
                {"pattern":{"type":"daily","interval":1},"range":{"type":"noEnd","startDate":"2026-01-05"}}""")).hasSize(366);
        assertThatThrownBy(() -> expand("""
                {"pattern":{"type":"relativeYearly","interval":1},"range":{"type":"noEnd","startDate":"2026-01-05"}}""")).isInstanceOf(SandboxGraphException.class);
    }

    @Test
    void expand_dailyInBerlinAcrossDstChange_keepsNineOClockLocal() throws Exception {
        JsonNode recurrence = new ObjectMapper().readTree("""
                {"pattern":{"type":"daily","interval":1},
                 "range":{"type":"numbered","startDate":"2026-03-28","numberOfOccurrences":3}}""");
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");

        List<Instant> starts = Recurrence.expand(recurrence, Instant.parse("2026-03-28T08:00:00Z"), berlin);

        assertThat(starts)
                .extracting(Instant::toString)
                .containsExactly("2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z", "2026-03-30T07:00:00Z");
    }

    @Test
    void expand_relativeMonthly_secondTuesdayAndLastFriday() throws Exception {
        assertThat(expand("""
                {"pattern":{"type":"relativeMonthly","interval":1,"daysOfWeek":["tuesday"],"index":"second"},
                 "range":{"type":"numbered","startDate":"2026-01-05","numberOfOccurrences":3}}""")).containsExactly("2026-01-13T09:00:00Z", "2026-02-10T09:00:00Z", "2026-03-10T09:00:00Z");
        assertThat(expand("""
                {"pattern":{"type":"relativeMonthly","interval":2,"daysOfWeek":["friday"],"index":"last"},
                 "range":{"type":"endDate","startDate":"2026-01-05","endDate":"2026-06-30"}}""")).containsExactly("2026-01-30T09:00:00Z", "2026-03-27T09:00:00Z", "2026-05-29T09:00:00Z");
    }

    @Test
    void expand_absoluteAndRelativeYearly_onTheirMonth() throws Exception {
        assertThat(expand("""
                {"pattern":{"type":"absoluteYearly","interval":1,"month":3,"dayOfMonth":15},
                 "range":{"type":"numbered","startDate":"2026-01-05","numberOfOccurrences":2}}""")).containsExactly("2026-03-15T09:00:00Z", "2027-03-15T09:00:00Z");
        assertThat(expand("""
                {"pattern":{"type":"relativeYearly","interval":1,"month":11,"daysOfWeek":["thursday"],"index":"fourth"},
                 "range":{"type":"numbered","startDate":"2026-01-05","numberOfOccurrences":2}}""")).containsExactly("2026-11-26T09:00:00Z", "2027-11-25T09:00:00Z");
    }

    @Test
    void expand_absolutePatternsWithoutTheirDay_are400() {
        assertThatThrownBy(() -> expand("""
                {"pattern":{"type":"absoluteYearly","interval":1,"dayOfMonth":15},
                 "range":{"type":"noEnd","startDate":"2026-01-05"}}"""))
                .isInstanceOf(SandboxGraphException.class)
                .hasMessageContaining("'month'");
        assertThatThrownBy(() -> expand("""
                {"pattern":{"type":"weekly","interval":1},"range":{"type":"noEnd","startDate":"2026-01-05"}}"""))
                .isInstanceOf(SandboxGraphException.class)
                .hasMessageContaining("'daysOfWeek'");
    }

    @Test
    void expand_everyOtherWeekFromMonday_weeksCountFromFirstDayOfWeek() throws Exception {
        // Sunday 2026-01-11 is in the first week when weeks begin on Monday, in the second when on Sunday.
        String json = """
                {"pattern":{"type":"weekly","interval":2,"daysOfWeek":["sunday"],"firstDayOfWeek":"%s"},
                 "range":{"type":"numbered","startDate":"2026-01-05","numberOfOccurrences":2}}""";
        assertThat(expand(json.formatted("monday"))).containsExactly("2026-01-11T09:00:00Z", "2026-01-25T09:00:00Z");
        assertThat(expand(json.formatted("sunday"))).containsExactly("2026-01-18T09:00:00Z", "2026-02-01T09:00:00Z");
    }
}

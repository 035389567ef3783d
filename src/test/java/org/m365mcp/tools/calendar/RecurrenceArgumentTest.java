package org.m365mcp.tools.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.ToolArgumentException;

class RecurrenceArgumentTest {

    /** The second Tuesday of June 2027. */
    private static final LocalDate FIRST = LocalDate.of(2027, 6, 8);

    @Test
    void of_noRecurrence_isNull() {
        assertThat(RecurrenceArgument.of("", null, null, null, "", null, FIRST)).isNull();
        assertThat(RecurrenceArgument.of(null, null, List.of(), "", null, null, FIRST))
                .isNull();
    }

    @Test
    void of_recurrenceArgumentsWithoutRecurrence_nameTheStrayArgument() {
        assertThatThrownBy(() -> RecurrenceArgument.of("", null, null, null, "2027-07-01", null, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'recurrence_end_date'");
        assertThatThrownBy(() -> RecurrenceArgument.of(" ", 2, null, null, "", null, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'recurrence_interval'");
    }

    @Test
    void of_weeklyWithoutDays_onTheStartsWeekday_numbered() {
        ObjectNode recurrence = RecurrenceArgument.of("weekly", 2, null, null, "", 5, FIRST);

        assertThat(recurrence.toString())
                .isEqualTo("{\"pattern\":{\"type\":\"weekly\",\"interval\":2,"
                        + "\"daysOfWeek\":[\"tuesday\"]},\"range\":{\"startDate\":\"2027-06-08\","
                        + "\"type\":\"numbered\",\"numberOfOccurrences\":5}}");
    }

    @Test
    void of_weeklyOnGivenDays_anyCase_eachOnce_untilEndDate() {
        ObjectNode recurrence = RecurrenceArgument.of(
                "Weekly", null, List.of("Monday", "THURSDAY", "monday"), null, "2027-07-31", null, FIRST);

        assertThat(recurrence.path("pattern").path("daysOfWeek").toString()).isEqualTo("[\"monday\",\"thursday\"]");
        assertThat(recurrence.path("pattern").path("interval").asInt()).isEqualTo(1);
        assertThat(recurrence.path("range").toString()).contains("\"type\":\"endDate\",\"endDate\":\"2027-07-31\"");
    }

    @Test
    void of_relativeMonthly_indexFromTheFirstDay_orGiven() {
        assertThat(RecurrenceArgument.of("relativeMonthly", null, null, null, "", null, FIRST)
                        .path("pattern")
                        .toString())
                .isEqualTo("{\"type\":\"relativeMonthly\",\"interval\":1,"
                        + "\"daysOfWeek\":[\"tuesday\"],\"index\":\"second\"}");
        assertThat(RecurrenceArgument.of("relativemonthly", null, null, "Last", "", null, FIRST)
                        .path("pattern")
                        .path("index")
                        .asText())
                .isEqualTo("last");
        assertThat(RecurrenceArgument.indexOf(LocalDate.of(2027, 6, 29))).isEqualTo("last");
        assertThat(RecurrenceArgument.indexOf(LocalDate.of(2027, 6, 22))).isEqualTo("fourth");
    }

    @Test
    void of_absoluteYearly_dayAndMonthOfTheFirstDay_noEnd() {
        ObjectNode recurrence = RecurrenceArgument.of("absoluteYearly", null, null, null, "", null, FIRST);

        assertThat(recurrence.path("pattern").toString())
                .isEqualTo("{\"type\":\"absoluteYearly\",\"interval\":1," + "\"dayOfMonth\":8,\"month\":6}");
        assertThat(recurrence.path("range").path("type").asText()).isEqualTo("noEnd");
    }

    @Test
    void of_wrongValues_nameTheirArgument() {
        assertThatThrownBy(() -> RecurrenceArgument.of("fortnightly", null, null, null, "", null, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'recurrence'");
        assertThatThrownBy(() -> RecurrenceArgument.of("weekly", null, List.of("funday"), null, "", null, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'recurrence_days_of_week'");
        assertThatThrownBy(() -> RecurrenceArgument.of("daily", null, List.of("monday"), null, "", null, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'recurrence_days_of_week'");
        assertThatThrownBy(() -> RecurrenceArgument.of("relativeMonthly", null, null, "fifth", "", null, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'recurrence_index'");
        assertThatThrownBy(() -> RecurrenceArgument.of("daily", 0, null, null, "", null, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'recurrence_interval'");
        assertThatThrownBy(() -> RecurrenceArgument.of("daily", null, null, null, "2027-06-07", null, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'recurrence_end_date'");
        assertThatThrownBy(() -> RecurrenceArgument.of("daily", null, null, null, "2027-07-01", 3, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> RecurrenceArgument.of("daily", null, null, null, "", 1000, FIRST))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("'recurrence_occurrences'");
    }
}

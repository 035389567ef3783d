package org.m365mcp.tools.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EventDetailTest {

    private static ObjectNode event(String body) {
        ObjectNode event =
                new ObjectMapper().createObjectNode().put("id", "AAMkE1").put("subject", "Review");
        event.putObject("body").put("contentType", "text").put("content", body);
        return event;
    }

    @Test
    void of_bodyLongerThanTheSetting_cutWithAMarker_andTheOffsetReadsTheRest() {
        ObjectNode event = event("0123456789abcde");

        EventDetail first = EventDetail.of("demo", event, ZoneId.of("UTC"), 0, 10);
        EventDetail rest = EventDetail.of("demo", event, ZoneId.of("UTC"), first.nextBodyOffset(), 10);

        assertThat(first.body()).isEqualTo("0123456789");
        assertThat(first.bodyNote())
                .isEqualTo("characters 0-10 of 15 shown; 5 more: call calendar_get_event with body_offset=10");
        assertThat(rest.body()).isEqualTo("abcde");
        assertThat(rest.nextBodyOffset()).isNull();
    }

    @Test
    void of_shortBody_wholeWithoutMarker() {
        EventDetail detail = EventDetail.of("demo", event("Agenda"), ZoneId.of("UTC"), 0, 10);

        assertThat(detail.body()).isEqualTo("Agenda");
        assertThat(detail.nextBodyOffset()).isNull();
        assertThat(detail.bodyNote()).isNull();
    }
}

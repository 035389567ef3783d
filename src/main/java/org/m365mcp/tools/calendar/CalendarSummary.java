package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;

/** One calendar: its id for calendar_list_events, name, owner and whether the user may write to it. */
public record CalendarSummary(String id, String name, boolean isDefault, boolean canEdit, String owner, String color) {

    static final String FIELDS = "id,name,isDefaultCalendar,canEdit,owner,color";

    static CalendarSummary of(JsonNode calendar) {
        return new CalendarSummary(
                calendar.path("id").asText(),
                calendar.path("name").asText(""),
                calendar.path("isDefaultCalendar").asBoolean(false),
                calendar.path("canEdit").asBoolean(false),
                EventSummary.blankToNull(calendar.path("owner").path("address").asText("")),
                EventSummary.blankToNull(calendar.path("color").asText("")));
    }
}

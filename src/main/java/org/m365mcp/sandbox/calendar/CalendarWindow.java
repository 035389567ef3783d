package org.m365mcp.sandbox.calendar;

import java.time.Instant;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;

/** The {@code startDateTime}/{@code endDateTime} window that calendarView and instances require. */
record CalendarWindow(Instant start, Instant end) {

    static CalendarWindow of(GraphRequest request) {
        String start = request.param("startDateTime").orElse("");
        String end = request.param("endDateTime").orElse("");
        if (start.isBlank() || end.isBlank()) {
            throw new SandboxGraphException(
                    400,
                    "ErrorInvalidParameter",
                    "This request requires a time window specified"
                            + " by the query string parameters StartDateTime and EndDateTime.");
        }
        CalendarWindow window = new CalendarWindow(Json.parseInstant(start), Json.parseInstant(end));
        if (!window.start().isBefore(window.end())) {
            throw new SandboxGraphException(400, "ErrorInvalidParameter", "EndDateTime must be after StartDateTime.");
        }
        return window;
    }
}

package org.m365mcp.sandbox.calendar;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.odata.ODataListing;

/**
 * {@code GET /me/calendarView?startDateTime=…&endDateTime=…} (and per calendar): single events,
 * occurrences and exceptions overlapping the window, by start time; both bounds are required.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class CalendarViewResource {

    private final CalendarStore store;
    private final GraphRequest request;
    private final String calendarId;

    CalendarViewResource(CalendarStore store, GraphRequest request, String calendarId) {
        this.store = store;
        this.request = request;
        this.calendarId = calendarId;
    }

    /** {@code /me/calendarView}: the default calendar's. */
    public static CalendarViewResource ofDefaultCalendar(CalendarStore store, GraphRequest request) {
        return new CalendarViewResource(
                store, request, store.defaultCalendar().path("id").asText());
    }

    @GET
    public Response view() {
        CalendarWindow window = CalendarWindow.of(request);
        return Responses.ok(new ODataListing(
                        "event", "users('" + store.owner().address() + "')/calendarView", 10, EventsResource.SEARCHABLE)
                .page(store.view(calendarId, window.start(), window.end()), request));
    }
}

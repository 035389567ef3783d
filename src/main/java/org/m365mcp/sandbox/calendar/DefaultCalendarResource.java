package org.m365mcp.sandbox.calendar;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Function;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.odata.ODataListing;

/**
 * {@code /me/calendar}, the default calendar: itself, its {@code events} and {@code calendarView},
 * and {@code POST getSchedule} for free/busy.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class DefaultCalendarResource {

    private final CalendarStore store;
    private final GraphRequest request;
    private final Function<String, Optional<CalendarStore>> directory;

    /** {@code directory} finds another tenant user's calendar by address, for getSchedule. */
    public DefaultCalendarResource(
            CalendarStore store, GraphRequest request, Function<String, Optional<CalendarStore>> directory) {
        this.store = store;
        this.request = request;
        this.directory = directory;
    }

    @GET
    public Response get() {
        return Responses.ok(
                new ODataListing("calendar", "users('" + store.owner().address() + "')/calendar", 10, null)
                        .single(store.defaultCalendar(), request));
    }

    @Path("events")
    public EventsResource events() {
        return EventsResource.ofDefaultCalendar(store, request);
    }

    @Path("calendarView")
    public CalendarViewResource calendarView() {
        return CalendarViewResource.ofDefaultCalendar(store, request);
    }

    @POST
    @Path("getSchedule")
    public Response getSchedule(String body) {
        return Responses.ok(new FreeBusy(directory).schedule(Json.body(body), request));
    }
}

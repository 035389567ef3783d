package org.m365mcp.sandbox.calendar;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.odata.ODataListing;

/**
 * {@code /me/calendars}: list, create, get, PATCH (name, color), delete (not the default), and each
 * calendar's {@code events} and {@code calendarView}.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class CalendarsResource {

    private final CalendarStore store;
    private final GraphRequest request;
    private final ODataListing listing;

    public CalendarsResource(CalendarStore store, GraphRequest request) {
        this.store = store;
        this.request = request;
        this.listing = new ODataListing("calendar", "users('" + store.owner().address() + "')/calendars", 10, null);
    }

    @GET
    public Response list() {
        return Responses.ok(listing.page(store.calendars(), request));
    }

    @POST
    public Response create(String body) {
        return Responses.created(store.createCalendar(store.newId("calendar"), Json.body(body), false));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Responses.ok(listing.single(store.calendar(id), request));
    }

    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        return Responses.ok(store.updateCalendar(id, Json.body(body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        store.deleteCalendar(id);
        return Responses.noContent();
    }

    @Path("{id}/events")
    public EventsResource events(@PathParam("id") String id) {
        store.calendar(id);
        return new EventsResource(store, request, id);
    }

    @Path("{id}/calendarView")
    public CalendarViewResource calendarView(@PathParam("id") String id) {
        store.calendar(id);
        return new CalendarViewResource(store, request, id);
    }
}

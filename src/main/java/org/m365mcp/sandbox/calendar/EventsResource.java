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
import java.util.List;
import java.util.Map;
import org.m365mcp.sandbox.common.Entities;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.TextQuery;
import org.m365mcp.sandbox.odata.ODataListing;

/**
 * Graph's events of one calendar ({@code /me/events} is the default calendar's, as
 * {@code /me/calendars/{id}/events} is that calendar's): list (singles and series masters), get,
 * create, PATCH, DELETE, {@code instances}, and the actions accept, decline, tentativelyAccept and forward.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class EventsResource {

    /** What {@code $search} looks at on events. */
    public static final TextQuery.Fields SEARCHABLE = new TextQuery.Fields(
            List.of("subject", "body/content", "location/displayName", "organizer", "attendees"),
            Map.of(
                    "subject",
                    List.of("subject"),
                    "location",
                    List.of("location/displayName"),
                    "organizer",
                    List.of("organizer"),
                    "attendees",
                    List.of("attendees"),
                    "body",
                    List.of("body/content")));

    private final CalendarStore store;
    private final GraphRequest request;
    private final String calendarId;

    EventsResource(CalendarStore store, GraphRequest request, String calendarId) {
        this.store = store;
        this.request = request;
        this.calendarId = calendarId;
    }

    /** {@code /me/events}: the default calendar's events. */
    public static EventsResource ofDefaultCalendar(CalendarStore store, GraphRequest request) {
        return new EventsResource(
                store, request, store.defaultCalendar().path("id").asText());
    }

    @GET
    public Response list() {
        return Responses.ok(listing().page(store.events(calendarId), request));
    }

    @POST
    public Response create(String body) {
        return Responses.created(store.createEvent(calendarId, store.newId("event"), Json.body(body), store.owner()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Responses.ok(listing().single(store.event(id), request));
    }

    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        synchronized (store) {
            Entities.requireMatch(request.header("If-Match").orElse(null), store.event(id));
            return Responses.ok(store.updateEvent(id, Json.body(body)));
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        synchronized (store) {
            Entities.requireMatch(request.header("If-Match").orElse(null), store.event(id));
            store.deleteEvent(id);
        }
        return Responses.noContent();
    }

    @GET
    @Path("{id}/instances")
    public Response instances(@PathParam("id") String id) {
        CalendarWindow window = CalendarWindow.of(request);
        String masterId = store.event(id).path("id").asText();
        List<com.fasterxml.jackson.databind.node.ObjectNode> occurrences = store.allInstances().stream()
                .filter(e -> e.path("seriesMasterId").asText().equals(masterId))
                .filter(e -> EventJson.start(e).isBefore(window.end())
                        && EventJson.end(e).isAfter(window.start()))
                .toList();
        return Responses.ok(listing().page(occurrences, request));
    }

    @POST
    @Path("{id}/{action: accept|decline|tentativelyAccept}")
    public Response respond(@PathParam("id") String id, @PathParam("action") String action, String body) {
        new EventResponses(store).respond(id, action, Json.optionalBody(body));
        return Responses.accepted();
    }

    @POST
    @Path("{id}/forward")
    public Response forward(@PathParam("id") String id, String body) {
        new EventResponses(store).forward(id, Json.body(body));
        return Responses.accepted();
    }

    private ODataListing listing() {
        return new ODataListing(
                "event",
                "users('" + store.owner().address() + "')/calendars('" + calendarId + "')/events",
                10,
                SEARCHABLE);
    }
}

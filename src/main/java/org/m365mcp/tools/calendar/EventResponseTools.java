package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.NotFound;
import org.m365mcp.tools.Recipients;

/**
 * An invitee's answers to a meeting: accept, tentatively accept or decline (optionally proposing a
 * new time), and forward it to others.
 *
 * <ul>
 *   <li>Graph has no endpoint of its own for proposing a time: it is {@code tentativelyAccept} or
 *       {@code decline} with {@code proposedNewTime}, which needs {@code sendResponse}.
 *   <li>A response changes the event's {@code responseStatus} and show-as, so it invalidates the
 *       account's event lists, that event's {@code calendar_get_event} and the free/busy answers;
 *       a forward changes nothing cached.
 *   <li>Graph refuses a response from the meeting's organizer; its message is the tool error.
 * </ul>
 */
@ApplicationScoped
public class EventResponseTools {

    /** Tool argument → Graph action. */
    private static final Map<String, String> ACTIONS =
            Map.of("accept", "accept", "tentative", "tentativelyAccept", "decline", "decline");

    private static final Map<String, String> DONE =
            Map.of("accept", "accepted", "tentativelyAccept", "tentativelyAccepted", "decline", "declined");

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Inject
    CalendarTools reads;

    @McpTool(
            name = "calendar_respond_event",
            description = "Answer a meeting invitation: accept, tentative or decline, with an optional comment.")
    @InvalidatesCache({
        @Invalidate(operation = "calendar_list_events"),
        @Invalidate(operation = "calendar_get_event", param = "event_id"),
        @Invalidate(operation = "calendar_get_free_busy"),
        @Invalidate(operation = "calendar_check_availability")
    })
    public EventResponse calendarRespondEvent(
            @ToolParam(CalendarWriteTools.ACCOUNT) String accountId,
            @ToolParam(CalendarWriteTools.EVENT) String eventId,
            @ToolParam("accept, tentative or decline") String response,
            @ToolParam(value = "Message to the organizer", defaultValue = "") String comment,
            @ToolParam(
                            value = "Send the answer to the organizer (false: only update the calendar)",
                            defaultValue = "true")
                    boolean sendResponse) {
        String account = accounts.require(accountId).id();
        String id = CalendarArguments.eventId("event_id", eventId);
        String action = ACTIONS.get(response == null ? "" : response.strip().toLowerCase(Locale.ROOT));
        if (action == null) {
            throw new ToolArgumentException(
                    "response",
                    "must be accept, tentative or decline, got \"" + CalendarArguments.abbreviate(response) + "\"");
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("sendResponse", sendResponse);
        post(account, id, action, request, comment);
        return new EventResponse(accountId, id, DONE.get(action), sendResponse, null, null, null, null);
    }

    @McpTool(
            name = "calendar_propose_new_time",
            description = "Propose another time for a meeting you were invited to (local to time_zone), tentatively"
                    + " accepting or declining it; the organizer gets the proposal.")
    @InvalidatesCache({
        @Invalidate(operation = "calendar_list_events"),
        @Invalidate(operation = "calendar_get_event", param = "event_id"),
        @Invalidate(operation = "calendar_get_free_busy"),
        @Invalidate(operation = "calendar_check_availability")
    })
    public EventResponse calendarProposeNewTime(
            @ToolParam(CalendarWriteTools.ACCOUNT) String accountId,
            @ToolParam(CalendarWriteTools.EVENT) String eventId,
            @ToolParam("Proposed start, local date-time such as 2026-03-30T14:00") String start,
            @ToolParam("Proposed end, local date-time") String end,
            @ToolParam(value = CalendarWriteTools.ZONE, defaultValue = "") String timeZone,
            @ToolParam(
                            value = "tentative (default) or decline: your answer to the current time",
                            defaultValue = "tentative")
                    String response,
            @ToolParam(value = "Message to the organizer", defaultValue = "") String comment) {
        String account = accounts.require(accountId).id();
        String id = CalendarArguments.eventId("event_id", eventId);
        String answer = response == null ? "" : response.strip().toLowerCase(Locale.ROOT);
        if (!answer.equals("tentative") && !answer.equals("decline")) {
            throw new ToolArgumentException(
                    "response",
                    "must be tentative or decline (a new time cannot be proposed" + " while accepting), got \""
                            + CalendarArguments.abbreviate(response) + "\"");
        }
        ZoneId zone = reads.zone(account, timeZone);
        Instant from = CalendarArguments.instant("start", start, zone, false);
        Instant to = CalendarArguments.instant("end", end, zone, false);
        ObjectNode proposed = JsonNodeFactory.instance.objectNode();
        EventFields.times(proposed, from, to, zone);
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("sendResponse", true);
        request.set("proposedNewTime", proposed);
        String action = ACTIONS.get(answer);
        post(account, id, action, request, comment);
        return new EventResponse(
                accountId,
                id,
                DONE.get(action),
                true,
                EventTimes.show(from, zone),
                EventTimes.show(to, zone),
                zone.getId(),
                null);
    }

    @McpTool(
            name = "calendar_forward_event",
            description = "Forward a meeting invitation to other people, with an optional comment.")
    public EventResponse calendarForwardEvent(
            @ToolParam(CalendarWriteTools.ACCOUNT) String accountId,
            @ToolParam(CalendarWriteTools.EVENT) String eventId,
            @ToolParam("Recipients: name@example.com or Name <name@example.com>") List<String> to,
            @ToolParam(value = "Text placed above the forwarded invitation", defaultValue = "") String comment) {
        String account = accounts.require(accountId).id();
        String id = CalendarArguments.eventId("event_id", eventId);
        if (to == null || to.isEmpty()) {
            throw new ToolArgumentException("to", "is empty: a forward needs at least one recipient");
        }
        ArrayNode recipients = Recipients.recipients("to", to);
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("toRecipients", recipients);
        post(account, id, "forward", request, comment);
        return new EventResponse(accountId, id, "forwarded", true, null, null, null, Recipients.addresses(recipients));
    }

    /** POSTs the action with {@code comment} (when given); an unknown event is an argument error. */
    private void post(String account, String id, String action, ObjectNode request, String comment) {
        if (comment != null && !comment.isBlank()) {
            request.put("comment", comment);
        }
        NotFound.addressed(
                "event_id",
                CalendarTools.NO_EVENT,
                id,
                () -> graph.post(account, "/me/events/" + id + "/" + action, request));
    }
}

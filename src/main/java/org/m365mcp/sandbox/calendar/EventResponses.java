package org.m365mcp.sandbox.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * An attendee's answers to a meeting: {@code accept}, {@code decline}, {@code tentativelyAccept}
 * (the last two may carry {@code proposedNewTime}), and {@code forward}.
 *
 * <ul>
 *   <li>As Graph: the organizer cannot respond (400), {@code proposedNewTime} (a {@code timeSlot} of
 *       two {@code dateTimeTimeZone}s, read in their zones) is refused on accept, without
 *       {@code sendResponse} and when the organizer disallowed new time proposals, and a series
 *       master's answer applies to every occurrence.
 *   <li>A declined meeting stays on the calendar with its response, so a tool can read it back.
 * </ul>
 */
final class EventResponses {

    private final CalendarStore store;

    EventResponses(CalendarStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    void respond(String id, String action, ObjectNode body) {
        String response = switch (action) {
            case "accept" -> "accepted";
            case "decline" -> "declined";
            case "tentativelyAccept" -> "tentativelyAccepted";
            default -> throw SandboxGraphException.invalidRequest("Unknown response '" + action + "'.");
        };
        ObjectNode event = store.event(id);
        if (event.path("isOrganizer").asBoolean()) {
            throw SandboxGraphException.invalidRequest(
                    "Your request can't be completed. You can't respond to this meeting because you're the meeting organizer.");
        }
        JsonNode proposed = body.path("proposedNewTime");
        if (proposed.isObject()) {
            if (response.equals("accepted")) {
                throw SandboxGraphException.invalidRequest(
                        "A new time can be proposed only when declining or tentatively accepting.");
            }
            if (!event.path("allowNewTimeProposals").asBoolean()) {
                throw SandboxGraphException.invalidRequest(
                        "The organizer doesn't allow new time proposals for this meeting.");
            }
            if (!body.path("sendResponse").asBoolean(true)) {
                throw SandboxGraphException.invalidRequest("Proposing a new time requires sendResponse to be true.");
            }
            if (!EventJson.zoned(proposed.path("start")).isBefore(EventJson.zoned(proposed.path("end")))) {
                throw SandboxGraphException.invalidRequest("proposedNewTime's end must be after its start.");
            }
        }
        String when = store.now().toString();
        store.change(id, e -> {
            e.putObject("responseStatus").put("response", response).put("time", when);
            e.put("showAs", response.equals("accepted") ? "busy" : response.equals("declined") ? "free" : "tentative");
            for (JsonNode attendee : e.withArray("attendees")) {
                if (attendee.path("emailAddress")
                        .path("address")
                        .asText()
                        .equalsIgnoreCase(store.owner().address())) {
                    ((ObjectNode) attendee)
                            .putObject("status")
                            .put("response", response)
                            .put("time", when);
                    if (proposed.isObject()) {
                        ObjectNode time = ((ObjectNode) attendee).putObject("proposedNewTime");
                        time.set("start", Json.dateTimeTimeZone(EventJson.zoned(proposed.path("start"))));
                        time.set("end", Json.dateTimeTimeZone(EventJson.zoned(proposed.path("end"))));
                    }
                }
            }
        });
    }

    /** Checks the recipients; the sandbox sends nothing further (the forward leaves no trace in Graph either). */
    void forward(String id, ObjectNode body) {
        store.event(id);
        JsonNode to = body.path("toRecipients");
        if (!to.isArray() || to.isEmpty()) {
            throw SandboxGraphException.invalidRequest("Forward needs at least one recipient in 'toRecipients'.");
        }
        to.forEach(Recipient::fromJson);
    }
}

package org.m365mcp.sandbox.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * A {@code calendar} as Graph returns it (calendar.md), and what a request may set on one: a name
 * and one of Graph's {@code calendarColor} values. Stateless; the store checks what needs the other
 * calendars (a name taken).
 */
final class CalendarJson {

    /** Graph's {@code calendarColor} values. */
    static final Set<String> COLORS = Set.of(
            "auto",
            "lightBlue",
            "lightGreen",
            "lightOrange",
            "lightGray",
            "lightYellow",
            "lightTeal",
            "lightPink",
            "lightBrown",
            "lightRed",
            "maxColor");

    private static final Set<String> SETTABLE = Set.of("name", "color");

    private CalendarJson() {}

    /** A new calendar {@code id} from a create request's {@code body}; Graph's 400 for a bad name or color. */
    static ObjectNode created(String id, ObjectNode body, boolean isDefault, Recipient owner) {
        String name = body.path("name").asText("").trim();
        if (name.isEmpty()) {
            throw SandboxGraphException.invalidRequest("A calendar needs a 'name'.");
        }
        String color = body.path("color").asText("auto");
        if (!COLORS.contains(color)) {
            throw new SandboxGraphException(400, "RequestBodyRead", "Requested value '" + color + "' was not found.");
        }
        ObjectNode calendar = Json.object();
        calendar.put("@odata.etag", "W/\"" + id.substring(6, 26) + "\"");
        calendar.put("id", id);
        calendar.put("name", name);
        calendar.put("color", color);
        calendar.put("hexColor", "");
        calendar.put("isDefaultCalendar", isDefault);
        calendar.put("changeKey", id.substring(6, 26));
        calendar.put("canShare", true);
        calendar.put("canViewPrivateItems", true);
        calendar.put("canEdit", true);
        calendar.set("allowedOnlineMeetingProviders", Json.strings(List.of("teamsForBusiness")));
        calendar.put("defaultOnlineMeetingProvider", "teamsForBusiness");
        calendar.put("isTallyingResponses", true);
        calendar.put("isRemovable", !isDefault);
        calendar.set("owner", owner.toJson().get("emailAddress"));
        return calendar;
    }

    /** {@code patch}, when it sets only what a calendar update may; else Graph's 400 naming the property. */
    static ObjectNode settable(ObjectNode patch) {
        patch.fieldNames().forEachRemaining(name -> {
            if (!SETTABLE.contains(name)) {
                throw new SandboxGraphException(
                        400, "ErrorInvalidPropertyRequest", "The property '" + name + "' cannot be set on a calendar.");
            }
        });
        return patch;
    }
}

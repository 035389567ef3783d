package org.m365mcp.tools.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;
import org.m365mcp.tools.NotFound;

/**
 * Calendar tools that add and remove whole calendars.
 *
 * <ul>
 *   <li>Both invalidate the account's {@code calendar_list_calendars}; a delete also its event
 *       lists, searches and free/busy answers, which may have shown the calendar's events.
 *   <li>The default calendar is never deleted: the tool refuses before calling Graph, naming it.
 * </ul>
 */
@ApplicationScoped
public class CalendarFolderTools {

    /** Graph's {@code calendarColor} values a client may choose. */
    static final List<String> COLORS = List.of(
            "auto",
            "lightBlue",
            "lightGreen",
            "lightOrange",
            "lightGray",
            "lightYellow",
            "lightTeal",
            "lightPink",
            "lightBrown",
            "lightRed");

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(name = "calendar_create_calendar", description = "Create a calendar (a name, optionally a color).")
    @InvalidatesCache(@Invalidate(operation = "calendar_list_calendars"))
    public CalendarChanged calendarCreateCalendar(
            @ToolParam(CalendarWriteTools.ACCOUNT) String accountId,
            @ToolParam("Name, unique among the user's calendars") String name,
            @ToolParam(
                            value =
                                    "Color: auto, lightBlue, lightGreen, lightOrange, lightGray, lightYellow, lightTeal,"
                                            + " lightPink, lightBrown or lightRed",
                            defaultValue = "auto")
                    String color) {
        String account = accounts.require(accountId).id();
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new ToolArgumentException("name", "must be 1 to 255 characters");
        }
        String chosen = COLORS.stream()
                .filter(c -> c.equalsIgnoreCase(color == null ? "" : color.strip()))
                .findFirst()
                .orElseThrow(() -> new ToolArgumentException(
                        "color",
                        "must be one of " + String.join(", ", COLORS) + ", got \"" + CalendarArguments.abbreviate(color)
                                + "\""));
        ObjectNode calendar =
                JsonNodeFactory.instance.objectNode().put("name", name.strip()).put("color", chosen);
        JsonNode created;
        try {
            created = graph.post(account, "/me/calendars", calendar);
        } catch (GraphException e) {
            throw e.status() == 409
                    ? new ToolArgumentException("name", "a calendar named '" + name.strip() + "' exists already")
                    : e;
        }
        CalendarSummary summary = CalendarSummary.of(created);
        return new CalendarChanged(accountId, summary.id(), "created", summary.name(), summary.color());
    }

    @McpTool(
            name = "calendar_delete_calendar",
            destructive = true,
            description = "Delete a calendar and every event in it (not the default calendar). Needs confirm: true.")
    @InvalidatesCache({
        @Invalidate(operation = "calendar_list_calendars"),
        @Invalidate(operation = "calendar_list_events"),
        @Invalidate(operation = "calendar_get_event"),
        @Invalidate(operation = "search_events"),
        @Invalidate(operation = "calendar_get_free_busy"),
        @Invalidate(operation = "calendar_check_availability")
    })
    public CalendarChanged calendarDeleteCalendar(
            @ToolParam(CalendarWriteTools.ACCOUNT) String accountId,
            @ToolParam("Calendar id from calendar_list_calendars") String calendarId,
            @ToolParam(value = "Must be true: the calendar and its events are deleted", defaultValue = "false")
                    boolean confirm) {
        String account = accounts.require(accountId).id();
        String id = CalendarArguments.optionalCalendarId("calendar_id", calendarId);
        if (id == null) {
            throw new ToolArgumentException("calendar_id", "is required: a calendar id from calendar_list_calendars");
        }
        JsonNode calendar = NotFound.addressed(
                "calendar_id",
                CalendarTools.NO_CALENDAR,
                id,
                () -> graph.get(account, "/me/calendars/" + id + "?$select=" + CalendarSummary.FIELDS));
        CalendarSummary summary = CalendarSummary.of(calendar);
        if (summary.isDefault()) {
            throw new ToolArgumentException(
                    "calendar_id", "is the default calendar '" + summary.name() + "', which cannot be deleted");
        }
        Confirmation.require(confirm, "deletes calendar '" + summary.name() + "' and every event in it");
        graph.delete(account, "/me/calendars/" + id);
        return new CalendarChanged(accountId, id, "deleted", summary.name(), summary.color());
    }
}

package org.m365mcp.sandbox.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.delta.Change;
import org.m365mcp.sandbox.delta.ChangeLog;
import org.m365mcp.sandbox.delta.DeltaQuery;
import org.m365mcp.sandbox.delta.DeltaSource;

/**
 * {@code /me/calendarView/delta?startDateTime=&endDateTime=} (event-delta.md): the singles, occurrences
 * and exceptions of the default calendar's window, which the tokens keep for the whole sync.
 *
 * <ul>
 *   <li>An event changed outside the window, or moved out of it, shows as {@code @removed} with reason
 *       {@code deleted}, as the page says Graph does.
 *   <li>{@code $select} is not supported (400), nor are {@code $filter}, {@code $orderby}, {@code $search}
 *       (not taken from the first request).
 * </ul>
 */
public final class CalendarViewDelta implements DeltaSource {

    /** The query options a first request may carry ({@code $select} only to be refused). */
    public static final Set<String> OPTIONS = Set.of("startDateTime", "endDateTime", "$select");

    private final CalendarStore store;
    private final String calendarId;
    private final CalendarWindow window;
    private final ChangeLog log;

    public CalendarViewDelta(CalendarStore store, ChangeLog log, GraphRequest request, Map<String, String> options) {
        if (options.containsKey("$select")) {
            throw SandboxGraphException.badRequest("$select is not supported on a calendarView delta.");
        }
        this.store = store;
        this.calendarId = store.defaultCalendarId();
        this.window = CalendarWindow.of(GraphRequest.of(request.serviceRoot(), request.requestUri(), options));
        this.log = log;
    }

    @Override
    public String resource() {
        return "calendarView/" + calendarId + "/" + window.start() + "/" + window.end();
    }

    @Override
    public ChangeLog log() {
        return log;
    }

    @Override
    public String container() {
        return calendarId;
    }

    @Override
    public List<String> currentIds() {
        return store.viewIds(calendarId, window.start(), window.end());
    }

    @Override
    public String orderKey(String id) {
        return id;
    }

    @Override
    public Optional<ObjectNode> render(String id) {
        return store.inView(calendarId, id, window.start(), window.end());
    }

    @Override
    public ObjectNode removed(Change last) {
        return DeltaQuery.removedOutlookItem("event", last.itemId());
    }
}

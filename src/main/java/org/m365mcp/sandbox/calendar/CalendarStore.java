package org.m365mcp.sandbox.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.m365mcp.sandbox.common.Entities;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;
import org.m365mcp.sandbox.delta.ChangeFamily;
import org.m365mcp.sandbox.delta.ChangeKind;
import org.m365mcp.sandbox.delta.ChangeRecorder;

/**
 * One user's calendars and events, in Graph's JSON shape.
 *
 * <ul>
 *   <li>A recurring event is stored as its {@code seriesMaster} plus one {@code occurrence} per
 *       instance, so {@code /events} lists singles and masters while {@code /calendarView}
 *       lists singles, occurrences and exceptions, as Graph does. A PATCHed occurrence becomes an
 *       {@code exception}; a changed master re-expands its occurrences.
 *   <li>Thread-safe: every method holds this store's monitor; returned JSON is a copy.
 * </ul>
 */
public final class CalendarStore {

    private static final Set<String> LISTED = Set.of("singleInstance", "seriesMaster");
    private static final Set<String> IN_VIEW = Set.of("singleInstance", "occurrence", "exception");

    private final String accountId;
    private final Recipient owner;
    private final Clock clock;
    private final String timeZone;
    private final Map<String, ObjectNode> calendars = new LinkedHashMap<>();
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();
    private long sequence;
    private ChangeRecorder changes = ChangeRecorder.NONE;

    CalendarStore(String accountId, Recipient owner, String timeZone, Clock clock) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A calendar store seeded around {@code anchor}: same seed and anchor, same calendar.
     *
     * @param timeZone the mailbox's time zone, a Windows name as Exchange keeps it
     */
    public static CalendarStore seeded(
            String accountId, Recipient owner, String timeZone, long seed, Instant anchor, Clock clock) {
        CalendarStore store = new CalendarStore(accountId, owner, timeZone, clock);
        new CalendarSeeder(store, seed, anchor).seed();
        return store;
    }

    /**
     * From now on, every change to an event, series master or occurrence is reported to {@code recorder};
     * called once the calendar is seeded.
     */
    public synchronized void recordChangesTo(ChangeRecorder recorder) {
        changes = Objects.requireNonNull(recorder, "recorder");
    }

    /** The default calendar's id. */
    public synchronized String defaultCalendarId() {
        return defaultCalendar().path("id").asText();
    }

    /** The ids of what {@link #view} lists. */
    public synchronized List<String> viewIds(String calendarId, Instant from, Instant to) {
        return view(calendarId, from, to).stream()
                .map(e -> e.path("id").asText())
                .toList();
    }

    /** The event, occurrence or exception {@code id} if {@link #view} lists it now. */
    public synchronized java.util.Optional<ObjectNode> inView(String calendarId, String id, Instant from, Instant to) {
        ObjectNode e = events.get(id);
        boolean listed = e != null
                && e.path("calendarId").asText().equals(calendarId)
                && IN_VIEW.contains(e.path("type").asText())
                && EventJson.start(e).isBefore(to)
                && EventJson.end(e).isAfter(from);
        return listed ? java.util.Optional.of(EventJson.visible(e)) : java.util.Optional.empty();
    }

    private void record(ObjectNode event, ChangeKind kind) {
        changes.record(
                ChangeFamily.EVENT,
                event.path("calendarId").asText(),
                event.path("id").asText(),
                kind);
    }

    Recipient owner() {
        return owner;
    }

    /** The mailbox's time zone, a Windows name ({@code Pacific Standard Time}). */
    public String timeZone() {
        return timeZone;
    }

    /**
     * Graph's {@code workingHours} of this mailbox: Monday to Friday, 08:00 to 17:00 in its time zone.
     * Exchange keeps them with the calendar; mailboxSettings and getSchedule both show them.
     */
    public ObjectNode workingHours() {
        ObjectNode hours = Json.object();
        hours.set("daysOfWeek", Json.strings(List.of("monday", "tuesday", "wednesday", "thursday", "friday")));
        hours.put("startTime", "08:00:00.0000000").put("endTime", "17:00:00.0000000");
        hours.putObject("timeZone").put("name", timeZone);
        return hours;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized String newId(String kind) {
        sequence++;
        return SandboxIds.item(kind, accountId, "new/" + sequence);
    }

    // ---- calendars

    synchronized List<ObjectNode> calendars() {
        return calendars.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized ObjectNode calendar(String id) {
        ObjectNode calendar = calendars.get(id);
        if (calendar == null) {
            throw SandboxGraphException.itemNotFound();
        }
        return calendar.deepCopy();
    }

    synchronized ObjectNode defaultCalendar() {
        return calendars.values().stream()
                .filter(c -> c.path("isDefaultCalendar").asBoolean())
                .findFirst()
                .orElseThrow()
                .deepCopy();
    }

    synchronized ObjectNode createCalendar(String id, ObjectNode body, boolean isDefault) {
        String name = body.path("name").asText("").trim();
        if (calendars.values().stream().anyMatch(c -> c.path("name").asText().equalsIgnoreCase(name))) {
            throw new SandboxGraphException(
                    409, "ErrorFolderExists", "A folder with the specified name already exists.");
        }
        ObjectNode calendar = CalendarJson.created(id, body, isDefault, owner);
        calendars.put(id, calendar);
        return calendar.deepCopy();
    }

    synchronized ObjectNode updateCalendar(String id, ObjectNode patch) {
        ObjectNode calendar = calendars.get(id);
        if (calendar == null) {
            throw SandboxGraphException.itemNotFound();
        }
        Json.merge(calendar, CalendarJson.settable(patch));
        return calendar.deepCopy();
    }

    synchronized void deleteCalendar(String id) {
        if (calendar(id).path("isDefaultCalendar").asBoolean()) {
            throw new SandboxGraphException(400, "ErrorCannotDeleteObject", "The default calendar cannot be deleted.");
        }
        calendars.remove(id);
        removeEvents(e -> e.path("calendarId").asText().equals(id));
    }

    // ---- events

    /** {@code /events}: singles and series masters of a calendar, in creation order. */
    synchronized List<ObjectNode> events(String calendarId) {
        calendar(calendarId);
        return events.values().stream()
                .filter(e -> e.path("calendarId").asText().equals(calendarId)
                        && LISTED.contains(e.path("type").asText()))
                .map(EventJson::visible)
                .toList();
    }

    /** {@code /calendarView}: what happens between {@code from} and {@code to}, by start time. */
    synchronized List<ObjectNode> view(String calendarId, Instant from, Instant to) {
        calendar(calendarId);
        return events.values().stream()
                .filter(e -> e.path("calendarId").asText().equals(calendarId)
                        && IN_VIEW.contains(e.path("type").asText()))
                .filter(e -> EventJson.start(e).isBefore(to) && EventJson.end(e).isAfter(from))
                .sorted(Comparator.comparing(EventJson::start)
                        .thenComparing(e -> e.path("id").asText()))
                .map(EventJson::visible)
                .toList();
    }

    /** Every single event, occurrence and exception of every calendar, for search. */
    public synchronized List<ObjectNode> allInstances() {
        return events.values().stream()
                .filter(e -> IN_VIEW.contains(e.path("type").asText()))
                .sorted(Comparator.comparing(EventJson::start))
                .map(EventJson::visible)
                .toList();
    }

    synchronized ObjectNode event(String id) {
        return EventJson.visible(find(id));
    }

    /** Creates an event (and, for a recurrence, its occurrences) in {@code calendarId}. */
    synchronized ObjectNode createEvent(String calendarId, String id, ObjectNode body, Recipient organizer) {
        calendar(calendarId);
        ObjectNode event = EventJson.create(id, calendarId, organizer, organizer.equals(owner), now(), body);
        events.put(id, event);
        record(event, ChangeKind.CREATED);
        expand(event);
        return EventJson.visible(event);
    }

    synchronized ObjectNode updateEvent(String id, ObjectNode patch) {
        ObjectNode event = find(id);
        EventJson.apply(event, patch, now());
        record(event, ChangeKind.UPDATED);
        switch (event.path("type").asText()) {
            case "occurrence" -> event.put("type", "exception");
            case "seriesMaster", "singleInstance" -> expand(event);
            default -> {}
        }
        return EventJson.visible(event);
    }

    synchronized void deleteEvent(String id) {
        ObjectNode event = find(id);
        events.remove(id);
        record(event, ChangeKind.DELETED);
        removeEvents(
                e -> e.path("seriesMasterId").asText().equals(event.path("id").asText()));
    }

    /** Runs {@code change} on the stored event (and a master's occurrences); returns a copy of the event. */
    synchronized ObjectNode change(String id, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode event = find(id);
        change.accept(event);
        Entities.renewChangeKey(event);
        record(event, ChangeKind.UPDATED);
        events.values().stream()
                .filter(e -> e.path("seriesMasterId").asText().equals(id))
                .forEach(e -> {
                    change.accept(e);
                    Entities.renewChangeKey(e);
                    record(e, ChangeKind.UPDATED);
                });
        return EventJson.visible(event);
    }

    private ObjectNode find(String id) {
        ObjectNode event = events.get(id);
        if (event == null) {
            throw SandboxGraphException.itemNotFound();
        }
        return event;
    }

    /** Re-creates a master's occurrences; an event without recurrence is a single instance. */
    private void expand(ObjectNode event) {
        String id = event.path("id").asText();
        removeEvents(e -> e.path("seriesMasterId").asText().equals(id));
        if (!event.path("recurrence").isObject()) {
            event.put("type", "singleInstance");
            return;
        }
        event.put("type", "seriesMaster");
        for (ObjectNode occurrence : Recurrence.occurrences(event, accountId)) {
            events.put(occurrence.path("id").asText(), occurrence);
            record(occurrence, ChangeKind.CREATED);
        }
    }

    private void removeEvents(java.util.function.Predicate<ObjectNode> which) {
        List<ObjectNode> gone = events.values().stream().filter(which).toList();
        gone.forEach(e -> {
            events.remove(e.path("id").asText());
            record(e, ChangeKind.DELETED);
        });
    }
}

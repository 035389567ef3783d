package org.m365mcp.sandbox.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * {@code POST /me/calendar/getSchedule}: free/busy of several people over a window, as Graph's
 * {@code scheduleInformation} with {@code availabilityView}, {@code scheduleItems} and {@code workingHours}.
 *
 * <ul>
 *   <li>{@code startTime}/{@code endTime} are {@code dateTimeTimeZone}s read in their own zone, as Graph
 *       reads them; the items are served in UTC, like the events.
 *   <li>The tenant's accounts answer from their real default calendar and their mailbox's working
 *       hours (in the mailbox's zone); other {@code @contoso.sandbox}
 *       colleagues from a deterministic made-up day (busy hours derived from their address and the
 *       date); anyone else gets Graph's per-schedule error.
 *   <li>{@code availabilityView} has one digit per {@code availabilityViewInterval} minutes (default
 *       30, 5–1440): 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere; the strongest
 *       status in a slot wins.
 * </ul>
 */
final class FreeBusy {

    private static final List<String> BY_STRENGTH = List.of("free", "workingElsewhere", "tentative", "busy", "oof");

    private final Function<String, Optional<CalendarStore>> directory;

    FreeBusy(Function<String, Optional<CalendarStore>> directory) {
        this.directory = directory;
    }

    ObjectNode schedule(ObjectNode body, GraphRequest request) {
        JsonNode schedules = body.path("schedules");
        if (!schedules.isArray() || schedules.isEmpty()) {
            throw SandboxGraphException.invalidRequest("getSchedule needs 'schedules', a list of addresses.");
        }
        if (!body.path("startTime").isObject() || !body.path("endTime").isObject()) {
            throw SandboxGraphException.invalidRequest(
                    "getSchedule needs 'startTime' and 'endTime' as dateTimeTimeZone.");
        }
        Instant start = EventJson.zoned(body.path("startTime"));
        Instant end = EventJson.zoned(body.path("endTime"));
        int interval = body.path("availabilityViewInterval").asInt(30);
        if (!start.isBefore(end) || interval < 5 || interval > 1440) {
            throw SandboxGraphException.invalidRequest(
                    "startTime must be before endTime and availabilityViewInterval 5-1440.");
        }
        ObjectNode out = Json.object();
        out.put("@odata.context", request.context("Collection(microsoft.graph.scheduleInformation)"));
        ArrayNode value = out.putArray("value");
        for (JsonNode schedule : schedules) {
            value.add(one(schedule.asText(), start, end, interval));
        }
        return out;
    }

    private ObjectNode one(String address, Instant start, Instant end, int interval) {
        ObjectNode info = Json.object().put("scheduleId", address);
        List<ObjectNode> items;
        ObjectNode workingHours = madeUpWorkingHours();
        Optional<CalendarStore> store = directory.apply(address);
        if (store.isPresent()) {
            CalendarStore calendar = store.get();
            workingHours = calendar.workingHours();
            items = calendar.view(calendar.defaultCalendar().path("id").asText(), start, end).stream()
                    .filter(e -> !e.path("isCancelled").asBoolean()
                            && !e.path("showAs").asText().equals("free"))
                    .map(FreeBusy::item)
                    .toList();
        } else if (address.toLowerCase(Locale.ROOT).endsWith("@" + Recipient.DOMAIN)) {
            items = madeUp(address, start, end);
        } else {
            info.putObject("error")
                    .put("message", "The specified emailAddress is not valid or could not be found.")
                    .put("responseCode", "ErrorMailRecipientNotFound");
            return info;
        }
        StringBuilder view = new StringBuilder();
        for (Instant slot = start; slot.isBefore(end); slot = slot.plus(Duration.ofMinutes(interval))) {
            Instant slotEnd = slot.plus(Duration.ofMinutes(interval));
            Instant from = slot;
            int strongest = items.stream()
                    .filter(i -> Json.instant(i.path("start")).isBefore(slotEnd)
                            && Json.instant(i.path("end")).isAfter(from))
                    .mapToInt(i -> BY_STRENGTH.indexOf(i.path("status").asText()))
                    .max()
                    .orElse(0);
            view.append(
                    switch (BY_STRENGTH.get(Math.max(0, strongest))) {
                        case "tentative" -> '1';
                        case "busy" -> '2';
                        case "oof" -> '3';
                        case "workingElsewhere" -> '4';
                        default -> '0';
                    });
        }
        info.put("availabilityView", view.toString());
        info.set("scheduleItems", Json.array().addAll(items));
        info.set("workingHours", workingHours);
        return info;
    }

    private static ObjectNode item(ObjectNode event) {
        ObjectNode item = Json.object();
        item.put("isPrivate", event.path("sensitivity").asText().equals("private"));
        item.put("status", event.path("showAs").asText("busy"));
        item.put("subject", event.path("subject").asText());
        item.put("location", event.path("location").path("displayName").asText());
        item.set("start", event.get("start"));
        item.set("end", event.get("end"));
        return item;
    }

    /** A made-up colleague's working hours: Monday to Friday 08:00–17:00 UTC, where their made-up day is. */
    private static ObjectNode madeUpWorkingHours() {
        ObjectNode hours = Json.object();
        hours.set("daysOfWeek", Json.strings(List.of("monday", "tuesday", "wednesday", "thursday", "friday")));
        hours.put("startTime", "08:00:00.0000000").put("endTime", "17:00:00.0000000");
        hours.putObject("timeZone").put("name", "UTC");
        return hours;
    }

    /** One or two busy hours per working day, the same for the same address and day. */
    private static List<ObjectNode> madeUp(String address, Instant start, Instant end) {
        List<ObjectNode> items = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
                day.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(end);
                day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            int hash = Math.floorMod((address.toLowerCase(Locale.ROOT) + day).hashCode(), 1 << 16);
            for (int i = 0; i < 1 + hash % 2; i++) {
                Instant busy = day.atTime(9 + (hash >> (3 * i)) % 8, 0).toInstant(ZoneOffset.UTC);
                ObjectNode item = Json.object().put("isPrivate", false).put("status", "busy");
                item.set("start", Json.dateTimeTimeZone(busy));
                item.set("end", Json.dateTimeTimeZone(busy.plus(Duration.ofHours(1))));
                items.add(item);
            }
        }
        return items;
    }
}

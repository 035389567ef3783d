package org.m365mcp.sandbox.calendar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.People;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * Seeds a working calendar around {@code anchor}, from {@link #WEEKS} weeks before its week to as many
 * after: a daily stand-up, a weekly team sync, a fortnightly 1:1 and a monthly review as recurring
 * series; meetings on about half the working days, some organized by others and not yet answered;
 * an offsite and a vacation as all-day events; and a "Project Mark 8" calendar of milestones.
 *
 * <p>Deterministic for a seed and anchor; single use; not thread-safe (seeding only).
 */
final class CalendarSeeder {

    static final int WEEKS = 8;

    private static final String[] ROOMS = {
        "Conf Room Rainier", "Conf Room Baker", "Conf Room Adams", "Microsoft Teams Meeting", "Conf Room Hood"
    };
    private static final int[] HOURS = {11, 13, 14, 15, 16};

    private final CalendarStore store;
    private final Random random;
    private final Instant anchor;
    /** What seeded ids are derived from: the owner's address, unique in the tenant. */
    private final String idScope;

    private int counter;

    CalendarSeeder(CalendarStore store, long seed, Instant anchor) {
        this.store = store;
        this.random = new Random(seed * 31 + 7);
        this.anchor = anchor;
        this.idScope = store.owner().address();
    }

    void seed() {
        String calendarId = store.createCalendar(
                        SandboxIds.item("calendar", idScope, "default"),
                        Json.object().put("name", "Calendar"),
                        true)
                .path("id")
                .asText();
        String projectId = store.createCalendar(
                        SandboxIds.item("calendar", idScope, "mark8"),
                        Json.object().put("name", "Project Mark 8").put("color", "lightGreen"),
                        false)
                .path("id")
                .asText();
        LocalDate monday =
                LocalDate.ofInstant(anchor, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = monday.minusWeeks(WEEKS);
        LocalDate last = monday.plusWeeks(WEEKS).plusDays(4);
        Recipient lead = colleague();
        Recipient manager = colleague();

        series(
                calendarId,
                "Daily stand-up",
                lead,
                first,
                last,
                9,
                0,
                15,
                weekly("monday", "tuesday", "wednesday", "thursday", "friday"));
        series(calendarId, "Weekly team sync", store.owner(), first, last, 10, 0, 60, weekly("monday"));
        ObjectNode fortnightly = weekly("wednesday");
        fortnightly.put("interval", 2);
        series(calendarId, "1:1 with " + manager.firstName(), manager, first, last, 14, 0, 30, fortnightly);
        ObjectNode monthly = Json.object()
                .put("type", "absoluteMonthly")
                .put("interval", 1)
                .put("dayOfMonth", Math.min(28, first.getDayOfMonth()));
        series(calendarId, "Monthly business review", colleague(), first, last, 16, 0, 60, monthly);

        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5 && random.nextInt(100) < 55) {
                meeting(calendarId, day);
            }
        }
        allDay(calendarId, "Contoso offsite", monday.plusWeeks(2).plusDays(3), 2, "oof");
        allDay(calendarId, "Vacation", monday.plusWeeks(5), 5, "oof");
        for (int i = 0; i < 8; i++) {
            LocalDate day = first.plusWeeks(2L * i).plusDays(4);
            ObjectNode spec = timed(
                    "Mark 8 milestone " + (i + 1) + ": " + People.TOPICS[i % People.TOPICS.length], day, 15, 0, 30);
            spec.put("showAs", "free");
            spec.putArray("categories").add("Project Mark 8");
            store.createEvent(projectId, id(), spec, store.owner());
        }
    }

    private void series(
            String calendarId,
            String subject,
            Recipient organizer,
            LocalDate first,
            LocalDate last,
            int hour,
            int minute,
            int minutes,
            ObjectNode pattern) {
        ObjectNode spec = timed(subject, first, hour, minute, minutes);
        ObjectNode recurrence = spec.putObject("recurrence");
        recurrence.set("pattern", pattern);
        recurrence
                .putObject("range")
                .put("type", "endDate")
                .put("startDate", first.toString())
                .put("endDate", last.toString())
                .put("recurrenceTimeZone", "UTC");
        spec.set("attendees", attendees(3));
        spec.put("isOnlineMeeting", true);
        spec.put("onlineMeetingProvider", "teamsForBusiness");
        String id =
                store.createEvent(calendarId, id(), spec, organizer).path("id").asText();
        if (!organizer.equals(store.owner())) {
            answer(id, "accepted");
        }
    }

    private void meeting(String calendarId, LocalDate day) {
        String topic = People.TOPICS[random.nextInt(People.TOPICS.length)];
        String[] kinds = {"Review: %s", "%s sync", "Workshop: %s", "Planning the %s", "%s check-in"};
        String subject = String.format(kinds[random.nextInt(kinds.length)], topic);
        subject = Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
        int hour = HOURS[random.nextInt(HOURS.length)];
        ObjectNode spec = timed(subject, day, hour, random.nextBoolean() ? 0 : 30, random.nextBoolean() ? 30 : 60);
        String room = ROOMS[random.nextInt(ROOMS.length)];
        spec.putObject("location").put("displayName", room);
        spec.putObject("body")
                .put("contentType", "text")
                .put("content", "Agenda: " + topic + ".\n1. Where we are\n2. Open questions\n3. Next steps");
        spec.set("attendees", attendees(2 + random.nextInt(3)));
        spec.put("isOnlineMeeting", room.startsWith("Microsoft Teams"));
        spec.put("importance", random.nextInt(10) == 0 ? "high" : "normal");
        boolean mine = random.nextInt(100) < 40;
        Recipient organizer = mine ? store.owner() : colleague();
        String id =
                store.createEvent(calendarId, id(), spec, organizer).path("id").asText();
        if (!mine) {
            int roll = random.nextInt(100);
            boolean future = day.atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(anchor);
            answer(id, roll < 60 || !future ? "accepted" : roll < 75 ? "tentativelyAccepted" : "notResponded");
        }
    }

    private void allDay(String calendarId, String subject, LocalDate day, int days, String showAs) {
        ObjectNode spec =
                Json.object().put("subject", subject).put("isAllDay", true).put("showAs", showAs);
        spec.set("start", Json.dateTimeTimeZone(day.atStartOfDay().toInstant(ZoneOffset.UTC)));
        spec.set("end", Json.dateTimeTimeZone(day.plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC)));
        spec.put("responseRequested", false);
        store.createEvent(calendarId, id(), spec, store.owner());
    }

    private ObjectNode timed(String subject, LocalDate day, int hour, int minute, int minutes) {
        Instant start = day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
        ObjectNode spec = Json.object().put("subject", subject);
        spec.set("start", Json.dateTimeTimeZone(start));
        spec.set("end", Json.dateTimeTimeZone(start.plus(Duration.ofMinutes(minutes))));
        return spec;
    }

    private void answer(String id, String response) {
        String showAs = response.equals("tentativelyAccepted") ? "tentative" : "busy";
        store.change(id, e -> {
            e.putObject("responseStatus")
                    .put("response", response)
                    .put("time", anchor.minus(Duration.ofDays(20)).toString());
            e.put("showAs", showAs);
        });
    }

    private ArrayNode attendees(int count) {
        ArrayNode out = Json.array();
        out.add(store.owner().toJson().put("type", "required"));
        for (int i = 0; i < count; i++) {
            out.add(colleague().toJson().put("type", i == count - 1 ? "optional" : "required"));
        }
        return out;
    }

    private Recipient colleague() {
        Recipient someone;
        do {
            someone = Recipient.colleague(People.NAMES[random.nextInt(People.NAMES.length)]);
        } while (someone.equals(store.owner()));
        return someone;
    }

    private static ObjectNode weekly(String... days) {
        ObjectNode pattern =
                Json.object().put("type", "weekly").put("interval", 1).put("firstDayOfWeek", "sunday");
        pattern.set("daysOfWeek", Json.strings(List.of(days)));
        return pattern;
    }

    private String id() {
        return SandboxIds.item("event", idScope, "seed/" + counter++);
    }
}

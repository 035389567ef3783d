package org.m365mcp.load;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * External changes and how soon a cached read shows each: new mail, a flag set, a message deleted, one
 * moved to Archive (demo2's inbox), a file renamed (demo's drive), an event moved (demo2's calendar),
 * in turn. Each is made straight on the sandbox's Graph API with the account's own token ("another
 * client") after a seeded random wait, so it lands at a random moment of the polling cycle; then the
 * watched listing is read every 250 ms until a {@code fresh} answer shows the change, at most two
 * minutes. Times run from the change's Graph response to the answer.
 *
 * <ul>
 *   <li>The first answer showing it may be a {@code miss}: the sync dropped the listing and the read
 *       came before the background refetch had stored it again. Reading every 250 ms finds that window
 *       when it lasts longer, so both times are kept: the first answer showing it, and the first
 *       {@code fresh} one.
 * </ul>
 */
final class SyncChanges {

    static final String DEMO_TOKEN = "sandbox-demo-token";
    static final String DEMO2_TOKEN = "sandbox-demo2-token";
    static final String MEGAN = "megan.bowen@contoso.sandbox";
    static final long GIVE_UP_MS = 120_000;
    private static final long READ_EVERY_MS = 250;
    private static final String[] KINDS = {"new_mail", "flag", "delete", "move", "file_rename", "event_moved"};

    /**
     * One external change and when reads showed it.
     *
     * @param visibleAfterMs the first answer showing it (-1: none in two minutes), in {@code state}
     * @param freshAfterMs   the first {@code fresh} answer showing it (-1: none in two minutes)
     * @param misses         answers in state {@code miss} until then
     */
    record Change(
            String kind, long waitedMs, long visibleAfterMs, String state, long freshAfterMs, int misses, int reads) {}

    /**
     * @param maxWaitMs the random wait before each change is drawn from 0 to this
     * @param all       first answer showing it, over every change shown; null when none was
     * @param fresh     first {@code fresh} answer showing it, likewise
     * @param states    cache states of the first answers showing a change
     */
    record Figures(
            int maxWaitMs,
            List<Change> changes,
            Timings all,
            Map<String, Timings> byKind,
            Timings fresh,
            Map<String, Timings> freshByKind,
            Map<String, Integer> states,
            long neverShown,
            long neverFresh) {

        String summary() {
            return table("first answer showing the change", byKind, all)
                    + table("first fresh answer showing it", freshByKind, fresh)
                    + "states of the first answers showing it: " + states + "; never shown: " + neverShown
                    + ", never fresh: " + neverFresh + "\n";
        }

        private static String table(String title, Map<String, Timings> byKind, Timings all) {
            StringBuilder out = new StringBuilder(
                    title + "\n| change | n | p50 (s) | p95 (s) | max (s) |\n|---|--:|--:|--:|--:|\n");
            byKind.forEach((kind, t) -> out.append(row(kind, t)));
            if (all != null) {
                out.append(row("all", all));
            }
            return out.toString();
        }

        private static String row(String kind, Timings t) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %.1f |%n",
                    kind,
                    t.calls(),
                    t.p50Ms() / 1000,
                    t.p95Ms() / 1000,
                    t.maxMs() / 1000);
        }
    }

    private SyncChanges() {}

    static Figures run(LoadServer server, SyncReads reads, int count, int maxWaitMs, Random random) throws Exception {
        System.out.println(count + " external changes, each after a random wait of 0–" + maxWaitMs + " ms");
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int wait = random.nextInt(maxWaitMs + 1);
            Thread.sleep(wait);
            Change change = change(KINDS[i % KINDS.length], wait, server, reads);
            System.out.println("  " + change);
            changes.add(change);
        }
        Map<String, Integer> states = new TreeMap<>();
        changes.forEach(c -> states.merge(c.state(), 1, Integer::sum));
        List<Change> shown =
                changes.stream().filter(c -> c.visibleAfterMs() >= 0).toList();
        List<Change> fresh = changes.stream().filter(c -> c.freshAfterMs() >= 0).toList();
        return new Figures(
                maxWaitMs,
                List.copyOf(changes),
                timings(shown, Change::visibleAfterMs),
                byKind(shown, Change::visibleAfterMs),
                timings(fresh, Change::freshAfterMs),
                byKind(fresh, Change::freshAfterMs),
                states,
                changes.size() - shown.size(),
                changes.size() - fresh.size());
    }

    private static Timings timings(List<Change> changes, ToLongFunction<Change> ms) {
        return changes.isEmpty()
                ? null
                : Timings.of(
                        changes.stream().map(c -> ms.applyAsLong(c) * 1_000_000).toList());
    }

    private static Map<String, Timings> byKind(List<Change> changes, ToLongFunction<Change> ms) {
        Map<String, List<Change>> kinds = new LinkedHashMap<>();
        changes.forEach(
                c -> kinds.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c));
        Map<String, Timings> out = new LinkedHashMap<>();
        kinds.forEach((kind, list) -> out.put(kind, timings(list, ms)));
        return out;
    }

    private static Change change(String kind, int waited, LoadServer server, SyncReads reads) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Supplier<Map<String, Object>> read = reads::inbox;
        Predicate<Map<String, Object>> shows;
        switch (kind) {
            case "new_mail" -> {
                String subject = "Load sync " + unique;
                server.graphAs(DEMO_TOKEN, "POST", "/me/sendMail", newMail(subject));
                shows = answer -> SyncReads.messages(answer).stream().anyMatch(m -> subject.equals(m.get("subject")));
            }
            case "flag" -> {
                Object id = SyncReads.messages(reads.inbox()).stream()
                        .filter(m -> Boolean.FALSE.equals(m.get("flagged")))
                        .findFirst()
                        .orElseThrow()
                        .get("id");
                server.graphAs(DEMO2_TOKEN, "PATCH", "/me/messages/" + id, "{\"flag\":{\"flagStatus\":\"flagged\"}}");
                shows = answer -> SyncReads.messages(answer).stream()
                        .anyMatch(m -> m.get("id").equals(id) && Boolean.TRUE.equals(m.get("flagged")));
            }
            case "delete", "move" -> {
                Object id = SyncReads.messages(reads.inbox()).get(0).get("id");
                removeFromInbox(server, kind, id);
                shows = answer -> SyncReads.messages(answer).stream()
                        .noneMatch(m -> m.get("id").equals(id));
            }
            case "file_rename" -> {
                Map<String, Object> file = SyncReads.items(reads.files(), "files").stream()
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "the cached file_list of " + reads.filesFolder() + " is empty"));
                String name = "Renamed " + unique;
                server.graphAs(DEMO_TOKEN, "PATCH", "/me/drive/items/" + file.get("id"), "{\"name\":\"" + name + "\"}");
                read = reads::files;
                shows = answer -> SyncReads.items(answer, "files").stream().anyMatch(f -> name.equals(f.get("name")));
            }
            case "event_moved" -> {
                String at = moveEvent(server, reads, unique);
                String id = at.substring(at.indexOf(' ') + 1);
                String start = at.substring(0, at.indexOf(' '));
                read = reads::week;
                shows = answer -> SyncReads.items(answer, "events").stream()
                        .anyMatch(e -> e.get("id").equals(id)
                                && String.valueOf(e.get("start")).startsWith(start));
            }
            default -> throw new IllegalArgumentException(kind);
        }
        long started = System.nanoTime();
        long visible = -1;
        String state = "never";
        int count = 0;
        int misses = 0;
        while (true) {
            Map<String, Object> answer = read.get();
            count++;
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            String now = LoadTools.cacheState(answer);
            misses += now.equals("miss") ? 1 : 0;
            if (shows.test(answer)) {
                if (visible < 0) {
                    visible = elapsedMs;
                    state = now;
                }
                if (now.equals("fresh")) {
                    return new Change(kind, waited, visible, state, elapsedMs, misses, count);
                }
            }
            if (elapsedMs > GIVE_UP_MS) {
                return new Change(kind, waited, visible, state, -1, misses, count);
            }
            Thread.sleep(READ_EVERY_MS);
        }
    }

    /** Graph's {@code sendMail} body of a message from demo to demo2 (Megan). */
    static String newMail(String subject) {
        return "{\"message\":{\"subject\":\"" + subject + "\",\"toRecipients\":[{\"emailAddress\":{\"address\":\""
                + MEGAN + "\"}}]}}";
    }

    /** Deletes message {@code id} of demo2, or moves it to Archive, as another client. */
    static void removeFromInbox(LoadServer server, String kind, Object id) throws Exception {
        if (kind.equals("delete")) {
            server.graphAs(DEMO2_TOKEN, "DELETE", "/me/messages/" + id, null);
        } else {
            server.graphAs(DEMO2_TOKEN, "POST", "/me/messages/" + id + "/move", "{\"destinationId\":\"archive\"}");
        }
    }

    /**
     * Creates an event of demo2 three days ahead, waits until the cached week shows it, then moves it
     * as another client; answers "{new start} {id}".
     */
    private static String moveEvent(LoadServer server, SyncReads reads, String unique) throws Exception {
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        String id = server.graphAs(
                        DEMO2_TOKEN,
                        "POST",
                        "/me/events",
                        "{\"subject\":\"To be moved " + unique + "\",\"start\":{\"dateTime\":\"" + day
                                + "T15:00:00\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + day
                                + "T16:00:00\",\"timeZone\":\"UTC\"}}")
                .path("id")
                .asText();
        long deadline = System.currentTimeMillis() + GIVE_UP_MS;
        while (SyncReads.items(reads.week(), "events").stream()
                        .noneMatch(e -> e.get("id").equals(id))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(READ_EVERY_MS);
        }
        String at = day + "T06:" + String.format(Locale.ROOT, "%02d", Math.floorMod(unique.hashCode(), 50));
        server.graphAs(
                DEMO2_TOKEN,
                "PATCH",
                "/me/events/" + id,
                "{\"start\":{\"dateTime\":\"" + at + ":00\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + day
                        + "T07:30:00\",\"timeZone\":\"UTC\"}}");
        return at + " " + id;
    }
}

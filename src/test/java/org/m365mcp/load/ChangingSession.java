package org.m365mcp.load;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.m365mcp.load.AssistantSession.Captured;
import org.m365mcp.load.AssistantSession.Step;

/**
 * The assistant session ({@link AssistantSession#readsOnly()} on demo2) replayed while another client
 * changes demo2's inbox: before 10 % of the reads of each pass, chosen by the seeded random, one
 * change (new mail, a flag set, a message deleted or moved to Archive) is made straight on the
 * sandbox's Graph API. Every later answer the change applies to is checked against it.
 *
 * <ul>
 *   <li>Applies to: new mail, the inbox's first page; a flag, any listing holding the message and its
 *       {@code email_get}; a delete, the inbox's listings and the message's {@code email_get} (a tool
 *       error, "not found", shows it); a move, the inbox's listings.
 *   <li>A missed change: an answer that does not show a change made more than {@code intervalMs}
 *       before the read (the sync interval: 30 s polling; 5 s, the target, with notifications).
 *       Answers missing a younger change are counted apart: the sync cannot have seen it yet.
 *   <li>One pass without changes first (not counted) fills the cache; between the calls of the counted
 *       passes the assistant "thinks" a seeded random 0–{@code thinkMs}.
 * </ul>
 */
final class ChangingSession {

    private static final String[] KINDS = {"new_mail", "flag", "delete", "move"};

    /** One change made during the replay. */
    record Change(String kind, String messageId, String subject, long madeAtNanos) {}

    /** An answer that did not show a change older than the interval. */
    record Missed(String tool, Map<String, Object> arguments, String kind, double changeAgeS, String state) {}

    /**
     * @param reads      reads of the counted passes
     * @param fromCache  of those, answered fresh or stale
     * @param checked    answers a change applied to
     * @param notFromCache the counted reads not answered from the cache: tool, arguments, state, and
     *                     seconds since the last change
     */
    record Figures(
            int passes,
            long intervalMs,
            int reads,
            int fromCache,
            double cacheShare,
            Map<String, Integer> states,
            Map<String, Integer> changes,
            int checked,
            int missedOlder,
            int missedYounger,
            List<Missed> missed,
            List<String> notFromCache) {

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "session: %d reads, %d from the cache (%.1f %%) %s; changes %s; %d answers checked, %d missed a"
                            + " change older than %d s, %d a younger one%n",
                    reads,
                    fromCache,
                    cacheShare * 100,
                    states,
                    changes,
                    checked,
                    missedOlder,
                    intervalMs / 1000,
                    missedYounger);
        }
    }

    private final LoadServer server;
    private final McpSyncClient client;
    private final Random random;
    private final long intervalMs;
    private final List<Change> made = new ArrayList<>();
    private final Set<String> touched = new HashSet<>();
    private final List<Missed> missed = new ArrayList<>();
    private final Map<String, Integer> states = new TreeMap<>();
    private final List<String> notFromCache = new ArrayList<>();
    private List<Map<String, Object>> inbox = List.of();
    private int checked;
    private int younger;

    private ChangingSession(LoadServer server, McpSyncClient client, Random random, long intervalMs) {
        this.server = server;
        this.client = client;
        this.random = random;
        this.intervalMs = intervalMs;
    }

    static Figures run(LoadServer server, McpSyncClient client, Random random, int passes, int thinkMs, long intervalMs)
            throws Exception {
        System.out.println("Session replay on demo2: 1 pass to fill the cache, " + passes
                + " with an external change before 10 % of the reads");
        ChangingSession session = new ChangingSession(server, client, random, intervalMs);
        List<Step> script = AssistantSession.readsOnly();
        session.pass(script, 0, Set.of());
        session.states.clear();
        session.notFromCache.clear();
        int reads = 0;
        for (int pass = 0; pass < passes; pass++) {
            List<Integer> indices = IntStream.range(0, script.size())
                    .filter(i -> script.get(i).read())
                    .boxed()
                    .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
            reads += indices.size();
            Collections.shuffle(indices, random);
            session.pass(script, thinkMs, Set.copyOf(indices.subList(0, Math.round(indices.size() / 10f))));
        }
        int fromCache = session.states.getOrDefault("fresh", 0) + session.states.getOrDefault("stale", 0);
        Map<String, Integer> kinds = new TreeMap<>();
        session.made.forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
        return new Figures(
                passes,
                intervalMs,
                reads,
                fromCache,
                Math.round(fromCache * 10_000.0 / reads) / 10_000.0,
                Map.copyOf(session.states),
                kinds,
                session.checked,
                session.missed.size(),
                session.younger,
                List.copyOf(session.missed),
                List.copyOf(session.notFromCache));
    }

    private void pass(List<Step> script, int thinkMs, Set<Integer> changeBefore) throws Exception {
        Map<String, List<String>> captured = new HashMap<>();
        for (int i = 0; i < script.size(); i++) {
            Step step = script.get(i);
            if (changeBefore.contains(i)) {
                change(KINDS[random.nextInt(KINDS.length)]);
            }
            Map<String, Object> arguments = new LinkedHashMap<>(step.arguments().apply(new Captured(captured)));
            if (!step.tool().equals("account_list")) {
                arguments.put("account_id", SyncReads.ACCOUNT);
            }
            CallToolResult result = client.callTool(new CallToolRequest(step.tool(), arguments));
            boolean error = Boolean.TRUE.equals(result.isError()) || result.structuredContent() == null;
            Map<String, Object> answer = error ? Map.of() : LoadTools.structured(step.tool(), result);
            if (step.read()) {
                String state = error ? "error" : LoadTools.cacheState(answer);
                states.merge(state, 1, Integer::sum);
                if (!LoadTools.isHit(state)) {
                    notFromCache.add(step.tool() + " " + step.arguments().apply(new Captured(captured)) + " " + state
                            + (made.isEmpty()
                                    ? ""
                                    : String.format(
                                            Locale.ROOT,
                                            ", %.1f s after a change",
                                            (System.nanoTime()
                                                            - made.get(made.size() - 1)
                                                                    .madeAtNanos())
                                                    / 1e9)));
                }
                check(step.tool(), arguments, answer, error);
            }
            if (step.captureAs() != null && !error) {
                SessionReplay.capture(step.captureAs(), answer, captured);
            }
            if (thinkMs > 0) {
                Thread.sleep(random.nextInt(thinkMs + 1));
            }
        }
    }

    /** Makes one change of {@code kind} to a message of the inbox as last read, one not changed before. */
    private void change(String kind) throws Exception {
        if (kind.equals("new_mail")) {
            String subject = "Session change " + UUID.randomUUID().toString().substring(0, 8);
            server.graphAs(SyncChanges.DEMO_TOKEN, "POST", "/me/sendMail", SyncChanges.newMail(subject));
            made.add(new Change(kind, null, subject, System.nanoTime()));
            return;
        }
        List<Map<String, Object>> candidates = inbox.stream()
                .filter(m -> !touched.contains((String) m.get("id")))
                .filter(m -> !kind.equals("flag") || Boolean.FALSE.equals(m.get("flagged")))
                .toList();
        if (candidates.isEmpty()) {
            change("new_mail");
            return;
        }
        String id = (String) candidates.get(random.nextInt(candidates.size())).get("id");
        touched.add(id);
        if (kind.equals("flag")) {
            server.graphAs(
                    SyncChanges.DEMO2_TOKEN, "PATCH", "/me/messages/" + id, "{\"flag\":{\"flagStatus\":\"flagged\"}}");
        } else {
            SyncChanges.removeFromInbox(server, kind, id);
        }
        made.add(new Change(kind, id, null, System.nanoTime()));
    }

    /** Checks the answer against every change made so far that applies to it. */
    private void check(String tool, Map<String, Object> arguments, Map<String, Object> answer, boolean error) {
        boolean inboxList = tool.equals("email_list") && "inbox".equals(arguments.get("folder"));
        boolean firstPage = inboxList && !arguments.containsKey("skip");
        List<Map<String, Object>> messages =
                answer.get("messages") instanceof List<?> ? SyncReads.messages(answer) : null;
        if (firstPage) {
            inbox = messages;
        }
        boolean get = tool.equals("email_get");
        long now = System.nanoTime();
        for (Change change : made) {
            String id = change.messageId();
            boolean getOfIt = get && arguments.get("message_id").equals(id);
            Boolean shows = switch (change.kind()) {
                case "new_mail" ->
                    firstPage ? messages.stream().anyMatch(m -> change.subject().equals(m.get("subject"))) : null;
                case "flag" ->
                    getOfIt && !error
                            ? (Boolean) "flagged".equals(answer.get("flag"))
                            : listed(messages, id)
                                    .map(m -> Boolean.TRUE.equals(m.get("flagged")))
                                    .orElse(null);
                case "delete" ->
                    getOfIt ? (Boolean) error : inboxList ? listed(messages, id).isEmpty() : null;
                default -> inboxList ? listed(messages, id).isEmpty() : null;
            };
            if (shows == null) {
                continue;
            }
            checked++;
            if (!shows) {
                double age = (now - change.madeAtNanos()) / 1e9;
                if (age * 1000 > intervalMs) {
                    missed.add(new Missed(
                            tool, arguments, change.kind(), Math.round(age * 10) / 10.0, LoadTools.cacheState(answer)));
                } else {
                    younger++;
                }
            }
        }
    }

    private static Optional<Map<String, Object>> listed(List<Map<String, Object>> messages, String id) {
        return messages == null
                ? Optional.empty()
                : messages.stream().filter(m -> id.equals(m.get("id"))).findFirst();
    }
}

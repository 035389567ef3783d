package org.m365mcp.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The scripted mail session the load run replays: the tool calls an assistant makes while triaging a
 * mailbox for its owner in a morning, in order.
 *
 * <p>It lists the inbox, opens messages, pages, searches, looks at the folder tree, a project folder,
 * Archive and Sent Items and the inbox rules, comes back to what it saw before, and writes three
 * times: it flags a message, marks three read (which makes every {@code email_get} of the account and
 * the folder reads stale, by design) and marks the flag complete. Ids are taken from earlier answers,
 * so every replay (with and without the cache) makes the same calls. {@link #readsOnly()} is the same
 * session without the three writes.
 */
final class AssistantSession {

    private AssistantSession() {}

    /**
     * One tool call.
     *
     * @param read      a cached read: the uncached replay adds {@code use_cache: false}
     * @param arguments the call's arguments (without {@code account_id}) from what earlier calls captured
     * @param captureAs name under which the ids of the answer's messages, folders or rules are kept (a
     *                  folder's also under {@code name/<folder name>}); or null
     */
    record Step(String tool, boolean read, Function<Captured, Map<String, Object>> arguments, String captureAs) {

        Step as(String name) {
            return new Step(tool, read, arguments, name);
        }
    }

    /** Ids an earlier call answered, by the name its step captured them under. */
    record Captured(Map<String, List<String>> ids) {

        String id(String name, int index) {
            List<String> list = ids.getOrDefault(name, List.of());
            if (index >= list.size()) {
                throw new IllegalStateException(
                        "the session needs " + name + "[" + index + "], but only " + list.size() + " were answered");
            }
            return list.get(index);
        }
    }

    /** The session, 60 calls. */
    static List<Step> script() {
        List<Step> s = new ArrayList<>();
        s.add(new Step("account_list", false, c -> Map.of(), null));
        s.add(read("emailfolders_get_tree"));
        s.add(read("email_list", "folder", "inbox", "limit", 25).as("inbox"));
        for (int i = 0; i < 5; i++) {
            s.add(open("inbox", i));
        }
        s.add(read("email_list", "folder", "inbox", "limit", 25)); // "anything else?"
        s.add(open("inbox", 0));
        s.add(read("search_emails", "query", "budget").as("budget"));
        s.add(open("budget", 0));
        s.add(open("budget", 1));
        s.add(read("email_list", "folder", "inbox", "limit", 25, "skip", 25).as("inbox2"));
        s.add(open("inbox2", 0));
        s.add(open("inbox2", 1));
        s.add(read("emailfolders_list", "parent_folder_id", "inbox").as("subfolders"));
        s.add(new Step("email_list", true, c -> Map.of("folder", c.id("subfolders/Receipts", 0)), "receipts"));
        s.add(open("receipts", 0));
        s.add(open("inbox", 2));
        s.add(read("emailrules_list").as("rules"));
        s.add(new Step("emailrules_get", true, c -> Map.of("rule_id", c.id("rules", 0)), null));
        s.add(write("email_flag", c -> Map.of("message_id", c.id("inbox", 1), "status", "flagged")));
        s.add(read("email_list", "folder", "inbox", "limit", 25));
        s.add(open("inbox", 1));
        s.add(open("inbox", 3));
        s.add(read("search_emails", "query", "budget"));
        s.add(read("email_list", "folder", "archive", "limit", 25).as("archive"));
        s.add(open("archive", 0));
        s.add(open("archive", 1));
        s.add(read("email_list", "folder", "sentitems", "limit", 10).as("sent"));
        s.add(open("sent", 0));
        s.add(read("emailfolders_get_tree"));
        s.add(read("email_list", "folder", "inbox", "limit", 25));
        s.add(open("inbox", 0));
        s.add(open("inbox", 4));
        s.add(read("search_emails", "query", "from:megan").as("megan"));
        s.add(open("megan", 0));
        s.add(read("search_emails", "query", "subject:\"action required\"").as("actions"));
        s.add(open("actions", 0));
        s.add(write(
                "email_mark_read",
                c -> Map.of("message_ids", List.of(c.id("inbox", 2), c.id("inbox", 3), c.id("inbox", 4)))));
        s.add(read("email_list", "folder", "inbox", "limit", 25));
        s.add(read("emailfolders_get_tree"));
        s.add(open("inbox", 2));
        s.add(open("inbox", 5));
        s.add(open("inbox", 6));
        s.add(read("email_list", "folder", "inbox", "limit", 25, "skip", 25));
        s.add(open("inbox2", 2));
        s.add(read("emailrules_list"));
        s.add(read("search_emails", "query", "budget"));
        s.add(open("budget", 0));
        s.add(read("email_list", "folder", "archive", "limit", 25));
        s.add(open("archive", 0));
        s.add(open("inbox", 1));
        s.add(write("email_flag", c -> Map.of("message_id", c.id("inbox", 1), "status", "complete")));
        s.add(read("email_list", "folder", "inbox", "limit", 25));
        s.add(open("inbox", 1));
        s.add(read("emailfolders_list", "parent_folder_id", "inbox"));
        s.add(open("inbox", 0));
        s.add(read("email_list", "folder", "inbox", "limit", 25));
        return List.copyOf(s);
    }

    /** The session without its writes: what the cache saves when nothing invalidates it. */
    static List<Step> readsOnly() {
        return script().stream()
                .filter(step -> step.read() || step.tool().equals("account_list"))
                .toList();
    }

    private static Step read(String tool, Object... keysAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            arguments.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        Map<String, Object> fixed = Map.copyOf(arguments);
        return new Step(tool, true, c -> fixed, null);
    }

    private static Step open(String list, int index) {
        return new Step("email_get", true, c -> Map.of("message_id", c.id(list, index)), null);
    }

    private static Step write(String tool, Function<Captured, Map<String, Object>> arguments) {
        return new Step(tool, false, arguments, null);
    }
}

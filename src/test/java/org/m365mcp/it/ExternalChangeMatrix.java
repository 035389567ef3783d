package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The external-change matrix of issue 16: for each synced resource, an add, an update, a delete and a
 * move made by another client become visible in a cached read, which is then answered from the cache
 * ({@code fresh}) — each subclass proving it for one way the server learns of changes (polling in
 * {@link DeltaSyncIT}, change notifications in {@link NotificationSyncIT}), on one server shared by its
 * tests (one test instance per class, which starts it before the first test and stops it after the last).
 *
 * <ul>
 *   <li>Resources: messages of a cached mail folder ({@code email_list}), the mail folder tree
 *       ({@code emailfolders_get_tree}), contacts ({@code contact_list}), a cached calendar window
 *       ({@code calendar_list_events}), OneDrive items ({@code file_list}).
 *   <li>Moves where Graph has them: messages between folders, mail folders under another folder, drive
 *       items between folders. Contacts and events have no move in Graph (a contact or event changes
 *       folder or calendar only by being created anew), so they have add, update and delete only.
 *   <li>"Another client" is the sandbox's Graph API called straight with the account's own sandbox token
 *       (mail is sent by {@code demo}'s): the server learns of the change only from Graph. Every change is
 *       made to {@code demo2}, after the resource's first delta round (its baseline), and awaited with a
 *       deadline, never a fixed sleep.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExternalChangeMatrix {

    static final String DEMO_TOKEN = "sandbox-demo-token";
    static final String DEMO2_TOKEN = "sandbox-demo2-token";
    static final String MEGAN = "megan.bowen@contoso.sandbox";
    /** Two polls and the refetch after them, or a notification's pull, with room for a slow machine. */
    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    /** How each resource the test waited for was followed then ({@code cache_get_stats}). */
    private final Map<String, String> modes = new HashMap<>();

    /** A Payara Micro of the sync's ITs and an MCP client of it. */
    record SyncServer(MicroProcess payara, McpSyncClient client) {

        /**
         * Starts one on {@code port} with a fresh store in {@code work}, no warming, a sync tick of 1 s, polls
         * every 2 s (what notifications do not cover) and pulls 100 ms after a notification; {@code env} adds
         * to or overrides that.
         */
        static SyncServer start(int port, Path work, Map<String, String> env) throws Exception {
            Map<String, String> all = new HashMap<>(Map.of(
                    "M365_MCP_SYNC_TICK", "1s",
                    "M365_MCP_SYNC_HOT_INTERVAL", "2s",
                    "M365_MCP_SYNC_INTERVAL", "2s",
                    "M365_MCP_SYNC_DEBOUNCE", "100ms",
                    // polling every 2 s is 300 rounds a 10 minutes per resource, far past the shipped
                    // budget (45), which would stretch the intervals to minutes: no budget here
                    "M365_MCP_SYNC_BUDGET", "0"));
            all.putAll(env);
            MicroProcess payara = MicroLauncher.on(port, work)
                    .freshWork()
                    .env(all)
                    .store()
                    .noWarming()
                    .awaitMcp();
            return new SyncServer(payara, ItServer.client(payara.root().toURL()));
        }

        /** The server's root, e.g. {@code http://127.0.0.1:18089/m365-mcp}, without a trailing slash. */
        URI root() {
            return payara.root();
        }

        void stop() {
            MicroLauncher.stop(client, payara);
        }
    }

    /** This class's server, shared by its tests (one test instance per class). */
    private SyncServer server;

    /** Starts this class's server. */
    abstract SyncServer start() throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        server = start();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    URI root() {
        return server.root();
    }

    McpSyncClient client() {
        return server.client();
    }

    /** How this server follows resources of {@code kind} ({@code messages}, {@code mail_folders}, …): its mode. */
    abstract String expectedMode(String kind);

    // --- messages of a cached mail folder

    @Test
    void messages_addedElsewhere_showInTheCachedFolder_servedFromTheCache() throws Exception {
        Map<String, Object> inbox = inbox(171);
        call(client(), "email_list", inbox);
        awaitFollowed("messages:inbox");
        String subject = "Matrix add " + UUID.randomUUID();

        mailToDemo2(subject);

        awaitFresh("email_list", inbox, r -> subjects(r).contains(subject));
    }

    @Test
    void messages_updatedElsewhere_showUpdatedInTheCachedFolder_servedFromTheCache() throws Exception {
        Map<String, Object> inbox = inbox(172);
        Map<String, Object> message =
                items(call(client(), "email_list", inbox), "messages").get(0);
        awaitFollowed("messages:inbox");
        boolean read = !Boolean.TRUE.equals(message.get("is_read"));

        graph(DEMO2_TOKEN, "PATCH", "/me/messages/" + message.get("id"), "{\"isRead\":" + read + "}");

        awaitFresh(
                "email_list",
                inbox,
                r -> items(r, "messages").stream()
                        .anyMatch(
                                m -> m.get("id").equals(message.get("id")) && Objects.equals(m.get("is_read"), read)));
    }

    @Test
    void messages_deletedElsewhere_leaveTheCachedFolder_servedFromTheCache() throws Exception {
        Map<String, Object> inbox = inbox(173);
        String id = ids(call(client(), "email_list", inbox), "messages").get(0);
        awaitFollowed("messages:inbox");

        graph(DEMO2_TOKEN, "DELETE", "/me/messages/" + id, null);

        awaitFresh("email_list", inbox, r -> !ids(r, "messages").contains(id));
    }

    @Test
    void messages_movedElsewhere_leaveTheSourceAndShowInTheDestination_bothServedFromTheCache() throws Exception {
        Map<String, Object> inbox = inbox(174);
        Map<String, Object> archive = Map.of("account_id", "demo2", "folder", "archive", "limit", 200);
        String id = ids(call(client(), "email_list", inbox), "messages").get(0);
        call(client(), "email_list", archive);
        awaitFollowed("messages:inbox");
        awaitFollowed("messages:archive");

        JsonNode moved = graph(DEMO2_TOKEN, "POST", "/me/messages/" + id + "/move", "{\"destinationId\":\"archive\"}");

        awaitFresh("email_list", inbox, r -> !ids(r, "messages").contains(id));
        awaitFresh(
                "email_list",
                archive,
                r -> ids(r, "messages").contains(moved.path("id").asText()));
    }

    // --- the mail folder tree

    @Test
    void mailFolders_addedElsewhere_showInTheCachedTree_servedFromTheCache() throws Exception {
        Map<String, Object> tree = folderTree();
        call(client(), "emailfolders_get_tree", tree);
        awaitFollowed("mail_folders");
        String name = "Matrix folder " + shortId();

        graph(DEMO2_TOKEN, "POST", "/me/mailFolders", "{\"displayName\":\"" + name + "\"}");

        awaitFresh("emailfolders_get_tree", tree, r -> topFolders(r).contains(name));
    }

    @Test
    void mailFolders_renamedElsewhere_showRenamedInTheCachedTree_servedFromTheCache() throws Exception {
        String id = cachedNewMailFolder("Matrix to rename " + shortId());
        String name = "Matrix renamed " + shortId();

        graph(DEMO2_TOKEN, "PATCH", "/me/mailFolders/" + id, "{\"displayName\":\"" + name + "\"}");

        awaitFresh("emailfolders_get_tree", folderTree(), r -> topFolders(r).contains(name));
    }

    @Test
    void mailFolders_deletedElsewhere_leaveTheCachedTree_servedFromTheCache() throws Exception {
        String name = "Matrix to delete " + shortId();
        String id = cachedNewMailFolder(name);

        graph(DEMO2_TOKEN, "DELETE", "/me/mailFolders/" + id, null);

        awaitFresh("emailfolders_get_tree", folderTree(), r -> !topFolders(r).contains(name));
    }

    @Test
    void mailFolders_movedElsewhere_showUnderTheirNewParentInTheCachedTree_servedFromTheCache() throws Exception {
        String name = "Matrix to move " + shortId();
        String id = cachedNewMailFolder(name);

        graph(DEMO2_TOKEN, "POST", "/me/mailFolders/" + id + "/move", "{\"destinationId\":\"inbox\"}");

        awaitFresh(
                "emailfolders_get_tree",
                folderTree(),
                r -> !topFolders(r).contains(name) && childrenOf(r, "Inbox").contains(name));
    }

    // --- contacts (no move: Graph moves no contact between folders)

    @Test
    void contacts_addedElsewhere_showInTheCachedList_servedFromTheCache() throws Exception {
        Map<String, Object> list = contacts();
        call(client(), "contact_list", list);
        awaitFollowed("contacts:contacts");
        String surname = "Matrix" + shortId();

        graph(DEMO2_TOKEN, "POST", "/me/contacts", contactJson(surname));

        awaitFresh("contact_list", list, r -> contactNames(r).stream().anyMatch(n -> n.contains(surname)));
    }

    @Test
    void contacts_updatedElsewhere_showUpdatedInTheCachedList_servedFromTheCache() throws Exception {
        String id = cachedNew("contact_list", contacts(), "contacts:contacts", "/me/contacts", contactJson("Old"));
        String surname = "Updated" + shortId();

        graph(DEMO2_TOKEN, "PATCH", "/me/contacts/" + id, contactJson(surname));

        awaitFresh("contact_list", contacts(), r -> contactNames(r).stream().anyMatch(n -> n.contains(surname)));
    }

    @Test
    void contacts_deletedElsewhere_leaveTheCachedList_servedFromTheCache() throws Exception {
        deletedElsewhere("contact_list", contacts(), "contacts:contacts", "/me/contacts", contactJson("Gone"));
    }

    // --- events of a cached calendar window (no move: Graph moves no event between calendars)

    @Test
    void events_addedElsewhere_showInTheCachedWindow_servedFromTheCache() throws Exception {
        Map<String, Object> week = week();
        call(client(), "calendar_list_events", week);
        awaitFollowed("events");
        String subject = "Matrix event " + UUID.randomUUID();

        graph(DEMO2_TOKEN, "POST", "/me/events", eventJson(subject));

        awaitFresh("calendar_list_events", week, r -> eventSubjects(r).contains(subject));
    }

    @Test
    void events_updatedElsewhere_showUpdatedInTheCachedWindow_servedFromTheCache() throws Exception {
        String id = cachedNew("calendar_list_events", week(), "events", "/me/events", eventJson("Matrix old"));
        String subject = "Matrix updated " + UUID.randomUUID();

        graph(DEMO2_TOKEN, "PATCH", "/me/events/" + id, "{\"subject\":\"" + subject + "\"}");

        awaitFresh("calendar_list_events", week(), r -> eventSubjects(r).contains(subject));
    }

    @Test
    void events_deletedElsewhere_leaveTheCachedWindow_servedFromTheCache() throws Exception {
        deletedElsewhere("calendar_list_events", week(), "events", "/me/events", eventJson("Matrix gone"));
    }

    // --- OneDrive items

    @Test
    void driveItems_addedElsewhere_showInTheCachedListing_servedFromTheCache() throws Exception {
        Map<String, Object> root = driveRoot();
        call(client(), "file_list", root);
        awaitFollowed("drive");
        String name = "Matrix add " + shortId() + ".txt";

        graph(DEMO2_TOKEN, "PUT", "/me/drive/root:/" + name + ":/content", "added elsewhere");

        awaitFresh("file_list", root, r -> fileNames(r).contains(name));
    }

    @Test
    void driveItems_renamedElsewhere_showRenamedInTheCachedListing_servedFromTheCache() throws Exception {
        String id = cachedNewFile();
        String name = "Matrix renamed " + shortId() + ".txt";

        graph(DEMO2_TOKEN, "PATCH", "/me/drive/items/" + id, "{\"name\":\"" + name + "\"}");

        awaitFresh("file_list", driveRoot(), r -> fileNames(r).contains(name));
    }

    @Test
    void driveItems_deletedElsewhere_leaveTheCachedListing_servedFromTheCache() throws Exception {
        String id = cachedNewFile();

        graph(DEMO2_TOKEN, "DELETE", "/me/drive/items/" + id, null);

        awaitFresh("file_list", driveRoot(), r -> !ids(r, "files").contains(id));
    }

    @Test
    void driveItems_movedElsewhere_leaveTheSourceAndShowInTheDestination_bothServedFromTheCache() throws Exception {
        JsonNode folder = graph(
                DEMO2_TOKEN,
                "POST",
                "/me/drive/root/children",
                "{\"name\":\"Matrix folder " + shortId() + "\",\"folder\":{}}");
        Map<String, Object> destination =
                Map.of("account_id", "demo2", "folder", folder.path("id").asText(), "limit", 1000);
        String id = cachedNewFile();
        call(client(), "file_list", destination);

        graph(
                DEMO2_TOKEN,
                "PATCH",
                "/me/drive/items/" + id,
                "{\"parentReference\":{\"id\":\"" + folder.path("id").asText() + "\"}}");

        awaitFresh("file_list", driveRoot(), r -> !ids(r, "files").contains(id));
        awaitFresh("file_list", destination, r -> ids(r, "files").contains(id));
    }

    /** Each resource the test used was followed the way this server learns of its changes. */
    @AfterEach
    void resourcesFollowedAsThisServerShould() {
        Map<String, String> seen = new HashMap<>(modes);
        modes.clear();
        seen.forEach((resource, mode) -> {
            String kind = resource.contains(":") ? resource.substring(0, resource.indexOf(':')) : resource;
            assertThat(mode).as(resource + " followed by").isEqualTo(expectedMode(kind));
        });
    }

    // --- the shared steps

    /** A mail folder made elsewhere at the top level, in a tree read afresh after the baseline; its id. */
    private String cachedNewMailFolder(String name) throws Exception {
        call(client(), "emailfolders_get_tree", folderTree());
        awaitFollowed("mail_folders");
        String id = graph(DEMO2_TOKEN, "POST", "/me/mailFolders", "{\"displayName\":\"" + name + "\"}")
                .path("id")
                .asText();
        assertThat(topFolders(call(client(), "emailfolders_get_tree", refetched(folderTree()))))
                .contains(name);
        return id;
    }

    /** An item made elsewhere by {@code POST path}, in a listing read afresh after the baseline; its id. */
    private String cachedNew(String tool, Map<String, Object> read, String resource, String path, String json)
            throws Exception {
        call(client(), tool, read);
        awaitFollowed(resource);
        String id = graph(DEMO2_TOKEN, "POST", path, json).path("id").asText();
        call(client(), tool, refetched(read));
        return id;
    }

    /** An item made elsewhere by {@code POST path} into a cached listing, then deleted elsewhere: gone from it. */
    private void deletedElsewhere(String tool, Map<String, Object> read, String resource, String path, String json)
            throws Exception {
        String id = cachedNew(tool, read, resource, path, json);

        graph(DEMO2_TOKEN, "DELETE", path + "/" + id, null);

        String field = tool.equals("contact_list") ? "contacts" : "events";
        awaitFresh(tool, read, r -> !ids(r, field).contains(id));
    }

    /** A file made elsewhere in the drive's root, in a root listing read afresh after the baseline; its id. */
    private String cachedNewFile() throws Exception {
        call(client(), "file_list", driveRoot());
        awaitFollowed("drive");
        String id = graph(DEMO2_TOKEN, "PUT", "/me/drive/root:/Matrix " + shortId() + ".txt:/content", "text")
                .path("id")
                .asText();
        assertThat(ids(call(client(), "file_list", refetched(driveRoot())), "files"))
                .contains(id);
        return id;
    }

    /**
     * Waits until {@code resource} of {@code demo2} has had a delta round (its baseline: a change after
     * it is one the sync reports), and notes how it is followed, checked after the test.
     */
    @SuppressWarnings("unchecked")
    void awaitFollowed(String resource) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            Map<String, Object> sync = (Map<String, Object>)
                    structured(call(client(), "cache_get_stats", Map.of())).get("sync");
            Map<String, Object> found = ((List<Map<String, Object>>) sync.get("resources"))
                    .stream()
                            .filter(r -> r.get("account_id").equals("demo2")
                                    && r.get("resource").equals(resource)
                                    && r.get("last_sync") != null)
                            .findFirst()
                            .orElse(null);
            if (found != null) {
                modes.put(resource, (String) found.get("mode"));
                return;
            }
            assertThat(System.nanoTime())
                    .as("a first delta round of " + resource)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * Reads {@code tool} until its answer shows what {@code visible} expects and comes from the cache
     * ({@code fresh}), within {@link #VISIBLE_WITHIN}; fails naming the last answer otherwise.
     */
    void awaitFresh(String tool, Map<String, Object> arguments, Predicate<CallToolResult> visible) throws Exception {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        CallToolResult result = call(client(), tool, arguments);
        while (!(visible.test(result) && ItServer.cacheState(result).equals("fresh")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            result = call(client(), tool, arguments);
        }
        assertThat(visible.test(result))
                .as("the change in " + tool + " within " + VISIBLE_WITHIN + ": " + structured(result))
                .isTrue();
        assertThat(ItServer.cacheState(result))
                .as(tool + " served from the cache")
                .isEqualTo("fresh");
    }

    /** Mail from demo to demo2, sent by another client of demo's mailbox. */
    void mailToDemo2(String subject) throws Exception {
        graph(
                DEMO_TOKEN,
                "POST",
                "/me/sendMail",
                "{\"message\":{\"subject\":\"" + subject + "\",\"toRecipients\":[{\"emailAddress\":{\"address\":\""
                        + MEGAN + "\"}}]}}");
    }

    /** A call straight on the sandbox's Graph API with {@code token}: another client. */
    JsonNode graph(String token, String method, String graphPath, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(root() + "/sandbox/v1.0" + graphPath.replace(" ", "%20")))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        if (body != null) {
            request.header("Content-Type", method.equals("PUT") ? "text/plain" : "application/json");
        }
        HttpResponse<String> answer =
                http.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode())
                .as(method + " " + graphPath + ": " + answer.body())
                .isLessThan(300);
        return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    private static Map<String, Object> inbox(int limit) {
        return Map.of("account_id", "demo2", "folder", "inbox", "limit", limit);
    }

    private static Map<String, Object> folderTree() {
        return Map.of("account_id", "demo2", "max_depth", 2);
    }

    private static Map<String, Object> contacts() {
        return Map.of("account_id", "demo2", "limit", 500);
    }

    private static Map<String, Object> week() {
        return Map.of("account_id", "demo2", "time_zone", "UTC", "limit", 500);
    }

    private static Map<String, Object> driveRoot() {
        return Map.of("account_id", "demo2", "limit", 1000);
    }

    private static Map<String, Object> refetched(Map<String, Object> arguments) {
        Map<String, Object> refetch = new HashMap<>(arguments);
        refetch.put("force_refresh", true);
        return refetch;
    }

    private static String contactJson(String surname) {
        return "{\"givenName\":\"Matrix\",\"surname\":\"" + surname + "\",\"displayName\":\"Matrix " + surname + "\"}";
    }

    private static String eventJson(String subject) {
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        return "{\"subject\":\"" + subject + "\",\"start\":{\"dateTime\":\"" + day
                + "T10:00:00\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"" + day
                + "T11:00:00\",\"timeZone\":\"UTC\"}}";
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(CallToolResult result, String field) {
        return (List<Map<String, Object>>) structured(result).get(field);
    }

    static List<String> ids(CallToolResult result, String field) {
        return items(result, field).stream().map(m -> (String) m.get("id")).toList();
    }

    static List<String> subjects(CallToolResult result) {
        return items(result, "messages").stream()
                .map(m -> (String) m.get("subject"))
                .toList();
    }

    static List<String> fileNames(CallToolResult result) {
        return items(result, "files").stream().map(f -> (String) f.get("name")).toList();
    }

    static List<String> contactNames(CallToolResult result) {
        return items(result, "contacts").stream()
                .map(c -> String.valueOf(c.get("display_name")))
                .toList();
    }

    static List<String> eventSubjects(CallToolResult result) {
        return items(result, "events").stream()
                .map(e -> (String) e.get("subject"))
                .toList();
    }

    private static List<String> topFolders(CallToolResult result) {
        return items(result, "folders").stream()
                .map(f -> (String) f.get("name"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> childrenOf(CallToolResult result, String parent) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> folder : items(result, "folders")) {
            if (parent.equals(folder.get("name")) && folder.get("children") != null) {
                ((List<Map<String, Object>>) folder.get("children")).forEach(c -> names.add((String) c.get("name")));
            }
        }
        return names;
    }
}

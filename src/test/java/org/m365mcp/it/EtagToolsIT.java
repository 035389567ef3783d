package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.errorText;
import static org.m365mcp.it.ItServer.structured;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ETags over MCP against the sandbox, for messages, events, contacts, files and folders: the get tool
 * returns the item's etag, which changes with an update; an update under the current etag succeeds and
 * answers the new one; an update under an etag that another client's change (straight on the sandbox's
 * Graph API with {@code demo2}'s own token) made stale is a tool error naming {@code etag} and the get
 * tool, and the other client's change stays. Writes go to {@code demo2} only, and each test removes
 * what it made.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EtagToolsIT {

    private static final String ACCOUNT = "demo2";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;
    private SandboxGraph otherClient;

    @BeforeEach
    void connect() {
        client = ItServer.client(base);
        otherClient = SandboxGraph.demo2(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void message_etagChangesWithAnUpdate_staleEtagRefused_otherClientsChangeKept() throws Exception {
        String id =
                (String) ok("email_create_draft", args("subject", "Etag draft")).get("draft_id");
        Map<String, Object> message = args("message_id", id);

        Round round = round(
                "email_get",
                message,
                EtagToolsIT::etag,
                "email_update",
                message,
                "subject",
                "/me/messages/" + id,
                "{\"subject\":\"Changed by another client\"}");

        round.assertEtagsAndRefusal("message", "email_get", "W/\"");
        assertThat(otherClient.get("/me/messages/" + id).path("subject").asText())
                .isEqualTo("Changed by another client");
        ok("email_delete", with(message, "permanent", true, "confirm", true));
    }

    @Test
    void event_etagChangesWithAnUpdate_staleEtagRefused_otherClientsChangeKept() throws Exception {
        String id = (String) ok(
                        "calendar_create_event",
                        args(
                                "subject",
                                "Etag event",
                                "start",
                                "2027-03-03T10:00",
                                "end",
                                "2027-03-03T11:00",
                                "time_zone",
                                "Europe/Berlin"))
                .get("event_id");
        Map<String, Object> event = args("event_id", id);

        Round round = round(
                "calendar_get_event",
                event,
                EtagToolsIT::etag,
                "calendar_update_event",
                event,
                "location",
                "/me/events/" + id,
                "{\"location\":{\"displayName\":\"Moved by another client\"}}");

        round.assertEtagsAndRefusal("event", "calendar_get_event", "W/\"");
        assertThat(otherClient
                        .get("/me/events/" + id)
                        .path("location")
                        .path("displayName")
                        .asText())
                .isEqualTo("Moved by another client");
        ok("calendar_delete_event", with(event, "confirm", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void contact_etagChangesWithAnUpdate_staleEtagRefused_otherClientsChangeKept() throws Exception {
        Function<Map<String, Object>, String> contactEtag =
                answer -> (String) ((Map<String, Object>) answer.get("contact")).get("etag");
        Map<String, Object> created = ok("contact_create", args("given_name", "Etag", "surname", "Contact"));
        String id = (String) ((Map<String, Object>) created.get("contact")).get("id");
        Map<String, Object> contact = args("contact_id", id);

        Round round = round(
                "contact_get",
                contact,
                contactEtag,
                "contact_update",
                contact,
                "job_title",
                "/me/contacts/" + id,
                "{\"jobTitle\":\"Changed by another client\"}");

        round.assertEtagsAndRefusal("contact", "contact_get", "W/\"");
        assertThat(contactEtag.apply(created)).isEqualTo(round.read());
        assertThat(otherClient.get("/me/contacts/" + id).path("jobTitle").asText())
                .isEqualTo("Changed by another client");
        ok("contact_delete", with(contact, "confirm", true));
    }

    @Test
    void file_etagChangesWithARename_staleEtagRefusesAMove_otherClientsRenameKept() throws Exception {
        String folder = newFolder();
        String id =
                (String) ok("file_create", args("name", "etag.txt", "parent_folder", folder, "content", "first text"))
                        .get("item_id");
        Map<String, Object> file = args("file_id", id);
        Map<String, Object> firstRead = ok("file_get", file);
        String read = etag(firstRead);

        Map<String, Object> renamed = ok("file_rename", with(file, "new_name", "renamed.txt", "etag", read));
        String reread = etag(ok("file_get", file));
        otherClient.patch("/me/drive/items/" + id, "{\"name\":\"renamed elsewhere.txt\"}");
        String refused = errorText(call(client, "file_move", with(file, "destination_folder", "/", "etag", reread)));

        assertThat(read).matches("\"\\{[0-9A-F-]{36}\\},\\d+\"");
        assertThat(firstRead.get("ctag")).asString().startsWith("\"c:{");
        assertThat(reread).isNotEqualTo(read).isEqualTo(renamed.get("etag"));
        assertRefused(refused, "file", reread, "file_get");
        JsonNode item = otherClient.get("/me/drive/items/" + id);
        assertThat(item.path("name").asText()).isEqualTo("renamed elsewhere.txt");
        assertThat(item.path("parentReference").path("id").asText()).isEqualTo(folder);
        ok("folder_delete", args("folder_id", folder, "confirm", true));
    }

    @Test
    void folder_etagChangesWithARename_staleEtagRefused_otherClientsRenameKept() throws Exception {
        String id = newFolder();
        Map<String, Object> folder = args("folder_id", id);

        Round round = round(
                "folder_get",
                args("folder", id),
                EtagToolsIT::etag,
                "folder_rename",
                folder,
                "new_name",
                "/me/drive/items/" + id,
                "{\"name\":\"Etag IT renamed elsewhere\"}");

        round.assertEtagsAndRefusal("folder", "folder_get", "\"{");
        assertThat(otherClient.get("/me/drive/items/" + id).path("name").asText())
                .isEqualTo("Etag IT renamed elsewhere");
        ok("folder_delete", with(folder, "confirm", true));
    }

    /**
     * What one round of an item's etags saw: the etag read, the one the update under it answered, the one
     * read again, and the error of an update under that one once the other client changed the item.
     */
    private record Round(String read, String answered, String reread, String refused) {

        void assertEtagsAndRefusal(String item, String getTool, String etagStart) {
            assertThat(read).startsWith(etagStart);
            assertThat(reread).isNotEqualTo(read).isEqualTo(answered);
            assertRefused(refused, item, reread, getTool);
        }
    }

    /**
     * Reads the item's etag with {@code getTool}, sets {@code field} with {@code updateTool} under it,
     * reads the etag again, has the other client send {@code otherChange} to {@code graphPath}, and sets
     * {@code field} once more under the etag read last.
     */
    private Round round(
            String getTool,
            Map<String, Object> get,
            Function<Map<String, Object>, String> etagOf,
            String updateTool,
            Map<String, Object> update,
            String field,
            String graphPath,
            String otherChange)
            throws Exception {
        String read = etagOf.apply(ok(getTool, get));
        String answered = etagOf.apply(ok(updateTool, with(update, field, "Set under its etag", "etag", read)));
        String reread = etagOf.apply(ok(getTool, get));
        otherClient.patch(graphPath, otherChange);
        String refused = errorText(call(client, updateTool, with(update, field, "Lost update", "etag", reread)));
        return new Round(read, answered, reread, refused);
    }

    private static void assertRefused(String error, String item, String etag, String getTool) {
        assertThat(error)
                .startsWith("Nothing was changed: the " + item + " changed since you read it (etag " + etag)
                .contains("Read it again with " + getTool);
    }

    private String newFolder() {
        return (String) ok("folder_create", args("name", "Etag IT", "conflict_behavior", "rename"))
                .get("item_id");
    }

    private static String etag(Map<String, Object> answer) {
        return (String) answer.get("etag");
    }

    /** {@code account_id} demo2 and the given name/value pairs. */
    private static Map<String, Object> args(Object... pairs) {
        return with(Map.of("account_id", ACCOUNT), pairs);
    }

    private static Map<String, Object> with(Map<String, Object> arguments, Object... pairs) {
        Map<String, Object> all = new HashMap<>(arguments);
        for (int i = 0; i < pairs.length; i += 2) {
            all.put((String) pairs[i], pairs[i + 1]);
        }
        return all;
    }

    private Map<String, Object> ok(String tool, Map<String, Object> arguments) {
        return structured(call(client, tool, arguments));
    }
}

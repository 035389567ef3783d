package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ResourceLink;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The contact tools, search_contacts and search_events over MCP on Payara Micro, against the
 * sandbox tenant: what each does in Graph and its cache (a second read is fresh, a write makes the
 * dependent reads a miss, the other account's entries stay). Writes go to {@code demo2}, each test
 * to its own contacts and lists; {@code demo} is read and serves as the other account. The IT
 * server's cache file outlives a run, so a first read that must miss is forced with force_refresh.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContactToolsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;

    @BeforeEach
    void connect() {
        client = ItServer.client(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void contactList_defaultFolder_listsColleaguesByName_pagesWithSkip_andTheSecondCallIsFresh() {
        CallToolResult first =
                call(client, "contact_list", Map.of("account_id", "demo", "limit", 5, "force_refresh", true));
        CallToolResult second = call(client, "contact_list", Map.of("account_id", "demo", "limit", 5));
        Map<String, Object> next = ok("contact_list", Map.of("account_id", "demo", "limit", 5, "skip", 5));

        List<Map<String, Object>> contacts = contacts(structured(first));
        assertThat(contacts).hasSize(5).allSatisfy(c -> assertThat(c).containsKeys("id", "display_name", "emails"));
        assertThat(contacts).extracting(c -> (String) c.get("display_name")).isSorted();
        assertThat(contacts).extracting(c -> c.get("company_name")).containsOnly("Contoso");
        assertThat(structured(first)).containsEntry("next_skip", 5);
        assertThat(contacts(next))
                .extracting(c -> c.get("id"))
                .doesNotContainAnyElementsOf(
                        contacts.stream().map(c -> c.get("id")).toList());
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
    }

    @Test
    void contactList_unknownFolder_isAnArgumentError_andAPathInTheIdIsRefused() {
        assertThat(error("contact_list", Map.of("account_id", "demo", "folder_id", "AAMkNoSuchFolder")))
                .startsWith("Invalid argument 'folder_id': no contact folder 'AAMkNoSuchFolder'");
        assertThat(error("contact_list", Map.of("account_id", "demo", "folder_id", "../x")))
                .startsWith("Invalid argument 'folder_id'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void contactGet_givesTheWholeContact_secondIsFresh_unknownIdIsAnArgumentError() {
        String id = (String) contacts(ok("contact_list", Map.of("account_id", "demo", "limit", 1)))
                .get(0)
                .get("id");

        CallToolResult first =
                call(client, "contact_get", Map.of("account_id", "demo", "contact_id", id, "force_refresh", true));
        CallToolResult second = call(client, "contact_get", Map.of("account_id", "demo", "contact_id", id));

        Map<String, Object> contact = (Map<String, Object>) structured(first).get("contact");
        assertThat(contact)
                .containsEntry("id", id)
                .containsEntry("company_name", "Contoso")
                .containsKeys("display_name", "emails", "department", "folder_id");
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
        assertThat(error("contact_get", Map.of("account_id", "demo", "contact_id", "AAMkNoSuchContact")))
                .startsWith("Invalid argument 'contact_id': no contact with id 'AAMkNoSuchContact'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void contactCreate_thenUpdate_thenDelete_invalidateTheirReads_andLeaveTheOtherAccountsCache() {
        ok("contact_list", Map.of("account_id", "demo2", "limit", 200));
        ok("contact_list", Map.of("account_id", "demo", "limit", 200));

        Map<String, Object> created = (Map<String, Object>) ok(
                        "contact_create",
                        Map.of(
                                "account_id",
                                "demo2",
                                "given_name",
                                "Zoe",
                                "surname",
                                "Lifecycle",
                                "emails",
                                List.of("Zoe L <zoe.lifecycle@example.com>"),
                                "company_name",
                                "Acme, Inc."))
                .get("contact");
        String id = (String) created.get("id");
        assertThat(created)
                .containsEntry("display_name", "Zoe Lifecycle")
                .containsEntry("emails", List.of("zoe.lifecycle@example.com"));
        CallToolResult listed = call(client, "contact_list", Map.of("account_id", "demo2", "limit", 200));
        assertThat(cacheState(listed)).isEqualTo("miss");
        assertThat(contacts(structured(listed))).extracting(c -> c.get("id")).contains(id);
        assertThat(cacheState(call(client, "contact_list", Map.of("account_id", "demo", "limit", 200))))
                .isEqualTo("fresh");

        assertThat(cacheState(call(client, "contact_get", Map.of("account_id", "demo2", "contact_id", id))))
                .isEqualTo("miss");
        Map<String, Object> updated = (Map<String, Object>)
                ok("contact_update", Map.of("account_id", "demo2", "contact_id", id, "job_title", "Chief Tester"))
                        .get("contact");
        assertThat(updated).containsEntry("job_title", "Chief Tester").containsEntry("company_name", "Acme, Inc.");
        CallToolResult afterUpdate = call(client, "contact_get", Map.of("account_id", "demo2", "contact_id", id));
        assertThat(cacheState(afterUpdate)).isEqualTo("miss");
        assertThat((Map<String, Object>) structured(afterUpdate).get("contact"))
                .containsEntry("job_title", "Chief Tester");

        assertThat(error("contact_delete", Map.of("account_id", "demo2", "contact_id", id)))
                .startsWith("Invalid argument 'confirm'");
        ok("contact_delete", Map.of("account_id", "demo2", "contact_id", id, "confirm", true));
        assertThat(error("contact_get", Map.of("account_id", "demo2", "contact_id", id)))
                .startsWith("Invalid argument 'contact_id': no contact with id");
        CallToolResult afterDelete = call(client, "contact_list", Map.of("account_id", "demo2", "limit", 200));
        assertThat(cacheState(afterDelete)).isEqualTo("miss");
        assertThat(contacts(structured(afterDelete)))
                .extracting(c -> c.get("id"))
                .doesNotContain(id);
    }

    @Test
    void contactCreateAndUpdate_badInput_areArgumentErrors() {
        assertThat(error(
                        "contact_create",
                        Map.of("account_id", "demo2", "given_name", "X", "emails", List.of("not-an-address"))))
                .startsWith("Invalid argument 'emails'");
        assertThat(error("contact_create", Map.of("account_id", "demo2", "company_name", "Nameless")))
                .startsWith("Invalid argument 'display_name'");
        assertThat(error(
                        "contact_update",
                        Map.of("account_id", "demo2", "contact_id", "AAMkNoSuchContact", "job_title", "x")))
                .startsWith("Invalid argument 'contact_id': no contact with id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void contactCreateList_addToList_thenListAndExportTheList() throws Exception {
        Map<String, Object> list = ok("contact_create_list", Map.of("account_id", "demo2", "name", "IT Newsletter"));
        String listId = (String) list.get("list_id");
        assertThat(list).containsEntry("name", "IT Newsletter");
        assertThat(error("contact_create_list", Map.of("account_id", "demo2", "name", "IT Newsletter")))
                .startsWith("Invalid argument 'name'");
        Map<String, Object> person = (Map<String, Object>) ok(
                        "contact_create",
                        Map.of(
                                "account_id",
                                "demo2",
                                "given_name",
                                "Quinn",
                                "surname",
                                "Member; \"Q\"",
                                "emails",
                                List.of("quinn.member@example.com")))
                .get("contact");
        ok("contact_list", Map.of("account_id", "demo2", "folder_id", listId));

        Map<String, Object> added = (Map<String, Object>) ok(
                        "contact_add_to_list",
                        Map.of("account_id", "demo2", "list_id", listId, "contact_id", person.get("id")))
                .get("contact");

        assertThat(added)
                .containsEntry("folder_id", listId)
                .containsEntry("emails", List.of("quinn.member@example.com"));
        CallToolResult members = call(client, "contact_list", Map.of("account_id", "demo2", "folder_id", listId));
        assertThat(cacheState(members)).isEqualTo("miss");
        assertThat(contacts(structured(members))).extracting(c -> c.get("id")).containsExactly(added.get("id"));
        assertThat(error(
                        "contact_add_to_list",
                        Map.of("account_id", "demo2", "list_id", "AAMkNoSuchList", "contact_id", person.get("id"))))
                .startsWith("Invalid argument 'list_id': no contact list");

        Map<String, Object> csv = ok(
                "contact_export",
                Map.of(
                        "account_id",
                        "demo2",
                        "format",
                        "csv",
                        "folder_id",
                        listId,
                        "file_name",
                        "it-list.csv",
                        "overwrite",
                        true));
        assertThat(csv).containsEntry("count", 1).containsEntry("format", "csv");
        List<String> rows = Files.readAllLines(Path.of((String) csv.get("path")), StandardCharsets.UTF_8);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1))
                .startsWith("Quinn,\"Member; \"\"Q\"\"\",\"Quinn Member; \"\"Q\"\"\",quinn.member@example.com");
        assertThat(error(
                        "contact_export",
                        Map.of(
                                "account_id",
                                "demo2",
                                "format",
                                "csv",
                                "folder_id",
                                listId,
                                "file_name",
                                "it-list.csv")))
                .startsWith("Invalid argument 'file_name'");
    }

    @Test
    void contactExport_allContactsAsVcard_writesOneCardPerContact_linksIt_andRefusesAPath() throws Exception {
        CallToolResult result = call(
                client, "contact_export", Map.of("account_id", "demo", "file_name", "it-all.vcf", "overwrite", true));
        Map<String, Object> exported = structured(result);

        String content = Files.readString(Path.of((String) exported.get("path")), StandardCharsets.UTF_8);
        ResourceLink link = (ResourceLink) result.content().get(1);
        assertThat(link.mimeType()).isEqualTo("text/vcard");
        assertThat(link.name()).isEqualTo("it-all.vcf");
        BlobResourceContents read = (BlobResourceContents) client.readResource(new ReadResourceRequest(link.uri()))
                .contents()
                .get(0);
        assertThat(new String(Base64.getDecoder().decode(read.blob()), StandardCharsets.UTF_8))
                .isEqualTo(content);
        int count = (Integer) exported.get("count");
        assertThat(count).isGreaterThanOrEqualTo(42);
        assertThat(content.split("BEGIN:VCARD\r\nVERSION:3.0\r\n", -1)).hasSize(count + 1);
        assertThat(content).contains("ORG:Fabrikam", "ORG:Litware").endsWith("END:VCARD\r\n");
        assertThat(exported)
                .containsEntry("format", "vcard")
                .containsEntry("truncated", false)
                .doesNotContainKey("folder_id");
        assertThat(error("contact_export", Map.of("account_id", "demo", "file_name", "../escape.vcf")))
                .startsWith("Invalid argument 'file_name'");
        assertThat(error("contact_export", Map.of("account_id", "demo", "format", "xml")))
                .startsWith("Invalid argument 'format'");
    }

    @Test
    void searchContacts_byCompany_findsOnlyItsPeople_secondIsFresh_andACreateMakesItMiss() {
        CallToolResult first = call(
                client, "search_contacts", Map.of("account_id", "demo2", "query", "Woodgrove", "force_refresh", true));
        CallToolResult second = call(client, "search_contacts", Map.of("account_id", "demo2", "query", "Woodgrove"));

        assertThat(contacts(structured(first)))
                .isNotEmpty()
                .extracting(c -> c.get("company_name"))
                .containsOnly("Woodgrove Bank");
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");

        ok(
                "contact_create",
                Map.of(
                        "account_id",
                        "demo2",
                        "given_name",
                        "Wanda",
                        "surname",
                        "Searchable",
                        "company_name",
                        "Woodgrove Bank"));
        CallToolResult after = call(client, "search_contacts", Map.of("account_id", "demo2", "query", "Woodgrove"));
        assertThat(cacheState(after)).isEqualTo("miss");
        assertThat(contacts(structured(after)))
                .extracting(c -> c.get("display_name"))
                .contains("Wanda Searchable");
        assertThat(error("search_contacts", Map.of("account_id", "demo2", "query", " ")))
                .startsWith("Invalid argument 'query'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchEvents_findsTheOffsite_withTimesAndIds_andTheSecondCallIsFresh() {
        Map<String, Object> arguments = new HashMap<>(Map.of("account_id", "demo", "query", "offsite"));
        CallToolResult first =
                call(client, "search_events", Map.of("account_id", "demo", "query", "offsite", "force_refresh", true));
        CallToolResult second = call(client, "search_events", arguments);

        List<Map<String, Object>> events =
                (List<Map<String, Object>>) structured(first).get("events");
        assertThat(events)
                .isNotEmpty()
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("subject", "Contoso offsite")
                        .containsEntry("is_all_day", true)
                        .containsKeys("id", "start", "end"));
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
        assertThat(error("search_events", Map.of("account_id", "demo", "query", "")))
                .startsWith("Invalid argument 'query'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchEvents_limitPastGraphsPageOf25_pagesWithFromAndReturnsTheLimit() {
        Map<String, Object> answer = structured(call(
                client,
                "search_events",
                Map.of("account_id", "demo", "query", "stand-up", "limit", 60, "force_refresh", true)));

        List<Map<String, Object>> events = (List<Map<String, Object>>) answer.get("events");
        assertThat(events).hasSize(60).extracting(e -> e.get("id")).doesNotHaveDuplicates();
        assertThat(answer).containsEntry("count", 60);
        assertThat((Integer) answer.get("total")).isGreaterThan(60);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> contacts(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("contacts");
    }

    private Map<String, Object> ok(String tool, Map<String, Object> arguments) {
        return structured(call(client, tool, arguments));
    }

    private String error(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError())
                .as(tool + " should fail: " + result.content())
                .isTrue();
        return ((TextContent) result.content().get(0)).text();
    }
}

package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
 * The mail folder and inbox rule tools over MCP on Payara Micro, against the sandbox tenant: what
 * each tool does in Graph, its cache (a second read is fresh, a write makes the dependent read a
 * miss, the other account's entries stay). Writes go to {@code demo2}, each test to its own folders
 * and rules; {@code demo} is read and serves as the other account. The IT server's cache file
 * outlives a run, so a test that wants a first read to miss forces it with {@code force_refresh}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailFoldersAndRulesIT {

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

    // ---- folders: reads

    @Test
    void emailfoldersList_topLevel_listsTheWellKnownFoldersWithCounts_andTheSecondCallIsFresh() {
        CallToolResult first =
                call(client, "emailfolders_list", Map.of("account_id", "demo", "limit", 50, "force_refresh", true));
        CallToolResult second = call(client, "emailfolders_list", Map.of("account_id", "demo", "limit", 50));

        List<Map<String, Object>> folders = folders(structured(first));
        assertThat(folders)
                .extracting(f -> f.get("name"))
                .contains("Inbox", "Sent Items", "Drafts", "Deleted Items", "Archive", "Junk Email");
        Map<String, Object> inbox = byName(folders, "Inbox");
        assertThat((Integer) inbox.get("total_count")).isGreaterThanOrEqualTo(100);
        assertThat((Integer) inbox.get("unread_count")).isPositive();
        assertThat(inbox.get("child_count")).isEqualTo(3);
        assertThat(inbox).containsKeys("id", "parent_id");
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
    }

    @Test
    void emailfoldersList_underAFolder_listsItsSubfolders() {
        Map<String, Object> answer = ok("emailfolders_list", Map.of("account_id", "demo", "parent_folder_id", "inbox"));

        assertThat(folders(answer))
                .extracting(f -> f.get("name"))
                .containsExactlyInAnyOrder("Projects", "Receipts", "Partners");
        assertThat(answer).containsEntry("parent_folder_id", "inbox");
    }

    @Test
    void emailfoldersGet_byWellKnownName_givesCounts_secondIsFresh_unknownIdIsAnArgumentError() {
        CallToolResult first = call(
                client,
                "emailfolders_get",
                Map.of("account_id", "demo", "folder_id", "archive", "force_refresh", true));
        CallToolResult second = call(client, "emailfolders_get", Map.of("account_id", "demo", "folder_id", "archive"));

        @SuppressWarnings("unchecked")
        Map<String, Object> folder = (Map<String, Object>) structured(first).get("folder");
        assertThat(folder).containsEntry("name", "Archive").containsEntry("child_count", 1);
        assertThat((Integer) folder.get("total_count")).isGreaterThanOrEqualTo(25);
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
        assertThat(error("emailfolders_get", Map.of("account_id", "demo", "folder_id", "AAMkNoSuchFolder")))
                .startsWith("Invalid argument 'folder_id': no mail folder 'AAMkNoSuchFolder'");
        assertThat(error("emailfolders_get", Map.of("account_id", "demo", "folder_id", "inbox/../x")))
                .startsWith("Invalid argument 'folder_id'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void emailfoldersGetTree_descendsMaxDepthLevels_andMarksWhereItStopped() {
        Map<String, Object> deep = ok("emailfolders_get_tree", Map.of("account_id", "demo"));
        Map<String, Object> shallow = ok("emailfolders_get_tree", Map.of("account_id", "demo", "max_depth", 2));

        Map<String, Object> projects = byName(
                (List<Map<String, Object>>) byName(folders(deep), "Inbox").get("children"), "Projects");
        assertThat((List<Map<String, Object>>) projects.get("children"))
                .extracting(f -> f.get("name"))
                .containsExactlyInAnyOrder("Mark 8", "Contoso Retail");
        Map<String, Object> shallowProjects = byName(
                (List<Map<String, Object>>) byName(folders(shallow), "Inbox").get("children"), "Projects");
        assertThat(shallowProjects).containsEntry("child_count", 2).doesNotContainKey("children");
        assertThat((Integer) deep.get("folder_count")).isGreaterThan((Integer) shallow.get("folder_count"));
        assertThat(deep).containsEntry("max_depth", 3).containsEntry("truncated", false);
        assertThat(cacheState(call(client, "emailfolders_get_tree", Map.of("account_id", "demo"))))
                .isEqualTo("fresh");
    }

    @Test
    void emailfoldersGetTree_folderWithMoreChildrenThanAPage_followsThePaging() {
        String parent = id(ok("emailfolders_create", Map.of("account_id", "demo2", "name", "IT paging")));
        IntStream.rangeClosed(1, 13)
                .forEach(i -> ok(
                        "emailfolders_create",
                        Map.of("account_id", "demo2", "name", "Child " + i, "parent_folder_id", parent)));

        Map<String, Object> tree = ok("emailfolders_get_tree", Map.of("account_id", "demo2", "folder_id", parent));
        Map<String, Object> list = ok("emailfolders_list", Map.of("account_id", "demo2", "parent_folder_id", parent));

        assertThat(folders(tree)).hasSize(13);
        assertThat(tree).containsEntry("folder_count", 13).containsEntry("folder_id", parent);
        assertThat(folders(list)).hasSize(13);
    }

    // ---- folders: writes

    @Test
    void emailfoldersCreateRenameMoveDelete_eachWriteMakesTheFolderReadsMiss_otherAccountUntouched() {
        ok("emailfolders_list", Map.of("account_id", "demo", "limit", 40));
        ok("emailfolders_list", Map.of("account_id", "demo2", "limit", 40));
        ok("emailfolders_get_tree", Map.of("account_id", "demo2", "max_depth", 1));

        String id = id(ok("emailfolders_create", Map.of("account_id", "demo2", "name", "IT lifecycle")));
        CallToolResult afterCreate = call(client, "emailfolders_list", Map.of("account_id", "demo2", "limit", 40));
        assertThat(cacheState(afterCreate)).isEqualTo("miss");
        assertThat(folders(structured(afterCreate)))
                .extracting(f -> f.get("name"))
                .contains("IT lifecycle");
        assertThat(cacheState(call(client, "emailfolders_get_tree", Map.of("account_id", "demo2", "max_depth", 1))))
                .isEqualTo("miss");
        assertThat(error("emailfolders_create", Map.of("account_id", "demo2", "name", "it LIFECYCLE")))
                .startsWith("Invalid argument 'name': a sibling folder is already named");

        ok("emailfolders_get", Map.of("account_id", "demo2", "folder_id", id));
        Map<String, Object> renamed =
                ok("emailfolders_rename", Map.of("account_id", "demo2", "folder_id", id, "new_name", "IT renamed"));
        assertThat(renamed.get("message").toString()).contains("IT renamed");
        CallToolResult got = call(client, "emailfolders_get", Map.of("account_id", "demo2", "folder_id", id));
        assertThat(cacheState(got)).isEqualTo("miss");
        assertThat(structured(got).toString()).contains("name=IT renamed");

        ok("emailfolders_move", Map.of("account_id", "demo2", "folder_id", id, "destination_folder_id", "archive"));
        assertThat(folders(ok("emailfolders_list", Map.of("account_id", "demo2", "parent_folder_id", "archive"))))
                .extracting(f -> f.get("id"))
                .contains(id);

        assertThat(error("emailfolders_delete", Map.of("account_id", "demo2", "folder_id", id)))
                .startsWith("Invalid argument 'confirm': must be true: this deletes mail folder " + id);
        ok("emailfolders_delete", Map.of("account_id", "demo2", "folder_id", id, "confirm", true));
        assertThat(error("emailfolders_get", Map.of("account_id", "demo2", "folder_id", id)))
                .contains("no mail folder");
        assertThat(cacheState(call(client, "emailfolders_list", Map.of("account_id", "demo", "limit", 40))))
                .as("the other account's folder list is untouched")
                .isEqualTo("fresh");
    }

    @Test
    @SuppressWarnings("unchecked")
    void emailMessageWrites_makeTheFolderCountsMiss_soUnreadCountsAreNeverStale() {
        Map<String, Object> page =
                ok("email_list", Map.of("account_id", "demo2", "folder", "inbox", "limit", 1, "force_refresh", true));
        String messageId = (String)
                ((List<Map<String, Object>>) page.get("messages")).get(0).get("id");
        call(client, "emailfolders_get", Map.of("account_id", "demo2", "folder_id", "inbox", "force_refresh", true));
        assertThat(cacheState(call(client, "emailfolders_get", Map.of("account_id", "demo2", "folder_id", "inbox"))))
                .isEqualTo("fresh");

        ok("email_mark_read", Map.of("account_id", "demo2", "message_ids", List.of(messageId), "is_read", false));

        assertThat(cacheState(call(client, "emailfolders_get", Map.of("account_id", "demo2", "folder_id", "inbox"))))
                .as("the inbox's unread count changed")
                .isEqualTo("miss");
    }

    @Test
    void emailfoldersDelete_wellKnownFolder_isRefusedByGraph() {
        CallToolResult result = call(
                client, "emailfolders_delete", Map.of("account_id", "demo2", "folder_id", "inbox", "confirm", true));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("400").contains("Distinguished folders");
    }

    @Test
    void emailfoldersMarkAllAsRead_boundedThenComplete_leavesNoUnread_andEmailReadsMiss() {
        String receipts = childId("demo2", "inbox", "Receipts");
        int unread = unreadCount("demo2", receipts);
        assertThat(unread).as("seeded unread receipts").isGreaterThanOrEqualTo(2);
        ok("email_list", Map.of("account_id", "demo2", "folder", receipts));
        ok("email_list", Map.of("account_id", "demo", "folder", "inbox", "limit", 3));

        Map<String, Object> first = ok(
                "emailfolders_mark_all_as_read",
                Map.of("account_id", "demo2", "folder_id", receipts, "max_messages", 1));
        Map<String, Object> rest =
                ok("emailfolders_mark_all_as_read", Map.of("account_id", "demo2", "folder_id", receipts));

        assertThat(first).containsEntry("done", 1).containsEntry("more_remaining", true);
        assertThat(rest).containsEntry("done", unread - 1).containsEntry("more_remaining", false);
        assertThat(rest.get("message").toString()).startsWith("Marked " + (unread - 1) + " messages");
        assertThat(unreadCount("demo2", receipts)).isZero();
        CallToolResult list = call(client, "email_list", Map.of("account_id", "demo2", "folder", receipts));
        assertThat(cacheState(list)).isEqualTo("miss");
        assertThat(structured(list).get("messages").toString()).doesNotContain("is_read=false");
        assertThat(cacheState(call(client, "email_list", Map.of("account_id", "demo", "folder", "inbox", "limit", 3))))
                .as("the other account's email_list is untouched")
                .isEqualTo("fresh");
    }

    @Test
    void emailfoldersEmpty_needsConfirm_thenDeletesEveryMessageIntoDeletedItems() {
        String partners = childId("demo2", "inbox", "Partners");
        int total = totalCount("demo2", partners);
        int deletedBefore = totalCount("demo2", "deleteditems");
        assertThat(total).isPositive();
        ok("email_list", Map.of("account_id", "demo2", "folder", partners));

        assertThat(error("emailfolders_empty", Map.of("account_id", "demo2", "folder_id", partners)))
                .startsWith("Invalid argument 'confirm': must be true: this deletes every message of folder");
        assertThat(totalCount("demo2", partners))
                .as("nothing deleted without confirm")
                .isEqualTo(total);
        Map<String, Object> emptied =
                ok("emailfolders_empty", Map.of("account_id", "demo2", "folder_id", partners, "confirm", true));

        assertThat(emptied).containsEntry("done", total).containsEntry("more_remaining", false);
        assertThat(emptied.get("message").toString()).contains("Deleted Items");
        assertThat(totalCount("demo2", partners)).isZero();
        assertThat(totalCount("demo2", "deleteditems")).isEqualTo(deletedBefore + total);
        CallToolResult list = call(client, "email_list", Map.of("account_id", "demo2", "folder", partners));
        assertThat(cacheState(list)).isEqualTo("miss");
        assertThat(structured(list)).containsEntry("count", 0);
    }

    // ---- rules

    @Test
    @SuppressWarnings("unchecked")
    void emailrulesList_seededRules_inTheOrderTheyRun_compact_andTheSecondCallIsFresh() {
        CallToolResult first = call(client, "emailrules_list", Map.of("account_id", "demo", "force_refresh", true));
        CallToolResult second = call(client, "emailrules_list", Map.of("account_id", "demo"));

        List<Map<String, Object>> rules =
                (List<Map<String, Object>>) structured(first).get("rules");
        assertThat(rules)
                .extracting(r -> r.get("name"))
                .containsExactly("Partners to their folder", "File receipts", "Urgent is important");
        assertThat(rules).extracting(r -> r.get("sequence")).containsExactly(1, 2, 3);
        assertThat(rules.get(1))
                .containsEntry("enabled", true)
                .doesNotContainKeys("exceptions", "has_error", "is_read_only");
        assertThat((Map<String, Object>) rules.get(1).get("conditions"))
                .containsEntry("subjectContains", List.of("receipt", "invoice"));
        assertThat((Map<String, Object>) rules.get(1).get("actions")).containsEntry("markAsRead", true);
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
    }

    @Test
    void emailrulesGet_oneRule_secondIsFresh_unknownIdIsAnArgumentError() {
        String id = ruleIds("demo").get(2);
        CallToolResult first = call(client, "emailrules_get", Map.of("account_id", "demo", "rule_id", id));

        assertThat(structured(first).toString())
                .contains("name=Urgent is important")
                .contains("markImportance=high");
        assertThat(cacheState(call(client, "emailrules_get", Map.of("account_id", "demo", "rule_id", id))))
                .isEqualTo("fresh");
        assertThat(error("emailrules_get", Map.of("account_id", "demo", "rule_id", "AQAAAJ5dNone=")))
                .startsWith("Invalid argument 'rule_id': no inbox rule 'AQAAAJ5dNone='");
    }

    @Test
    void emailrulesCreateAtTheTop_thenDelete_keepSequencesDense_andMakeTheRuleReadsMiss() {
        ok("emailrules_list", Map.of("account_id", "demo2"));
        ok("emailrules_list", Map.of("account_id", "demo"));
        int before = ruleIds("demo2").size();

        Map<String, Object> created = ok(
                "emailrules_create",
                Map.of(
                        "account_id",
                        "demo2",
                        "name",
                        "IT first",
                        "sequence",
                        1,
                        "conditions",
                        "{\"fromAddresses\":[\"boss@contoso.sandbox\"]}",
                        "actions",
                        "{\"markImportance\":\"high\"}"));
        String id = (String) created.get("rule_id");

        CallToolResult list = call(client, "emailrules_list", Map.of("account_id", "demo2"));
        assertThat(cacheState(list)).isEqualTo("miss");
        assertThat(sequences(structured(list)))
                .isEqualTo(IntStream.rangeClosed(1, before + 1).boxed().toList());
        assertThat(ruleIds("demo2").get(0)).isEqualTo(id);
        assertThat(structured(list).toString()).contains("boss@contoso.sandbox");
        assertThat(cacheState(call(client, "emailrules_list", Map.of("account_id", "demo"))))
                .as("the other account's rules are untouched")
                .isEqualTo("fresh");

        assertThat(error("emailrules_delete", Map.of("account_id", "demo2", "rule_id", id)))
                .startsWith("Invalid argument 'confirm'");
        ok("emailrules_delete", Map.of("account_id", "demo2", "rule_id", id, "confirm", true));
        CallToolResult afterDelete = call(client, "emailrules_list", Map.of("account_id", "demo2"));
        assertThat(cacheState(afterDelete)).isEqualTo("miss");
        assertThat(sequences(structured(afterDelete)))
                .isEqualTo(IntStream.rangeClosed(1, before).boxed().toList());
        assertThat(ruleIds("demo2")).doesNotContain(id);
    }

    @Test
    void emailrulesCreate_badInput_isAnArgumentError_andCreatesNothing() {
        int before = ruleIds("demo2").size();

        assertThat(error(
                        "emailrules_create",
                        Map.of("account_id", "demo2", "name", "x", "actions", "{\"forwardTo\":[\"not an address\"]}")))
                .startsWith("Invalid argument 'actions.forwardTo': \"not an address\" is not an email address");
        assertThat(error(
                        "emailrules_create",
                        Map.of(
                                "account_id",
                                "demo2",
                                "name",
                                "x",
                                "actions",
                                "{\"markAsRead\":true}",
                                "conditions",
                                "{\"subjectHas\":[\"x\"]}")))
                .startsWith("Invalid argument 'conditions': has an unknown property 'subjectHas'");
        assertThat(error("emailrules_create", Map.of("account_id", "demo2", "name", "x", "actions", "{}")))
                .startsWith("Invalid argument 'actions': needs at least one action");
        assertThat(ruleIds("demo2")).hasSize(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void emailrulesUpdate_changesWhatIsGiven_keepsTheRest_andTheRuleGetMisses() {
        String id = (String) ok(
                        "emailrules_create",
                        Map.of(
                                "account_id",
                                "demo2",
                                "name",
                                "IT update",
                                "conditions",
                                "{\"subjectContains\":[\"weekly\"]}",
                                "actions",
                                "{\"markAsRead\":true}"))
                .get("rule_id");
        ok("emailrules_get", Map.of("account_id", "demo2", "rule_id", id));

        ok(
                "emailrules_update",
                Map.of(
                        "account_id",
                        "demo2",
                        "rule_id",
                        id,
                        "enabled",
                        "false",
                        "conditions",
                        "{\"senderContains\":[\"newsletter\"]}"));

        CallToolResult got = call(client, "emailrules_get", Map.of("account_id", "demo2", "rule_id", id));
        Map<String, Object> rule = (Map<String, Object>) structured(got).get("rule");
        assertThat(cacheState(got)).isEqualTo("miss");
        assertThat(rule).containsEntry("enabled", false).containsEntry("name", "IT update");
        assertThat(rule.get("conditions")).isEqualTo(Map.of("senderContains", List.of("newsletter")));
        assertThat(rule.get("actions")).isEqualTo(Map.of("markAsRead", true));
        assertThat(error("emailrules_update", Map.of("account_id", "demo2", "rule_id", id)))
                .contains("nothing to change");
        ok("emailrules_delete", Map.of("account_id", "demo2", "rule_id", id, "confirm", true));
    }

    @Test
    void emailrulesMoves_reorderWithDenseSequences_andTheFirstRuleUpIsANoOpThatSaysSo() {
        List<String> start = ruleIds("demo2");
        String last = start.get(start.size() - 1);
        ok("emailrules_list", Map.of("account_id", "demo2"));

        ok("emailrules_move_top", Map.of("account_id", "demo2", "rule_id", last));
        CallToolResult afterTop = call(client, "emailrules_list", Map.of("account_id", "demo2"));
        assertThat(cacheState(afterTop)).isEqualTo("miss");
        assertThat(ruleIds("demo2").get(0)).isEqualTo(last);
        assertDense(structured(afterTop));

        Map<String, Object> noOp = ok("emailrules_move_up", Map.of("account_id", "demo2", "rule_id", last));
        assertThat(noOp.get("message").toString()).startsWith("Nothing to do").contains("already first");
        assertThat(ruleIds("demo2").get(0)).isEqualTo(last);

        ok("emailrules_move_down", Map.of("account_id", "demo2", "rule_id", last));
        assertThat(ruleIds("demo2").get(1)).isEqualTo(last);
        ok("emailrules_move_up", Map.of("account_id", "demo2", "rule_id", last));
        assertThat(ruleIds("demo2").get(0)).isEqualTo(last);
        ok("emailrules_move_bottom", Map.of("account_id", "demo2", "rule_id", last));
        assertThat(ruleIds("demo2")).isEqualTo(start);
        assertDense(ok("emailrules_list", Map.of("account_id", "demo2")));
    }

    @Test
    void folderAndRuleTools_carryTheirSafetyAnnotations() {
        Map<String, Tool> tools = new HashMap<>();
        client.listTools().tools().forEach(t -> tools.put(t.name(), t));

        for (String read : List.of(
                "emailfolders_list",
                "emailfolders_get",
                "emailfolders_get_tree",
                "emailrules_list",
                "emailrules_get")) {
            assertThat(tools.get(read).annotations().readOnlyHint()).as(read).isTrue();
        }
        for (String destructive : List.of("emailfolders_delete", "emailfolders_empty", "emailrules_delete")) {
            assertThat(tools.get(destructive).annotations().destructiveHint())
                    .as(destructive)
                    .isTrue();
            assertThat(tools.get(destructive).inputSchema().toString())
                    .as(destructive)
                    .contains("confirm");
        }
        for (String write : List.of(
                "emailfolders_create",
                "emailfolders_rename",
                "emailfolders_move",
                "emailfolders_mark_all_as_read",
                "emailrules_create",
                "emailrules_update",
                "emailrules_move_top",
                "emailrules_move_bottom",
                "emailrules_move_up",
                "emailrules_move_down")) {
            assertThat(tools.get(write).annotations().readOnlyHint()).as(write).isFalse();
            assertThat(tools.get(write).annotations().destructiveHint())
                    .as(write)
                    .isFalse();
        }
    }

    // ---- helpers

    private Map<String, Object> ok(String tool, Map<String, Object> arguments) {
        return structured(call(client, tool, arguments));
    }

    private String error(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError())
                .as(tool + " should fail: " + result.content())
                .isTrue();
        return text(result);
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    private String childId(String account, String parent, String name) {
        return (String) byName(
                        folders(ok(
                                "emailfolders_list",
                                Map.of("account_id", account, "parent_folder_id", parent, "use_cache", false))),
                        name)
                .get("id");
    }

    private int unreadCount(String account, String folder) {
        return folderCount(account, folder, "unread_count");
    }

    private int totalCount(String account, String folder) {
        return folderCount(account, folder, "total_count");
    }

    @SuppressWarnings("unchecked")
    private int folderCount(String account, String folder, String count) {
        return (Integer) ((Map<String, Object>)
                        ok("emailfolders_get", Map.of("account_id", account, "folder_id", folder, "use_cache", false))
                                .get("folder"))
                .get(count);
    }

    @SuppressWarnings("unchecked")
    private List<String> ruleIds(String account) {
        return ((List<Map<String, Object>>) ok("emailrules_list", Map.of("account_id", account, "use_cache", false))
                        .get("rules"))
                .stream().map(r -> (String) r.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> sequences(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("rules"))
                .stream().map(r -> (Integer) r.get("sequence")).toList();
    }

    private static void assertDense(Map<String, Object> answer) {
        List<Integer> sequences = sequences(answer);
        assertThat(sequences)
                .isEqualTo(IntStream.rangeClosed(1, sequences.size()).boxed().toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> folders(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("folders");
    }

    private static String id(Map<String, Object> changed) {
        return (String) changed.get("folder_id");
    }

    private static Map<String, Object> byName(List<Map<String, Object>> folders, String name) {
        return folders.stream()
                .filter(f -> name.equals(f.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no folder '" + name + "' in " + folders));
    }
}

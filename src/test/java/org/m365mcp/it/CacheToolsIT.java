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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cache tools (SPEC §6) and the search API tools, over MCP against the sandbox. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CacheToolsIT {

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
    @SuppressWarnings("unchecked")
    void searchFiles_byName_rankedDriveItemsAndTheSecondCallIsFresh() {
        Map<String, Object> arguments = Map.of("account_id", "demo", "query", "budget", "limit", 3);
        CallToolResult first = call(client, "search_files", arguments);
        CallToolResult second = call(client, "search_files", arguments);

        Map<String, Object> answer = structured(first);
        List<Map<String, Object>> hits = (List<Map<String, Object>>) answer.get("hits");
        assertThat(hits).hasSize(3).allSatisfy(hit -> {
            assertThat(hit).containsEntry("type", "driveItem").containsKey("id");
            assertThat((String) hit.get("title")).containsIgnoringCase("budget");
        });
        assertThat(hits).extracting(hit -> hit.get("rank")).containsExactly(1, 2, 3);
        assertThat(answer).containsEntry("more_available", true);
        assertThat((Integer) answer.get("total")).isGreaterThan(3);
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchUnified_acrossMailEventsAndFiles_findsANewDraftAndFilesMergedByRank() {
        String word = "Quokka" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> draft = structured(call(
                client,
                "email_create_draft",
                Map.of("account_id", "demo2", "subject", word + " budget", "body", "numbers")));

        Map<String, Object> answer =
                structured(call(client, "search_unified", Map.of("account_id", "demo2", "query", word)));
        List<Map<String, Object>> hits = (List<Map<String, Object>>) answer.get("hits");
        assertThat(hits)
                .singleElement()
                .satisfies(hit -> assertThat(hit)
                        .containsEntry("type", "message")
                        .containsEntry("id", draft.get("draft_id"))
                        .containsEntry("title", word + " budget"));

        List<Map<String, Object>> mixed = (List<Map<String, Object>>)
                structured(call(client, "search_unified", Map.of("account_id", "demo", "query", "budget", "limit", 50)))
                        .get("hits");
        assertThat(mixed).extracting(hit -> hit.get("type")).contains("driveItem");
        assertThat(mixed).extracting(hit -> (Integer) hit.get("rank")).isSorted();
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchUnified_limitPastGraphsMailPage_eachTypeAloneAndPagedWithFrom_mergedByRank() {
        Map<String, Object> answer = structured(call(
                client,
                "search_unified",
                Map.of("account_id", "demo", "query", "review", "limit", 100, "force_refresh", true)));

        List<Map<String, Object>> hits = (List<Map<String, Object>>) answer.get("hits");
        int total = (Integer) answer.get("total");
        assertThat(hits)
                .hasSize(Math.min(100, total))
                .extracting(hit -> hit.get("type"))
                .contains("message", "event", "driveItem");
        assertThat(hits)
                .extracting(hit -> hit.get("type") + ":" + hit.get("id"))
                .doesNotHaveDuplicates();
        assertThat(hits).extracting(hit -> (Integer) hit.get("rank")).isSorted();
        assertThat(hits.stream()
                        .filter(hit -> "message".equals(hit.get("type")))
                        .count())
                .isGreaterThan(25);
        assertThat(answer).containsEntry("count", hits.size()).containsEntry("more_available", total > 100);
    }

    @Test
    void cacheInvalidate_oneAccountsOperation_nextReadIsAMissOtherAccountUntouched() {
        Map<String, Object> mine = Map.of("account_id", "demo2", "query", "overview");
        Map<String, Object> other = Map.of("account_id", "demo", "query", "overview");
        call(client, "search_files", mine);
        call(client, "search_files", other);

        Map<String, Object> answer = structured(call(
                client,
                "cache_invalidate",
                Map.of("account_id", "demo2", "resource_type", "search_files", "pattern", "*query=overview*")));

        assertThat(answer).containsEntry("key_pattern", "search_files:demo2:*query=overview*");
        assertThat((Integer) answer.get("invalidated")).isGreaterThanOrEqualTo(1);
        assertThat(cacheState(call(client, "search_files", mine))).isEqualTo("miss");
        assertThat(cacheState(call(client, "search_files", other))).isEqualTo("fresh");
    }

    @Test
    void cacheInvalidate_unknownOperationOrBadPattern_isAnArgumentError() {
        assertThat(errorText(
                        call(client, "cache_invalidate", Map.of("account_id", "demo", "resource_type", "email_lst"))))
                .startsWith("Invalid argument 'resource_type'")
                .contains("email_list");
        assertThat(errorText(call(
                        client,
                        "cache_invalidate",
                        Map.of("account_id", "demo", "resource_type", "email_list", "pattern", " "))))
                .startsWith("Invalid argument 'pattern'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cacheGetStats_afterACachedSearch_showsItsTypeAccountSizesAndHits() {
        call(client, "search_files", Map.of("account_id", "demo2", "query", "plan"));
        call(client, "search_files", Map.of("account_id", "demo2", "query", "plan"));

        Map<String, Object> answer = structured(call(client, "cache_get_stats", Map.of()));

        assertThat(answer).containsEntry("store_open", true);
        assertThat(((Number) answer.get("compression_saved_bytes")).longValue())
                .isEqualTo(((Number) answer.get("uncompressed_bytes")).longValue()
                        - ((Number) answer.get("stored_bytes")).longValue());
        Map<String, Map<String, Object>> types = (Map<String, Map<String, Object>>) answer.get("resource_types");
        assertThat((Integer) types.get("search_files").get("entries")).isGreaterThanOrEqualTo(1);
        assertThat(types.get("search_files"))
                .containsKeys("stored_bytes", "uncompressed_bytes", "compression_saved_bytes");
        assertThat((Map<String, Object>) answer.get("accounts")).containsKey("demo2");
        Map<String, Map<String, Object>> operations = (Map<String, Map<String, Object>>) answer.get("operations");
        assertThat((Integer) operations.get("search_files").get("fresh_hits")).isGreaterThanOrEqualTo(1);
        assertThat((Double) answer.get("hit_rate")).isBetween(0.0, 1.0);
    }

    @Test
    void taskTools_noBackgroundWorkYet_sayNoWarmingHasRunAndUnknownIdsAreErrors() {
        Map<String, Object> warming = structured(call(client, "cache_warming_status", Map.of("account_id", "demo")));
        Map<String, Object> list = structured(call(client, "cache_task_list", Map.of("status", "queued")));

        assertThat(warming)
                .containsEntry("total", 0)
                .doesNotContainKey("percent_done")
                .doesNotContainKey("execution_id");
        assertThat((String) warming.get("note")).startsWith("No warming has run");
        assertThat(list).containsEntry("status", "queued").containsEntry("count", 0);
        assertThat(errorText(call(
                        client,
                        "cache_task_get_status",
                        Map.of("task_id", UUID.randomUUID().toString()))))
                .contains("no task with id");
        assertThat(errorText(call(client, "cache_task_list", Map.of("status", "done"))))
                .startsWith("Invalid argument 'status'");
    }

    @Test
    void listTools_cacheToolsAreClosedWorld_readsReadOnly_invalidateAWriteNotDestructive() {
        Map<String, Tool> tools = new java.util.HashMap<>();
        client.listTools().tools().forEach(tool -> tools.put(tool.name(), tool));

        for (String name :
                List.of("cache_get_stats", "cache_task_get_status", "cache_task_list", "cache_warming_status")) {
            assertThat(tools.get(name).annotations().openWorldHint()).as(name).isFalse();
            assertThat(tools.get(name).annotations().readOnlyHint()).as(name).isTrue();
        }
        Tool invalidate = tools.get("cache_invalidate");
        assertThat(invalidate.annotations().openWorldHint()).isFalse();
        assertThat(invalidate.annotations().readOnlyHint()).isFalse();
        assertThat(invalidate.annotations().destructiveHint()).isFalse();
        assertThat(tools.get("search_unified").annotations().readOnlyHint()).isTrue();
    }

    private static String errorText(CallToolResult result) {
        assertThat(result.isError()).isTrue();
        return ((TextContent) result.content().get(0)).text();
    }
}

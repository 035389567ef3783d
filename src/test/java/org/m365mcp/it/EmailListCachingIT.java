package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
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
 * email_list over real MCP HTTP on Payara Micro, against the sandbox tenant: the tiered
 * {@code @CacheResult} end to end. Each test uses its own {@code limit} so its cache key is its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmailListCachingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;
    private SandboxAdmin sandbox;

    @BeforeEach
    void connect() {
        client = ItServer.client(base);
        sandbox = new SandboxAdmin(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    private CallToolResult emailList(int limit, Map<String, Object> extra) {
        Map<String, Object> arguments = new java.util.HashMap<>(Map.of("account_id", "demo", "limit", limit));
        arguments.putAll(extra);
        return call(client, "email_list", arguments);
    }

    @Test
    void emailList_calledTwice_secondIsFreshFromCacheAndSandboxCountedOneRequest() throws Exception {
        long before = sandbox.graphRequests();

        CallToolResult first = emailList(5, Map.of());
        CallToolResult second = emailList(5, Map.of());

        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
        assertThat(structured(second).get("messages"))
                .isEqualTo(structured(first).get("messages"));
        assertThat((List<?>) structured(first).get("messages")).hasSize(5);
        assertThat(sandbox.graphRequests() - before).isEqualTo(1);
    }

    @Test
    void emailList_accountIdSpelledDifferently_isOneKeyAndEveryAnswerSaysTheCanonicalId() throws Exception {
        long before = sandbox.graphRequests();

        CallToolResult first = call(client, "email_list", Map.of("account_id", " DEMO", "limit", 13));
        CallToolResult second = call(client, "email_list", Map.of("account_id", "Demo ", "limit", 13));

        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
        assertThat(structured(first)).containsEntry("account_id", "demo");
        assertThat(structured(second))
                .as("the cached answer, first stored for ' DEMO'")
                .containsEntry("account_id", "demo");
        assertThat(sandbox.graphRequests() - before).isEqualTo(1);
    }

    @Test
    void emailList_accountIdWithAControlCharacter_isAnArgumentErrorNamingAccountId() {
        for (String spelling : List.of("demo\u0000", "demo\n", "de\u200bmo")) {
            CallToolResult result = call(client, "email_list", Map.of("account_id", spelling, "limit", 13));

            assertThat(result.isError()).as(spelling).isTrue();
            assertThat(((TextContent) result.content().get(0)).text())
                    .as(spelling)
                    .startsWith("Invalid argument 'account_id': must not contain control or invisible characters");
        }
    }

    @Test
    void emailList_graphThrottlingPastTheCallDeadline_answersAtOnceSayingWhenToRetry() throws Exception {
        sandbox.addFault("{\"path_pattern\":\"/me/mailFolders/*\",\"method\":\"GET\",\"status\":429,"
                + "\"retry_after_seconds\":50}");
        try {
            long started = System.nanoTime();
            CallToolResult result = emailList(14, Map.of("use_cache", false));
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(result.isError()).isTrue();
            assertThat(((TextContent) result.content().get(0)).text())
                    .startsWith("email_list failed: Graph is throttling this mailbox; retry after 50 s")
                    .contains("45 s one call may take (m365.mcp.graph.call-deadline)");
            assertThat(tookMs)
                    .as("no wait for Retry-After (the IT client gives up after 60 s)")
                    .isLessThan(10_000);
        } finally {
            sandbox.clearFaults();
        }
    }

    @Test
    void emailList_staleEntry_servedAtOnceAndRefreshedInBackground() throws Exception {
        CallToolResult first = emailList(6, Map.of());
        Instant firstCachedAt = cachedAt(first);
        long afterFirst = sandbox.graphRequests();

        Thread.sleep(Duration.ofSeconds(5).toMillis()); // fresh TTL of email_list is 4 s in the IT server
        CallToolResult stale = emailList(6, Map.of());

        assertThat(cacheState(stale)).isEqualTo("stale");
        assertThat(cachedAt(stale)).isEqualTo(firstCachedAt);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sandbox.graphRequests() == afterFirst && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sandbox.graphRequests() - afterFirst)
                .as("the background refresh reached the sandbox")
                .isEqualTo(1);
        CallToolResult refreshed = awaitFresh(6);
        assertThat(cachedAt(refreshed)).isAfter(firstCachedAt);
    }

    @Test
    void emailList_forceRefresh_bypassesTheCacheEveryTime() throws Exception {
        emailList(7, Map.of());
        long before = sandbox.graphRequests();

        CallToolResult first = emailList(7, Map.of("force_refresh", true));
        CallToolResult second = emailList(7, Map.of("force_refresh", true));

        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("miss");
        assertThat(sandbox.graphRequests() - before)
                .as("no other cache layer answered")
                .isEqualTo(2);
    }

    @Test
    void emailList_useCacheFalse_neitherReadsNorWritesTheCache() throws Exception {
        long before = sandbox.graphRequests();

        CallToolResult bypassed = emailList(8, Map.of("use_cache", false));
        CallToolResult afterBypass = emailList(8, Map.of());

        assertThat(cacheState(bypassed)).isEqualTo("bypass");
        assertThat(cacheState(afterBypass))
                .as("the bypassed call stored nothing")
                .isEqualTo("miss");
        assertThat(emailList(8, Map.of("use_cache", false)).isError()).isFalse();
        assertThat(sandbox.graphRequests() - before).isEqualTo(3);
    }

    @Test
    void emailList_eachCallIsInterceptedExactlyOnce() {
        long before = emailListCalls();

        emailList(9, Map.of());
        emailList(9, Map.of());
        emailList(9, Map.of("use_cache", false));

        assertThat(emailListCalls() - before).isEqualTo(3);
    }

    @Test
    void cacheGetStats_afterHitAndMiss_reportsEntriesBytesAndHitRate() {
        emailList(10, Map.of());
        emailList(10, Map.of());

        Map<String, Object> stats = structured(call(client, "cache_get_stats", Map.of()));

        assertThat(stats.get("store_open")).isEqualTo(true);
        assertThat(((Number) stats.get("entries")).longValue()).isPositive();
        assertThat(((Number) stats.get("stored_bytes")).longValue()).isPositive();
        assertThat(((Number) stats.get("hits")).longValue()).isPositive();
        assertThat(((Number) stats.get("misses")).longValue()).isPositive();
        assertThat(((Number) stats.get("hit_rate")).doubleValue())
                .isBetween(0.0, 1.0)
                .isNotIn(0.0, 1.0);
        assertThat(stats.get("key_source")).isEqualTo("environment");
    }

    @SuppressWarnings("unchecked")
    private long emailListCalls() {
        Map<String, Object> operations = (Map<String, Object>)
                structured(call(client, "cache_get_stats", Map.of())).get("operations");
        Map<String, Object> emailList = (Map<String, Object>) operations.getOrDefault("email_list", Map.of());
        return emailList.values().stream()
                .filter(Number.class::isInstance)
                .filter(v -> !(v instanceof Double))
                .mapToLong(v -> ((Number) v).longValue())
                .sum();
    }

    private CallToolResult awaitFresh(int limit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        CallToolResult result = emailList(limit, Map.of());
        while (!"fresh".equals(cacheState(result)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            result = emailList(limit, Map.of());
        }
        assertThat(cacheState(result)).isEqualTo("fresh");
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Instant cachedAt(CallToolResult result) {
        return Instant.parse((String) ((Map<String, Object>) structured(result).get("cache")).get("cached_at"));
    }
}

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
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
 * Stale-if-error over MCP against the sandbox with its faults on: a read whose entry has expired
 * answers from the cache while Graph fails, and says so; force_refresh and Graph's 404 still fail;
 * once Graph is back the next read fetches. (A connection-level failure takes the sandbox a delay
 * past the 30 s request timeout, longer than the IT server keeps an expired entry: GraphUnavailableTest
 * proves over real HTTP that a dropped connection or a server that is gone counts as unavailable.) The IT server's search_unified entries expire 2 s after
 * they were fetched, and may answer for 8 s more when Graph fails (arquillian.xml), so an entry is
 * expired without slowing anything else; each test has its own {@code limit}, so its own key. Graph's search is {@code POST /search/query}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaleIfErrorIT {

    private static final String SEARCH = "/search/query";
    private static final long PAST_EXPIRY_MS = 2_500;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;
    private SandboxAdmin sandbox;

    @BeforeEach
    void connect() throws Exception {
        ReadinessProbe.await(base.getPort(), null, Duration.ofMinutes(2), "the IT server's console");
        client = ItServer.client(base);
        sandbox = new SandboxAdmin(base);
    }

    @AfterEach
    void disconnect() throws Exception {
        sandbox.clearFaults();
        client.closeGracefully();
    }

    @Test
    void expiredRead_graphAnswers503_answersStaleIfErrorWithItsAge_thenFreshOnceGraphIsBack() throws Exception {
        int query = 41;
        CallToolResult fetched = search(query, false);
        Instant cachedAt = cachedAt(fetched);
        Thread.sleep(PAST_EXPIRY_MS);
        sandbox.addFault(fault(503, "serviceNotAvailable"));

        CallToolResult answered = search(query, false);

        assertThat(cacheState(answered)).isEqualTo("stale_if_error");
        assertThat(cachedAt(answered))
                .as("read back from the store, which keeps milliseconds")
                .isEqualTo(cachedAt.truncatedTo(ChronoUnit.MILLIS));
        assertThat(note(answered))
                .startsWith("Microsoft Graph failed (HTTP 503); this is cached data from ")
                .endsWith(" s ago");
        assertThat(structured(answered).get("hits"))
                .isEqualTo(structured(fetched).get("hits"));
        assertThat(staleIfErrorServes()).isPositive();

        sandbox.clearFaults();
        CallToolResult back = search(query, false);

        assertThat(cacheState(back)).isEqualTo("miss");
        assertThat(cachedAt(back)).isAfter(cachedAt);
        assertThat(note(back)).isNull();
    }

    @Test
    void expiredRead_throttledPastTheRetries_answersStaleIfError() throws Exception {
        int query = 42;
        search(query, false);
        Thread.sleep(PAST_EXPIRY_MS);
        sandbox.addFault(fault(429, "TooManyRequests"));

        CallToolResult answered = search(query, false);

        assertThat(cacheState(answered)).isEqualTo("stale_if_error");
        assertThat(note(answered)).startsWith("Microsoft Graph failed (HTTP 429: throttled past the retries)");
    }

    @Test
    void forceRefresh_graphAnswers503_failsClearly_evenWithAnEntryCached() throws Exception {
        int query = 44;
        search(query, false);
        Thread.sleep(PAST_EXPIRY_MS);
        sandbox.addFault(fault(503, "serviceNotAvailable"));

        CallToolResult refreshed = search(query, true);

        assertThat(refreshed.isError()).isTrue();
        assertThat(text(refreshed)).contains("503").contains("serviceNotAvailable");
    }

    @Test
    void expiredRead_graphAnswers404_isAnError_notMaskedByTheCache() throws Exception {
        int query = 45;
        search(query, false);
        Thread.sleep(PAST_EXPIRY_MS);
        sandbox.addFault(fault(404, "ErrorItemNotFound"));

        CallToolResult answered = search(query, false);

        assertThat(answered.isError()).isTrue();
        assertThat(text(answered)).contains("404").contains("ErrorItemNotFound");
    }

    /** demo2's search for "budget" with {@code limit} as the test's own key. */
    private CallToolResult search(int limit, boolean forceRefresh) {
        Map<String, Object> arguments = new HashMap<>(Map.of("account_id", "demo2", "query", "budget", "limit", limit));
        if (forceRefresh) {
            arguments.put("force_refresh", true);
        }
        return call(client, "search_unified", arguments);
    }

    /** Every search fails with {@code status}; Retry-After 0, so the retries of a 429 or 503 cost no wait. */
    private static String fault(int status, String code) {
        return "{\"path_pattern\":\"" + SEARCH + "\",\"method\":\"POST\",\"status\":" + status
                + ",\"retry_after_seconds\":0,\"code\":\"" + code + "\",\"message\":\"Injected by StaleIfErrorIT.\"}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cache(CallToolResult result) {
        return (Map<String, Object>) structured(result).get("cache");
    }

    private static Instant cachedAt(CallToolResult result) {
        return Instant.parse((String) cache(result).get("cached_at"));
    }

    private static String note(CallToolResult result) {
        return (String) cache(result).get("note");
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    private long staleIfErrorServes() {
        Map<String, Object> operations = (Map<String, Object>)
                structured(call(client, "cache_get_stats", Map.of())).get("operations");
        return ((Number) ((Map<String, Object>) operations.get("search_unified")).get("stale_if_error_serves"))
                .longValue();
    }
}
